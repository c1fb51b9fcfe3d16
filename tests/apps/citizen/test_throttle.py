"""Rate limits of the public pages: counted in the database, so they hold across processes."""

from __future__ import annotations

import multiprocessing

import pytest
from django.db import connection
from django.test import RequestFactory

from apps.citizen import throttle
from apps.citizen.models import RateCounter
from apps.citizen.throttle import Limit, client_key, hit
from tests.apps.citizen import procs as procs_mod


def test_parse_limits():
    assert Limit.parse("5/3600") == Limit(5, 3600)
    for bad in ("0/60", "5/0", "x/60"):
        with pytest.raises(ValueError):
            Limit.parse(bad)


@pytest.mark.parametrize(
    ("addr", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),  # same subscriber block: same key
    ],
)
def test_client_key(addr, key):
    assert client_key(RequestFactory().get("/", REMOTE_ADDR=addr)) == key


def test_window_slides_over_the_previous_slot(db):
    limit = Limit(10, 100)
    t0 = 1_000_000.0  # the start of a slot
    assert all(hit("k", limit, now=t0 + 90) for _ in range(10))
    assert not hit("k", limit, now=t0 + 95)  # the 11th in the same slot
    # 10 s into the next slot, 90% of the previous slot still counts: 9.9 + 1 > 10
    assert not hit("k", limit, now=t0 + 110)
    # near the end of the next slot the old hits weigh little: 2 + 10 * 0.05 = 2.5 <= 10
    assert hit("k", limit, now=t0 + 195)
    assert RateCounter.objects.filter(key="k").count() == 2


def test_prune_forgets_old_slots(db, settings):
    settings.CITIZEN_RATE_LIMITS = {"petition": "5/3600"}
    hit("petition:1.2.3.4", Limit(5, 3600), now=0)
    hit("petition:1.2.3.4", Limit(5, 3600), now=10 * 3600)
    assert throttle.prune(now=10 * 3600) == 1
    assert RateCounter.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_limit_holds_across_processes():
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite" and ("memory" in name or name == ":memory:"):
        pytest.skip("the in-memory SQLite test database is not shared between processes; run on PostgreSQL")
    ctx = multiprocessing.get_context("spawn")  # fresh interpreters, each with its own connection
    queue = ctx.Queue()
    now = 2_000_000.0 + 10  # one slot for everyone
    key = "flood:198.51.100.1"
    procs = [ctx.Process(target=procs_mod.hammer, args=(name, key, 10, 15, now, queue)) for _ in range(4)]
    for p in procs:
        p.start()
    allowed = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
    assert sum(allowed) == 15, allowed  # 40 attempts from 4 processes, exactly the limit let through
    assert RateCounter.objects.get(key=key).hits == 40
