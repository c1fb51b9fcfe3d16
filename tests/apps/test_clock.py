"""The business date can be pinned for demonstrations, and only by a valid date."""

from datetime import date

import time_machine

from cchc import clock


@time_machine.travel("2026-11-21 23:30 +0000", tick=False)
def test_real_today_is_vietnam_date(monkeypatch):
    monkeypatch.delenv("CCHC_TODAY", raising=False)
    assert clock.today() == date(2026, 11, 22)  # 06:30 in Asia/Ho_Chi_Minh


def test_pinned_date_wins_and_bad_value_is_ignored(monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")
    assert clock.today() == date(2025, 11, 25)
    monkeypatch.setenv("CCHC_TODAY", "25/11/2025")
    assert clock.pinned_today() is None


@time_machine.travel("2026-12-02 04:44 +0700", tick=False)
def test_business_clock_keeps_the_time_on_the_pinned_day(monkeypatch):
    from django.utils import timezone

    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")
    stamp = timezone.localtime(clock.now())
    assert (stamp.date(), stamp.hour, stamp.minute) == (date(2025, 11, 25), 4, 44)
    monkeypatch.delenv("CCHC_TODAY")
    assert clock.now() == timezone.now()


@time_machine.travel("2026-12-02 04:44 +0700", tick=False)
def test_report_sent_with_a_pinned_date_is_stamped_on_that_day(world, login, monkeypatch):
    """Issue 14: a card showed "Gửi … 04:44 02/12/2026" beside "gửi lần đầu 25/11/2025"."""
    from django.urls import reverse

    from apps.tracking import services
    from tests.apps.tracking.conftest import active_plan, make_task, milestone, opened

    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")

    plan = active_plan(world.a1, "KH")
    m = milestone(make_task(plan, "1", world.kt_a1), date(2025, 11, 28))
    fields = {"text": "Đã làm", "percent": 50, "progress": "in_progress", "reason": ""}
    report = services.save_report(world.staff_a1, m, fields, expected_version=0)
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    body = login(world.head_a1).get(reverse("tracking:milestone", args=[m.pk])).content.decode()
    assert "gửi lần đầu 25/11/2025" in body
    assert "04:44 25/11/2025" in body
    assert "02/12/2026" not in body
