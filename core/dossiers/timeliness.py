"""When a dossier counts as handled on time (QĐ 766 indicator 2.1), and how long it took (2.2).

The rules, in the words of the 766 specification as corrected in §9 of the reference notes:

- on time is judged on the processing end (``NgayKetThucXuLy``), not the return date: a finished
  dossier is on time when ``NgayKetThucXuLy ≤ NgayHenTra``;
- a supplement request moves the appointment (``NgayHenTraTruoc`` → ``NgayHenTraMoi``): the
  appointment compared is the latest one; **two or more supplement requests make a dossier late**;
- a dossier not finished yet is on time for a period when its appointment is not before the
  period's end (the end of the period stands in for its processing end);
- without any appointment, the procedure's processing time counted from receipt (plus the time
  the citizen took to supplement) gives it.

The SQL twin of ``on_time``/``open_until`` is in ``apps/dossiers/pipeline/derive.py``; a test keeps
them equal.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from typing import Protocol


class Calendar(Protocol):
    def working_days_between(self, a: date, b: date) -> int: ...
    def add_working_days(self, start: date, n: int) -> date: ...


# Units of a procedure's processing time (``DonViTinh`` of the national catalogue).
WORKING_DAY, DAY, HOUR = "ngay_lam_viec", "ngay", "gio"
HOURS_PER_WORKING_DAY = 8  # one provincial system's rule: 8 giờ làm việc = 1 ngày làm việc
END_OF_DAY = time(23, 59, 59)


def late_by_supplements(supplement_count: int) -> bool:
    """More than one supplement request makes the dossier late, whatever its dates."""
    return (supplement_count or 0) >= 2


def on_time_finished(finished: datetime, due: datetime | None, supplement_count: int = 0) -> bool:
    """A finished dossier: processing ended no later than the appointment, with at most one
    supplement request."""
    return not late_by_supplements(supplement_count) and due is not None and finished <= due


def open_until(finished: datetime | None, due: datetime | None, supplement_count: int = 0) -> date | None:
    """For a dossier not finished yet: the last period end it is still on time for (its
    appointment day). None when it does not depend on the period (finished, or late anyway)."""
    if finished is not None or due is None or late_by_supplements(supplement_count):
        return None
    return due.date()


def on_time(finished: datetime | None, due: datetime | None, supplement_count: int, period_end: date) -> bool:
    """Indicator 2.1 for one dossier received in a period that ends on ``period_end``."""
    if finished is not None:
        return on_time_finished(finished, due, supplement_count)
    until = open_until(finished, due, supplement_count)
    return until is not None and until >= period_end


def moved_due(due: datetime | None, moves: Iterable[datetime | None]) -> datetime | None:
    """The appointment after supplement requests moved it (the latest ``NgayHenTraMoi``)."""
    latest = due
    for new in moves:
        if new is not None and (latest is None or new > latest):
            latest = new
    return latest


def pause_days(requested: datetime | None, completed: datetime | None, cal: Calendar) -> int:
    """Working days the citizen took to supplement, which do not count against the agency."""
    if requested is None or completed is None or completed < requested:
        return 0
    return cal.working_days_between(requested.date(), completed.date())


def computed_due(
    received: datetime,
    amount: float | None,
    unit: str,
    cal: Calendar,
    pause: int = 0,
) -> datetime | None:
    """The appointment a dossier without ``NgayHenTra`` would have had: its procedure's processing
    time from receipt, plus the supplement pause, to the end of that day. None without a time."""
    if amount is None or amount <= 0:
        return None
    start = received.date()
    if unit == DAY:
        day = start + timedelta(days=math.ceil(amount))
        if pause:
            day = cal.add_working_days(day, pause)
    else:
        days = math.ceil(amount / HOURS_PER_WORKING_DAY) if unit == HOUR else math.ceil(amount)
        day = cal.add_working_days(start, days + pause)
    return datetime.combine(day, END_OF_DAY)


def processing_days(
    received: datetime | None,
    finished: datetime | None,
    cal: Calendar,
    requested: datetime | None = None,
    completed: datetime | None = None,
) -> int | None:
    """Working days from receipt to the processing end, less the supplement pause (2.2)."""
    if received is None or finished is None:
        return None
    days = cal.working_days_between(received.date(), finished.date())
    return max(0, days - pause_days(requested, completed, cal))
