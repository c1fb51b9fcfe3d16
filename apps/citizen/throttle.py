"""Rate limits of the public pages, per client address, shared by every web process.

The count lives in the database (``RateCounter``: one row per key and time slot, incremented by
one atomic ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING``, which PostgreSQL and SQLite 3.35+
both run), so four waitress processes behind a balancer, or two machines on one PostgreSQL, refuse
the same flood. The window slides: the previous slot's hits count in proportion to how much of it
still lies within the window, so a burst at a slot boundary gets no double allowance.

Addresses come from ``REMOTE_ADDR`` only (see ``apps.accounts.throttle.client_ip``); an IPv6
client is limited per /64, the block one subscriber gets, so rotating addresses inside it does
not help.
"""

from __future__ import annotations

import ipaddress
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection

from apps.accounts.throttle import client_ip
from apps.citizen.models import RateCounter


@dataclass(frozen=True)
class Limit:
    hits: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Limit:
        hits, _, seconds = text.partition("/")
        limit = cls(int(hits), int(seconds or 3600))
        if limit.hits < 1 or limit.seconds < 1:
            raise ValueError(f"giới hạn không hợp lệ: {text!r}")
        return limit


def limit_for(scope: str) -> Limit:
    return Limit.parse(settings.CITIZEN_RATE_LIMITS[scope])


def client_key(request) -> str:
    ip = client_ip(request) or "unknown"
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return ip[:60]
    if addr.version == 6:
        if addr.ipv4_mapped:
            return str(addr.ipv4_mapped)
        return str(ipaddress.ip_network(f"{addr}/64", strict=False).network_address) + "/64"
    return str(addr)


def _increment(key: str, slot: int) -> int:
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f'INSERT INTO {table} ("key", "slot", "hits") VALUES (%s, %s, 1) '
            f'ON CONFLICT ("key", "slot") DO UPDATE SET "hits" = {table}."hits" + 1 RETURNING "hits"',
            [key, slot],
        )
        return int(cursor.fetchone()[0])


def hit(key: str, limit: Limit, now: float | None = None) -> bool:
    """Count one hit of ``key``; True while the hits within the sliding window stay within the limit.

    Must run outside a transaction: the increment commits at once, so a refused flood still counts
    and a concurrent request sees it."""
    now = time.time() if now is None else now
    slot, into = divmod(now, limit.seconds)
    slot = int(slot)
    current = _increment(key, slot)
    previous = RateCounter.objects.filter(key=key, slot=slot - 1).values_list("hits", flat=True).first() or 0
    weight = 1.0 - into / limit.seconds
    return current + previous * weight <= limit.hits


def allow(request, scope: str) -> bool:
    """One attempt of ``scope`` (petition, lookup, rating, survey) from this client."""
    return hit(f"{scope}:{client_key(request)}", limit_for(scope))


def prune(now: float | None = None) -> int:
    """Forget counters no window reads any more (older than the previous slot); run daily."""
    now = time.time() if now is None else now
    deleted = 0
    for scope in settings.CITIZEN_RATE_LIMITS:
        current = int(now // limit_for(scope).seconds)
        deleted += RateCounter.objects.filter(key__startswith=f"{scope}:", slot__lt=current - 1).delete()[0]
    return deleted
