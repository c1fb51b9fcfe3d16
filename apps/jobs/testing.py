"""A harness for fault tests: start real `cchc worker` (or `cchc serve`) processes on the database the
test uses, wait for a job to reach a state, kill -9 a process in the middle, start another.

Used by tests/apps/jobs/test_fault.py (province compilation) and bench/fault_worker.py; a fault test
of any other kind of job follows the same four steps (see docs/architecture.md, "Background work"):

    with WorkerProcess(step_delay=0.3) as first:           # a real worker on the test's database
        job = submit(...)                                  # committed: use django_db(transaction=True)
        wait_for(lambda: Job.objects.get(pk=job.pk).done >= 1, what="first progress")
        first.kill()                                       # SIGKILL mid-job: no clean-up runs
    with WorkerProcess() as second:                        # the lease runs out, the sweep requeues
        wait_for(lambda: Job.objects.get(pk=job.pk).finished, timeout=60, what="job finished")
    # then assert: succeeded, attempts == 2, the result written once, nothing half-written
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.db import connection


def database_url() -> str:
    """A DATABASE_URL for the database this process is connected to (the test database in tests)."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    if connection.vendor == "postgresql":
        auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
        return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    raise RuntimeError(f"Không hỗ trợ CSDL {connection.vendor} trong bộ thử lỗi")


def wait_for(
    predicate: Callable[[], object], *, timeout: float = 30.0, interval: float = 0.1, what: str = ""
):
    """Poll until ``predicate()`` is truthy (returning its value); AssertionError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"Hết {timeout:.0f} giây mà chưa thấy: {what or predicate}")
        time.sleep(interval)


class WorkerProcess:
    """One `cchc <command>` process on this process's database, with short leases for fast recovery."""

    def __init__(
        self,
        *args: str,
        backend: str = "db",
        lease: int = 2,
        sweep: float = 0.5,
        step_delay: float = 0.0,
        env: dict[str, str] | None = None,
    ) -> None:
        self.args = list(args) or ["worker", "--interval", "0.2"]
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CCHC_TASK_BACKEND": backend,
            "CCHC_JOB_LEASE_SECONDS": str(lease),
            "CCHC_JOB_SWEEP_SECONDS": str(sweep),
            "CCHC_JOB_STEP_DELAY": str(step_delay),
            "PYTHONUNBUFFERED": "1",
            **(env or {}),
        }
        self.log = Path(tempfile.mkstemp(prefix="cchc-worker-", suffix=".log")[1])
        self.process: subprocess.Popen | None = None

    def start(self) -> WorkerProcess:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "cchc.cli", *self.args],
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: the process gets no chance to clean up, as when a machine dies."""
        if self.alive():
            os.kill(self.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def __enter__(self) -> WorkerProcess:
        return self.start()

    def __exit__(self, exc_type, *exc) -> None:
        self.stop()
        if exc_type is not None:  # the test failed: show what the process said
            print(f"--- {' '.join(self.args)} (pid {self.pid}) ---\n{self.output()[-4000:]}", file=sys.stderr)
        self.log.unlink(missing_ok=True)
