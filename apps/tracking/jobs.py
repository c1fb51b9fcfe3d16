"""The daily reminders (đôn đốc) as a background job, each working morning at 06:30, once.

The schedule (``apps.jobs``) submits one ``tracking.remind`` job per business day, whichever worker
ticks first; `cchc remind` still runs the same thing by hand. A run is idempotent: reminders are
unique per milestone, kind and step, so a second run (a retry after a dead worker) sends nothing twice.
"""

from __future__ import annotations

from datetime import date, datetime, time

from apps.jobs.progress import JobRetry
from apps.jobs.registry import every_day, job_kind
from apps.tracking.calendar import work_calendar
from cchc import clock

RUN_AT = time(6, 30)  # before the office day starts (giờ Việt Nam)


@job_kind("tracking.remind", label="Nhắc việc hằng ngày", unit="bước", timeout=3600, attempts=3)
def remind(job, progress) -> None:
    from apps.tracking.remind import run

    day = date.fromisoformat(job.params["day"]) if job.params.get("day") else clock.today()
    progress(0, 1, f"Nhắc việc ngày {day:%d/%m/%Y}")
    outgoing, result = run(day)
    if "error" in result:
        raise JobRetry(result["error"])
    with progress.complete(message=f"Đã gửi {len(outgoing)} nhắc việc ngày {day:%d/%m/%Y}.", result=result):
        pass  # run() committed its reminders in one transaction; a rerun sends nothing twice


def working_morning(now: datetime) -> date | None:
    """The business day the reminders are for, or None on a day off (Monday catches up)."""
    day = clock.today()
    return day if work_calendar().is_working_day(day) else None


every_day("tracking.remind-daily", "tracking.remind", at=RUN_AT, slot=working_morning)


DIGEST_AT = time(7, 0)  # after the 06:30 reminders, so the morning's reminders are in the digest


@job_kind("tracking.digest", label="Thư tổng hợp thông báo hằng ngày", unit="thư", timeout=1800, attempts=3)
def digest(job, progress) -> None:
    from apps.tracking.digest import send_digests

    day = date.fromisoformat(job.params["day"]) if job.params.get("day") else clock.today()
    progress(0, 1, f"Thư tổng hợp ngày {day:%d/%m/%Y}")
    result = send_digests(day)
    if "error" in result:
        raise JobRetry(result["error"])
    with progress.complete(
        message=f"Đã gửi {result['digests']} thư tổng hợp ngày {day:%d/%m/%Y}.", result=result
    ):
        pass  # one EmailDigest per user and day: a rerun sends nothing twice


every_day("tracking.digest-daily", "tracking.digest", at=DIGEST_AT, slot=working_morning)
