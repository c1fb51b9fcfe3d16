"""The in-process daily job (embedded default) really runs the reminders; a failure is logged, not raised."""

import logging

import pytest

from apps.tracking import jobs
from apps.tracking.models import Reminder


@pytest.fixture(autouse=True)
def _keep_test_connection(monkeypatch):
    """In its own thread the job closes stale connections; here it runs inside the test's
    transaction, whose connection PostgreSQL must keep."""
    monkeypatch.setattr(jobs, "close_old_connections", lambda: None)


def test_daily_run_sends_reminders_for_the_business_date(world, plan_a1, monkeypatch, caplog):
    monkeypatch.setenv("CCHC_TODAY", "2025-12-20")  # m_nov (28/11/2025) is overdue then
    with caplog.at_level(logging.WARNING, logger=jobs.log.name):
        jobs._run_once()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert Reminder.objects.filter(milestone=plan_a1.m_nov).exists()


def test_a_failing_run_is_logged_and_swallowed(world, monkeypatch, caplog):
    def broken(today):
        raise RuntimeError("database gone")

    monkeypatch.setattr("apps.tracking.remind.run", broken)
    with caplog.at_level(logging.ERROR, logger=jobs.log.name):
        jobs._run_once()
    assert "Nhắc việc thất bại" in caplog.text
