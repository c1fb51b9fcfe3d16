"""Workers: the loop that takes tasks from the backend, and the housekeeping beside it.

Every worker process (`cchc worker`) and the embedded worker thread of `cchc serve` run two things:
the task backend's own worker (django-tasks-db's database worker, or an RQ worker), which runs
``apps.jobs.tasks.run_job_task``; and a housekeeping thread that every few seconds recovers jobs left
by dead workers and ticks the periodic schedule. Both are safe with any number of workers.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone

from apps.jobs import runner, schedule

log = logging.getLogger(__name__)


def housekeeping_once() -> None:
    """Recover stale jobs, then tick the schedule; a failure is logged and retried next round."""
    try:
        close_old_connections()
        runner.recover_stale()
        schedule.tick()
    except Exception:  # noqa: BLE001 - the loop must survive a database hiccup
        log.exception("Dọn tác vụ bị bỏ dở / lịch chạy định kỳ lỗi")
    finally:
        close_old_connections()


class Housekeeping(threading.Thread):
    def __init__(self, every: float | None = None, watchdog: bool = False) -> None:
        super().__init__(name="cchc-jobs-housekeeping", daemon=True)
        self.every = every if every is not None else float(settings.CCHC_JOB_SWEEP_SECONDS)
        self.watchdog = watchdog
        self.stopped = threading.Event()

    def run(self) -> None:
        try:
            while True:
                housekeeping_once()
                if self.watchdog:
                    self._watch()
                if self.stopped.wait(max(0.2, self.every)):
                    return
        finally:
            connections.close_all()

    def _watch(self) -> None:
        """In a worker process, a job stuck past its deadline (a hung call) ends the process, so the
        supervisor restarts it; the lease has run out by then and the job goes to another worker."""
        grace = 2 * runner.lease()
        now = timezone.now()
        for job_id, deadline in list(runner.RUNNING.items()):
            if now > deadline + grace:
                log.critical("Tác vụ %s treo quá thời hạn; dừng tiến trình xử lý %s", job_id, os.getpid())
                os._exit(75)

    def stop(self) -> None:
        self.stopped.set()


def database_worker(queues: list[str], *, batch: bool = False, interval: float = 1.0, max_tasks=None):
    """django-tasks-db's worker for the default backend (the embedded default)."""
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=queues,
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id=runner.worker_id()[:64],
        excluded_queue_names=[],
    )


def run_rq_worker(queues: list[str], *, burst: bool = False) -> None:
    """An RQ worker on the queues (with RQ's scheduler, for retries that wait)."""
    import django_rq
    from django_tasks_rq import Job as TaskJob

    connections.close_all()  # RQ forks a work horse per job: no connection may be shared with it
    names = settings.CCHC_JOB_QUEUES if queues == ["*"] else queues
    django_rq.get_worker(*names, job_class=TaskJob).work(burst=burst, with_scheduler=True)


class EmbeddedWorker:
    """The worker thread of `cchc serve` in embedded mode (database backend), with its housekeeping."""

    def __init__(self) -> None:
        self.worker = database_worker(["*"])
        self.housekeeping = Housekeeping()
        self.thread = threading.Thread(target=self._run, name="cchc-worker", daemon=True)

    def _run(self) -> None:
        while self.worker.running:
            try:
                self.worker.run()
            except Exception:  # noqa: BLE001 - keep the web process's worker alive
                log.exception("Tiến trình xử lý tác vụ lỗi; khởi động lại sau 5 giây")
                time.sleep(5)
            finally:
                connections.close_all()

    def start(self) -> EmbeddedWorker:
        self.housekeeping.start()
        self.thread.start()
        return self

    def stop(self, wait: float = 10.0) -> None:
        """Stop after the job in hand; wait for both threads (their database connections closed)."""
        self.worker.running = False
        self.housekeeping.stop()
        self.thread.join(wait)
        self.housekeeping.join(wait)


def embedded_possible() -> bool:
    return settings.CCHC_TASK_BACKEND == "db"
