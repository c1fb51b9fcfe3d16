"""Running a job: claim it, run its function with a heartbeat, settle the outcome; recover the stale.

States: queued -> running (claimed by one worker with a conditional UPDATE; ``attempts`` + 1, a new
``token``) -> succeeded | failed, or back to queued for another attempt. A running job's lease is
renewed by a heartbeat thread and by every progress report; when a worker dies (kill -9, a restart of
the web process that ran it in a thread) the lease runs out and ``recover_stale``, which every worker
runs every few seconds, puts the job back in the queue (or fails it once its attempts are spent). A
queued job whose lease ran out had its task message lost (the process died between commit and
enqueue, a broker was down): it is enqueued again. Claims make duplicate messages harmless.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import traceback
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from apps.jobs.models import Job
from apps.jobs.progress import JobFailed, JobRetry, JobTimedOut, LeaseLost, Progress
from apps.jobs.registry import JobKind, find

log = logging.getLogger(__name__)
RUNNING: dict[int, datetime] = {}  # jobs running in this process -> deadline (the worker's watchdog reads it)


def lease() -> timedelta:
    return timedelta(seconds=max(1, settings.CCHC_JOB_LEASE_SECONDS))


def queue_grace() -> timedelta:
    """How long a queued job may wait for a worker before its task message is sent again."""
    return max(lease() * 5, timedelta(minutes=5))


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{threading.current_thread().name}"[:200]


def dispatch(job: Job, run_after: datetime | None = None) -> None:
    """Send "run job N" through the configured task backend (after the job row is committed)."""
    from apps.jobs.tasks import run_job_task

    spec = find(job.kind)
    task = run_job_task.using(queue_name=spec.queue if spec else "default")
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    result = task.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])


def dispatch_on_commit(job: Job, run_after: datetime | None = None) -> None:
    # robust: a broker that is down must not undo the request that queued the job; the sweep resends.
    transaction.on_commit(lambda: dispatch(job, run_after), robust=True)


def claim(job_id: int) -> str | None:
    """Take a queued job for this worker; its token, or None when another worker has it."""
    now, token = timezone.now(), uuid.uuid4().hex
    taken = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING,
        token=token,
        attempts=F("attempts") + 1,
        worker=worker_id(),
        started_at=now,
        heartbeat_at=now,
        lease_until=now + lease(),
    )
    return token if taken else None


class Heartbeat(threading.Thread):
    """Renews the lease of a job while its function runs, on its own database connection."""

    def __init__(self, progress: Progress) -> None:
        super().__init__(name=f"cchc-job-heartbeat-{progress.job_id}", daemon=True)
        self.progress = progress
        self.stopped = threading.Event()

    def run(self) -> None:
        every = max(0.2, self.progress.lease.total_seconds() / 3)
        try:
            while not self.stopped.wait(every):
                try:
                    if not self.progress.renew():
                        return
                except DatabaseError:
                    log.warning("Không gia hạn được tác vụ %s; thử lại sau", self.progress.job_id)
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopped.set()


def run_job(job_id: int) -> str:
    """Run one job if this worker can claim it; returns what happened (for the task backend's log)."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    spec = find(job.kind)
    if spec is None:
        Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
            status=Job.Status.FAILED,
            finished_at=timezone.now(),
            error=f"Hệ thống không còn loại tác vụ này ({job.kind}).",
        )
        return "unknown kind"
    token = claim(job_id)
    if token is None:
        return "not claimed"
    job.refresh_from_db()
    progress = Progress(job, token, lease(), job.started_at + timedelta(seconds=job.timeout_seconds))
    # Inside a transaction (a test's) another connection could not see the row: progress renews then.
    heartbeat = None if connection.in_atomic_block else Heartbeat(progress)
    if heartbeat:
        heartbeat.start()
    RUNNING[job_id] = progress.deadline
    try:
        return _run(spec, job, progress)
    finally:
        RUNNING.pop(job_id, None)
        if heartbeat:
            heartbeat.stop()


def _run(spec: JobKind, job: Job, progress: Progress) -> str:
    mine = Job.objects.filter(pk=job.pk, token=progress.token, status=Job.Status.RUNNING)
    try:
        spec.fn(job, progress)
    except LeaseLost:
        log.warning("Tác vụ %s đã được tiến trình khác nhận lại; dừng ở đây", job.pk)
        return "lease lost"
    except JobFailed as exc:
        settle(mine, job, str(exc), retry=False)
        return "failed"
    except JobRetry as exc:
        settle(mine, job, str(exc))
        return "retry"
    except JobTimedOut:
        settle(mine, job, f"quá thời gian cho phép ({_minutes(job.timeout_seconds)}).")
        return "timed out"
    except Exception as exc:  # noqa: BLE001 - any bug: the user sees a reason, the log keeps the trace
        log.exception("Tác vụ %s (%s) lỗi", job.pk, job.kind)
        detail = "".join(traceback.format_exception(exc))
        settle(mine, job, f"lỗi hệ thống ({type(exc).__name__}).", detail=detail)
        return "error"
    if not progress.completed:
        mine.update(status=Job.Status.SUCCEEDED, finished_at=timezone.now(), error="", lease_until=None)
    return "succeeded"


def _minutes(seconds: int) -> str:
    return f"{seconds // 60} phút" if seconds >= 60 else f"{seconds} giây"


def backoff(attempt: int) -> timedelta:
    return timedelta(seconds=min(300, 5 * 4 ** max(0, attempt - 1)))


def settle(
    mine: QuerySet, job: Job, reason: str, *, retry: bool = True, wait: bool = True, detail: str = ""
) -> bool:
    """After a failed attempt: queue another one (after a backoff when ``wait``), or mark the job failed
    with the reason shown to the user. ``mine`` selects the job only while the caller still holds it;
    False when it did not."""
    now = timezone.now()
    job.refresh_from_db(fields=["attempts", "max_attempts"])
    if retry and job.attempts < job.max_attempts:
        run_after = now + backoff(job.attempts) if wait else now
        error = f"Lần chạy thứ {job.attempts} không thành công: {reason} Hệ thống sẽ tự chạy lại."
        if mine.update(
            status=Job.Status.QUEUED,
            token="",
            worker="",
            error=error[:500],
            error_detail=detail,
            lease_until=run_after + queue_grace(),
        ):
            dispatch_on_commit(job, run_after if wait else None)
            return True
        return False
    error = f"Không hoàn tất được: {reason}"
    if job.attempts > 1:
        error += f" Đã chạy {job.attempts} lần."
    if retry:
        error += " Đề nghị báo quản trị hệ thống."
    return bool(
        mine.update(
            status=Job.Status.FAILED,
            finished_at=now,
            error=error[:500],
            error_detail=detail,
            token="",
            lease_until=None,
        )
    )


def recover_stale(only: Q | None = None, limit: int = 100) -> int:
    """Requeue (or fail) running jobs whose worker died, resend queued jobs nobody took; returns how many.

    Several workers may sweep at once: every change is a conditional UPDATE on what was read."""
    now = timezone.now()
    stale = Job.objects.filter(status__in=Job.ACTIVE, lease_until__lt=now)
    if only is not None:
        stale = stale.filter(only)
    count = 0
    for job in stale.order_by("lease_until")[:limit]:
        with transaction.atomic():
            if job.status == Job.Status.QUEUED:
                same = Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED, lease_until=job.lease_until)
                if same.update(lease_until=now + queue_grace()):
                    dispatch_on_commit(job)
                    count += 1
                continue
            mine = Job.objects.filter(
                pk=job.pk, status=Job.Status.RUNNING, token=job.token, lease_until__lt=now
            )
            timed_out = job.started_at and now > job.started_at + timedelta(seconds=job.timeout_seconds)
            reason = (
                f"quá thời gian cho phép ({_minutes(job.timeout_seconds)})."
                if timed_out
                else "tiến trình xử lý đã dừng giữa chừng (máy chủ khởi động lại hoặc tiến trình bị tắt)."
            )
            if settle(mine, job, reason, wait=bool(timed_out)):  # a dead worker is no reason to wait
                log.warning("Tác vụ %s bị bỏ dở (%s): %s", job.pk, job.worker, reason)
                _close_lost_task(job)
                count += 1
    return count


def _close_lost_task(job: Job) -> None:
    """Mark the database backend's row of the dead attempt failed, so its admin does not show it running."""
    if not job.task_id or "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path="apps.jobs.runner.WorkerLost",
        traceback=f"Tiến trình {job.worker} dừng khi đang chạy tác vụ {job.pk}.",
    )
