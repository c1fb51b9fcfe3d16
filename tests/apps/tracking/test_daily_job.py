"""The daily reminder job really runs the reminders through the job layer, and a second run sends
nothing twice; a conflict with a concurrent run is retried with its reason."""

from apps.jobs import runner
from apps.jobs.services import submit
from apps.tracking.models import Reminder


def test_daily_run_sends_reminders_for_its_day(world, plan_a1):
    job = submit("tracking.remind", params={"day": "2025-12-20"})  # m_nov (28/11/2025) is overdue then
    assert runner.run_job(job.pk) == "succeeded"
    job.refresh_from_db()
    sent = Reminder.objects.filter(milestone=plan_a1.m_nov).count()
    assert sent >= 1 and job.message.startswith("Đã gửi ") and job.message.endswith("ngày 20/12/2025.")
    again = submit("tracking.remind", params={"day": "2025-12-20"})
    runner.run_job(again.pk)
    again.refresh_from_db()
    assert again.message == "Đã gửi 0 nhắc việc ngày 20/12/2025."
    assert Reminder.objects.filter(milestone=plan_a1.m_nov).count() == sent


def test_a_conflicting_run_is_retried_with_its_reason(world, monkeypatch):
    monkeypatch.setattr(
        "apps.tracking.remind.run", lambda today: ([], {"error": "Một lần chạy khác vừa gửi nhắc việc."})
    )
    job = submit("tracking.remind", params={"day": "2025-11-25"})
    assert runner.run_job(job.pk) == "retry"
    job.refresh_from_db()
    assert job.status == "queued" and "Một lần chạy khác vừa gửi nhắc việc." in job.error
