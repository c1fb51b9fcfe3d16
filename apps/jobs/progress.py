"""What a job's function gets to talk back: progress, the lease it holds, and its one final write.

``progress(done, total, message)`` records how far the job is (the status page polls it) and renews
the lease; it raises ``LeaseLost`` when another worker has taken the job over (this one was thought
dead) and ``JobTimedOut`` past the attempt's deadline, so a stale worker stops at its next step.
``with progress.complete(message, result):`` wraps the function's final write: the job is marked
succeeded in the same transaction, only while this worker still holds it, so the result is written
exactly once even when a worker is killed and the job runs again.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.jobs.models import Job


class JobFailed(Exception):
    """A failure that another attempt cannot fix; its message (Vietnamese) is shown to the user."""


class JobRetry(Exception):
    """A passing failure (a conflict, a service down): another attempt may succeed. Its message
    (Vietnamese) is shown while the job waits for the next attempt, and as the reason if none is left."""


class LeaseLost(Exception):
    """This worker no longer holds the job (its lease ran out and the job was taken over)."""


class JobTimedOut(Exception):
    """The attempt ran past the kind's timeout."""


def step_delay() -> float:
    """Fault testing only (CCHC_JOB_STEP_DELAY): seconds to pause after each progress report."""
    return float(getattr(settings, "CCHC_JOB_STEP_DELAY", 0) or 0)


class Progress:
    def __init__(self, job: Job, token: str, lease: timedelta, deadline: datetime) -> None:
        self.job_id = job.pk
        self.token = token
        self.lease = lease
        self.deadline = deadline
        self.lost = threading.Event()  # set by the heartbeat when a renewal finds the job taken over
        self.completed = False
        self._delay = step_delay()

    def _mine(self):
        return Job.objects.filter(pk=self.job_id, token=self.token, status=Job.Status.RUNNING)

    def check(self) -> None:
        if self.lost.is_set():
            raise LeaseLost
        if timezone.now() > self.deadline:
            raise JobTimedOut

    def __call__(self, done: int, total: int | None = None, message: str | None = None) -> None:
        self.check()
        now = timezone.now()
        fields = {"done": max(0, int(done)), "lease_until": now + self.lease, "heartbeat_at": now}
        if total is not None:
            fields["total"] = max(0, int(total))
        if message is not None:
            fields["message"] = message[:500]
        if not self._mine().update(**fields):
            self.lost.set()
            raise LeaseLost
        if self._delay:
            time.sleep(self._delay)

    def renew(self) -> bool:
        """Extend the lease (the heartbeat calls this); False once the job is no longer this worker's."""
        now = timezone.now()
        if now > self.deadline:
            return True  # past the deadline the lease is left to run out: the sweep takes over
        if not self._mine().update(lease_until=now + self.lease, heartbeat_at=now):
            self.lost.set()
            return False
        return True

    @contextmanager
    def complete(self, message: str = "", result=None):
        """The function's final write, and the job's success, in one transaction held by this worker."""
        self.check()
        with transaction.atomic():
            if not self._mine().select_for_update().exists():
                self.lost.set()
                raise LeaseLost
            yield
            self._mine().update(
                status=Job.Status.SUCCEEDED,
                finished_at=timezone.now(),
                message=message[:500],
                result=result,
                error="",
                lease_until=None,
            )
        self.completed = True
