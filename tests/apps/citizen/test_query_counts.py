"""Query-count baselines of the citizen pages, and the same count with 3 or 30 rows (no N+1).
If a change needs a new query, raise the baseline in the same commit and say why."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.citizen.models import Petition
from apps.citizen.services import petitions as svc
from apps.citizen.services import ratings, surveys
from tests.apps.citizen.conftest import make_dossier, petition_data


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-11-10")


def grow(world, r, start: int, stop: int) -> None:
    for i in range(start, stop):
        p = svc.submit_public(world.a1, petition_data(world.a1))
        svc.classify(world.officer_a1, p, agency=world.kt_a1 if i % 2 else world.hcc_a1)
        d = make_dossier(
            world.a1, f"Q-{i}", received=date(2025, 11, 3), due=date(2025, 11, 4), finished=date(2025, 11, 4)
        )
        ratings.rate(d, 1 + i % 5, "Góp ý" if i % 3 == 0 else "")
        surveys.enter_paper(
            world.officer_a1, r, world.a1, {str(q.pk): 1 + i % 5 for q in r.questions.all()}, f"P{i}"
        )


def count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


PAGES = [
    ("petition-list", lambda w, r: "/y-kien/phan-anh/", "officer_a1", 9),  # +2: the unit's 5.2 and 5.3
    ("petition-list-agency", lambda w, r: "/y-kien/phan-anh/", "staff_a1", 7),
    (
        "petition-detail",
        lambda w, r: f"/y-kien/phan-anh/{Petition.objects.order_by('pk').first().pk}/",
        "officer_a1",
        7,
    ),
    (
        "public-lookup",
        lambda w, r: f"/nguoi-dan/phan-anh/tra-cuu/?ma={Petition.objects.order_by('pk').first().code}",
        None,
        4,
    ),
    ("round", lambda w, r: f"/y-kien/khao-sat/{r.pk}/", "officer_a1", 8),
    ("ratings", lambda w, r: f"/y-kien/danh-gia/?ky=2025-Q4&don-vi={w.a1.pk}", "officer_a1", 9),
]


@pytest.mark.parametrize(("label", "url", "who", "baseline"), PAGES, ids=[p[0] for p in PAGES])
def test_baseline_and_scale(world, client, settings, label, url, who, baseline):
    settings.CITIZEN_RATE_LIMITS = {k: "100000/3600" for k in settings.CITIZEN_RATE_LIMITS}
    r = surveys.create_round(world.officer_a1, world.a1, "Khảo sát", date(2025, 11, 1), date(2025, 11, 30))
    r = surveys.set_state(world.officer_a1, r, "open")
    grow(world, r, 0, 3)
    if who:
        client.force_login(getattr(world, who))
    small = count(client, url(world, r))
    grow(world, r, 3, 30)
    big = count(client, url(world, r))
    assert big <= baseline, f"{label}: {big} queries (baseline {baseline})"
    assert big == small, f"{label}: {small} queries with 3 rows, {big} with 30 (an N+1?)"
