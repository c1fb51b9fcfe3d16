"""The working-day calendar of the database: ``work_calendar()`` for every deadline in days.

Official overrides (nghỉ bù, làm bù) live in ``CalendarDay``, seeded with the 2024-2026 notices
and edited by admins; statutory holidays still come from the ``holidays`` library via
core.workdays. Building a calendar is cheap but not free, so one is kept per process and rebuilt
when the shared cache says the table changed (a version number bumped on every save/delete), or
after ``LOCAL_TTL`` seconds in case the cache is per-process (LocMem) and another process edited.
"""

from __future__ import annotations

import threading
import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from apps.tracking.models import CalendarDay
from core.workdays import CalendarOverride, WorkCalendar

VERSION_KEY = "tracking:calendar-version"
LOCAL_TTL = 300.0

_lock = threading.Lock()
_memo: dict[str, object] = {"calendar": None, "version": None, "at": 0.0}


def _build() -> WorkCalendar:
    rows = CalendarDay.objects.values_list("day", "kind", "note")
    # use_official=False: the database is the one source, so deleting a wrong row takes effect.
    return WorkCalendar([CalendarOverride(d, k, n) for d, k, n in rows], use_official=False)


def work_calendar() -> WorkCalendar:
    """The current calendar: cached per process, rebuilt after a change."""
    version = cache.get(VERSION_KEY, 0)
    now = time.monotonic()
    with _lock:
        cal = _memo["calendar"]
        if cal is None or _memo["version"] != version or now - float(_memo["at"]) > LOCAL_TTL:
            cal = _build()
            _memo.update(calendar=cal, version=version, at=now)
        return cal  # type: ignore[return-value]


def invalidate() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
    with _lock:
        _memo["calendar"] = None


@receiver(post_save, sender=CalendarDay, dispatch_uid="tracking-calendar-save")
@receiver(post_delete, sender=CalendarDay, dispatch_uid="tracking-calendar-delete")
def _changed(**kwargs) -> None:
    invalidate()
