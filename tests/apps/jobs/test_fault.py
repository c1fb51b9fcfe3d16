"""Fault test (issue 10, defect 5): kill -9 the process compiling a province report, start another.

Real processes on the test's database: a `cchc worker` (or `cchc serve` with its embedded worker
thread, the web restart of defect 5) compiles province A's 62 communes in three batches, pausing
after each progress report; it is killed after the first batch. A second process of the same kind
must pick the job up once its lease runs out and complete it exactly once: the job succeeds on its
second attempt, the report's table has each commune once, the completion is recorded once, and the
dead attempt wrote nothing.
"""

from __future__ import annotations

import socket

import pytest
from django_tasks_db.models import DBTaskResult

from apps.audit.models import AuditEntry
from apps.jobs.models import Job
from apps.jobs.testing import WorkerProcess, wait_for
from apps.orgs.models import OrgUnit
from apps.reports import services
from apps.reports.models import PeriodicReport
from apps.reports.selectors import period_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
COMMUNES = 60  # + A1 and A2 of the world: 62, three batches of 25


@pytest.fixture
def province_report(world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.CCHC_TASK_BACKEND = "db"
    OrgUnit.objects.bulk_create(
        OrgUnit(name=f"xã Thử Nghiệm {i:02d}", level="commune", parent=world.a) for i in range(COMMUNES)
    )
    return services.open_report(world.officer_a, world.a, period_for(world.a, "2025-Q3"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _process(kind: str, **options) -> WorkerProcess:
    if kind == "serve":  # the web process, running jobs in its embedded worker thread
        return WorkerProcess("serve", "--port", str(_free_port()), env={"CCHC_INLINE_JOBS": "1"}, **options)
    return WorkerProcess(**options)


@pytest.mark.parametrize("kind", ["worker", "serve"])
def test_a_killed_compile_completes_once_on_the_next_process(world, province_report, kind):
    report = province_report
    with _process(kind, step_delay=3.0) as first:  # room for a loaded machine to act mid-compile
        job = services.start_compile(world.officer_a, report)
        running = wait_for(
            lambda: Job.objects.filter(pk=job.pk, status="running", done__gte=25).first(),
            timeout=60,
            what="the first batch compiled",
        )
        first.kill()
    assert running.done < running.total == 62  # killed mid-compile
    job.refresh_from_db()
    report.refresh_from_db()
    assert job.status == "running" and job.attempts == 1  # as the dead process left it
    assert report.compiled is None  # nothing half-written
    first_task = job.task_id

    with _process(kind) as second:
        wait_for(lambda: Job.objects.get(pk=job.pk).finished, timeout=90, what="the job finished")
        job.refresh_from_db()
        assert job.status == "succeeded", (job.error, second.output())
        task = DBTaskResult.objects.filter(id=job.task_id)  # the backend records the task's end just after
        wait_for(lambda: task.filter(status="SUCCESSFUL").exists(), timeout=10, what="the task row closed")

    assert job.attempts == 2 and job.worker != running.worker and (job.done, job.total) == (62, 62)
    report.refresh_from_db()
    names = [row["name"] for row in report.compiled["rows"]]
    assert len(names) == 62 and len(set(names)) == 62
    events = AuditEntry.objects.filter(
        action="event", object_id=str(report.pk), message__contains="Đã tổng hợp"
    )
    assert events.count() == 1 and events.get().actor == world.officer_a
    assert Job.objects.filter(kind="reports.compile").count() == 1 and PeriodicReport.objects.count() == 1
    assert DBTaskResult.objects.get(id=first_task).status == "FAILED"  # the dead attempt, closed
