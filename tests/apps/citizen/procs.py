"""Code run in child processes by the rate-limit test (spawned: a fresh interpreter, its own
database connection to the test database). No Django import at module level."""

from __future__ import annotations

import os


def hammer(database_name: str, key: str, hits: int, limit: int, now: float, queue) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    os.environ.setdefault("CCHC_TESTING", "1")
    import django

    django.setup()
    from django.db import connections

    connections["default"].settings_dict["NAME"] = database_name
    from apps.citizen.throttle import Limit, hit

    allowed = sum(hit(key, Limit(limit, 3600), now=now) for _ in range(hits))
    connections.close_all()
    queue.put(allowed)
