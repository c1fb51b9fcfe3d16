"""Background compilation of a superior's report: one interface, three ways to run it.

``dispatch`` is called after the job row is committed. The embedded default (``CCHC_REPORT_JOBS``
"thread", or CCHC_INLINE_JOBS on) runs it in a daemon thread of the web process; "inline" runs it
at once (tests, the command line); "queue" leaves it for `cchc report-jobs`, run by the deployment
on any number of machines. Whoever runs a job first claims it with a conditional UPDATE, so two
workers never compile the same job, and progress lives in the row, so any web server can show it.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from dataclasses import asdict

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from apps.reports.models import ReportJob
from core.reporting.data import to_json

log = logging.getLogger(__name__)


def mode() -> str:
    default = "thread" if getattr(settings, "CCHC_INLINE_JOBS", True) else "queue"
    return getattr(settings, "CCHC_REPORT_JOBS", default)


def dispatch(job: ReportJob) -> None:
    """Start the job the configured way, once the transaction that created it has committed."""
    how = mode()
    if how == "inline":
        transaction.on_commit(lambda: run_job(job.pk))
    elif how == "thread":
        transaction.on_commit(lambda: _thread(job.pk))


def _thread(job_id: int) -> None:
    def target() -> None:
        try:
            run_job(job_id)
        finally:
            close_old_connections()

    threading.Thread(target=target, name=f"cchc-report-job-{job_id}", daemon=True).start()


def claim(job_id: int) -> bool:
    """Take a queued job for this worker; False when another worker already has it."""
    worker = f"{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"
    return bool(
        ReportJob.objects.filter(pk=job_id, status=ReportJob.Status.QUEUED).update(
            status=ReportJob.Status.RUNNING, worker=worker[:100], started_at=timezone.now()
        )
    )


def run_job(job_id: int) -> bool:
    """Compile the job's report if this worker can claim it; the result goes to the report row."""
    from apps.reports.compile import compile_rows
    from apps.reports.selectors import period_for

    if not claim(job_id):
        return False
    job = ReportJob.objects.select_related("report__org_unit").get(pk=job_id)
    report = job.report

    def progress(done: int, total: int) -> None:
        ReportJob.objects.filter(pk=job_id).update(done=done, total=total)

    try:
        period = period_for(report.org_unit, report.period_code)
        rows = compile_rows(report.org_unit, period, progress)
        report.compiled = {"at": timezone.now().isoformat(), "rows": [to_json(asdict(r)) for r in rows]}
        report.save(update_fields=["compiled", "updated_at"])
        ReportJob.objects.filter(pk=job_id).update(
            status=ReportJob.Status.DONE,
            finished_at=timezone.now(),
            message=f"Đã tổng hợp {len(rows)} đơn vị cấp dưới.",
        )
    except Exception as exc:  # noqa: BLE001 - the failure is shown on the page, the log keeps the trace
        log.exception("Tổng hợp báo cáo thất bại (job %s)", job_id)
        ReportJob.objects.filter(pk=job_id).update(
            status=ReportJob.Status.FAILED,
            finished_at=timezone.now(),
            message=f"Lỗi khi tổng hợp: {exc}"[:500],
        )
    return True


def run_queued(limit: int | None = None) -> int:
    """Run queued jobs, oldest first (the worker command); returns how many this worker ran."""
    ran = 0
    for job_id in (
        ReportJob.objects.filter(status=ReportJob.Status.QUEUED)
        .order_by("created_at")
        .values_list("pk", flat=True)
    ):
        if limit is not None and ran >= limit:
            break
        ran += run_job(job_id)
    return ran
