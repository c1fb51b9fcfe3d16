"""The job layer on the real task backends: django-tasks-db (the embedded default, `cchc worker` and the
thread of `cchc serve`) and RQ on the Redis server at 127.0.0.1:6379 (a `cchc worker` process).

These tests commit (transaction=True): workers read the database on their own connections."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from apps.jobs.models import Job
from apps.jobs.services import submit
from apps.jobs.testing import WorkerProcess, wait_for
from apps.jobs.worker import EmbeddedWorker
from apps.tracking.models import Notification

pytestmark = pytest.mark.django_db(transaction=True)
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
REDIS_URL = os.environ.get("CCHC_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def database_backend(settings):
    settings.TASKS = DB_TASKS
    settings.CCHC_TASK_BACKEND = "db"


def test_a_worker_process_command_runs_queued_jobs(world, database_backend):
    job = submit("test.count", actor=world.officer_a1, params={"n": 3})
    task = DBTaskResult.objects.get()  # committed, so enqueued at once
    assert task.status == "READY" and task.args_kwargs == {"args": [job.pk], "kwargs": {}}
    assert Job.objects.get(pk=job.pk).task_id == str(task.id)
    call_command("worker", "--batch")
    job.refresh_from_db()
    task.refresh_from_db()
    assert job.status == "succeeded" and (job.done, job.total) == (3, 3)
    assert task.status == "SUCCESSFUL" and task.return_value == "succeeded"
    assert Notification.objects.filter(text=f"Đếm xong job {job.pk}").count() == 1


def test_the_embedded_thread_runs_jobs_and_recovers_those_of_a_dead_process(
    world, database_backend, settings
):
    """`cchc serve` restarted in thread mode: the job the old process was running is run again."""
    settings.CCHC_JOB_SWEEP_SECONDS = 0.2
    left = submit("test.count", actor=world.officer_a1, params={"n": 2})
    old = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=old.pk).update(status="RUNNING", worker_ids=["dead"])
    Job.objects.filter(pk=left.pk).update(
        status="running",
        attempts=1,
        token="dead",
        worker="web-1:4242:cchc-worker",
        lease_until=timezone.now() - timedelta(seconds=1),
    )
    embedded = EmbeddedWorker().start()
    try:
        fresh = submit("test.count", actor=world.officer_a1, params={"n": 1})
        wait_for(lambda: Job.objects.get(pk=fresh.pk).finished, timeout=20, what="a new job done")
        wait_for(lambda: Job.objects.get(pk=left.pk).finished, timeout=20, what="the dead process's job done")
    finally:
        embedded.stop()
    left.refresh_from_db()
    assert left.status == "succeeded" and left.attempts == 2
    assert DBTaskResult.objects.get(pk=old.pk).status == "FAILED"  # the dead attempt's row is closed
    assert Notification.objects.filter(text=f"Đếm xong job {left.pk}").count() == 1


def _redis_or_skip():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis không chạy tại {REDIS_URL}")
    return redis.Redis.from_url(REDIS_URL)


def test_rq_backend_with_a_worker_process(world, settings):
    """With REDIS_URL the jobs go through RQ; a `cchc worker` process on Redis runs them."""
    connection = _redis_or_skip()
    connection.flushdb()
    settings.CCHC_TASK_BACKEND = "rq"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    stale = Job.objects.create(kind="test.count", status="succeeded")
    Job.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(days=400))
    kept = Job.objects.create(kind="test.count", status="succeeded")
    try:
        job = submit("jobs.prune", actor=world.root)
        assert connection.llen("rq:queue:default") == 1  # the message is in Redis, not in the database
        assert not DBTaskResult.objects.exists()
        worker = WorkerProcess("worker", "--batch", backend="rq", env={"CCHC_RQ_URL": REDIS_URL}).start()
        worker.process.wait(timeout=60)
        assert worker.process.returncode == 0, worker.output()
    finally:
        connection.flushdb()
    job.refresh_from_db()
    assert job.status == "succeeded", (job.error, worker.output())
    assert job.result == {"task_rows": 0, "scheduled_runs": 0, "jobs": 1}
    assert not Job.objects.filter(pk=stale.pk).exists() and Job.objects.filter(pk=kept.pk).exists()
