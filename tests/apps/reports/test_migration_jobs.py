"""reports 0003: the compilations of the old runner become jobs.Job rows; one it left "running" (the
stuck job of defect 5) arrives failed with a reason, so a new "Tổng hợp" can start."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)
BEFORE = [("reports", "0002_seed_periods_indicators"), ("jobs", "0001_initial")]
AFTER = [("reports", "0003_reportjob_to_jobs")]


@pytest.fixture
def migrator():
    """Leaves the test database at the latest migrations whatever happens in the test."""
    yield MigrationExecutor(connection)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_report_jobs_are_copied_into_jobs(migrator):
    executor = migrator
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    unit = old.get_model("orgs", "OrgUnit").objects.create(name="tỉnh An", level="province")
    report = old.get_model("reports", "PeriodicReport").objects.create(
        org_unit=unit, period_code="2025-Q3", period_start=date(2025, 6, 15), period_end=date(2025, 9, 14),
        due=date(2025, 9, 20),
    )  # fmt: skip
    ReportJob = old.get_model("reports", "ReportJob")
    at = datetime(2025, 9, 18, 2, 0, tzinfo=UTC)
    done = ReportJob.objects.create(report=report, status="done", done=2, total=2, message="Đã tổng hợp 2 đơn vị cấp dưới.", started_at=at, finished_at=at)  # fmt: skip
    stuck = ReportJob.objects.create(
        report=report, status="running", done=0, total=2, started_at=at, worker="h:1:2"
    )
    ReportJob.objects.filter(pk=done.pk).update(created_at=at)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Job = new.get_model("jobs", "Job")
    jobs = list(Job.objects.order_by("pk"))
    assert len(jobs) == 2 and all(j.kind == "reports.compile" and j.subject_id == report.pk for j in jobs)
    assert all(j.subject_type.model == "periodicreport" and j.org_unit_id == unit.pk for j in jobs)
    copied, failed = jobs
    assert (copied.status, copied.done, copied.total, copied.created_at) == ("succeeded", 2, 2, at)
    assert copied.message == "Đã tổng hợp 2 đơn vị cấp dưới." and copied.error == ""
    assert failed.status == "failed" and failed.worker == stuck.worker and failed.finished_at is not None
    assert failed.error.startswith("Tác vụ bị dừng khi hệ thống được nâng cấp")
    assert "reports_reportjob" not in connection.introspection.table_names()
