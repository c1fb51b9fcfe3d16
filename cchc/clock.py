"""The business date: today in Viet Nam, or the date a demonstration is pinned to.

The demo world is laid out "as of" late 2025. ``CCHC_TODAY=2025-11-25`` makes every page, state and
deadline computation read as of that day (``make run`` sets it for the demo), so a newcomer a year
later still sees a lived-in system instead of everything overdue. Production leaves it unset.
"""

from __future__ import annotations

import os
from datetime import date, datetime

from django.utils import timezone


def pinned_today() -> date | None:
    text = os.environ.get("CCHC_TODAY", "")
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def today() -> date:
    return pinned_today() or timezone.localdate()


def now() -> datetime:
    """The business clock: the current time of day on the business date.

    Timestamps shown next to business dates ("gửi lần đầu 25/11/2025", "Gửi … 09:12 25/11/2025") must
    come from one clock; with a pinned date, a report sent now is stamped on the pinned day at the
    current Viet Nam time, not a year later. Unpinned (production), it is ``timezone.now()``. Security
    records (audit trail, login throttle, sessions, job heartbeats) keep the real clock."""
    real = timezone.now()
    pinned = pinned_today()
    if pinned is None:
        return real
    local = timezone.localtime(real)
    return local.replace(year=pinned.year, month=pinned.month, day=pinned.day)
