"""The job layer's own periodic work: prune what the task backend and the schedule leave behind.

Every job leaves a row in the database backend's task table (django-tasks-db) and periodic slots
leave ``ScheduledRun`` rows; they are kept a week and a year, respectively, then deleted. Job rows are
history that users read ("compiled at 9:05 by ..."): they are kept a year too.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from apps.jobs.models import Job, ScheduledRun
from apps.jobs.registry import every_day, job_kind

TASK_ROWS_KEPT = timedelta(days=7)
HISTORY_KEPT = timedelta(days=365)


@job_kind("jobs.prune", label="Dọn dữ liệu tác vụ cũ", timeout=1800, attempts=2)
def prune(job, progress) -> None:
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    progress(0, 3, "Đang dọn")
    tasks, _ = DBTaskResult.objects.filter(
        status__in=["SUCCESSFUL", "FAILED"], finished_at__lt=now - TASK_ROWS_KEPT
    ).delete()
    progress(1, 3)
    runs, _ = ScheduledRun.objects.filter(created_at__lt=now - HISTORY_KEPT).delete()
    progress(2, 3)
    old = Job.objects.filter(
        status__in=[Job.Status.SUCCEEDED, Job.Status.FAILED], created_at__lt=now - HISTORY_KEPT
    )
    jobs, _ = old.exclude(pk=job.pk).delete()
    result = {"task_rows": tasks, "scheduled_runs": runs, "jobs": jobs}
    with progress.complete(message=f"Đã xóa {tasks} bản ghi hàng đợi, {jobs} tác vụ cũ.", result=result):
        pass  # every step above is idempotent: nothing more to write with the success


def _calendar_day(now: datetime) -> date:
    return now.date()


every_day("jobs.prune-daily", "jobs.prune", at=time(3, 0), slot=_calendar_day)
