"""The business date: today in Viet Nam, or the date a demonstration is pinned to.

The demo world is laid out "as of" late 2025. ``CCHC_TODAY=2025-11-25`` makes every page, state and
deadline computation read as of that day (``make run`` sets it for the demo), so a newcomer a year
later still sees a lived-in system instead of everything overdue. Production leaves it unset.
"""

from __future__ import annotations

import os
from datetime import date

from django.utils import timezone


def pinned_today() -> date | None:
    text = os.environ.get("CCHC_TODAY", "")
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        return None


def today() -> date:
    return pinned_today() or timezone.localdate()
