"""`cchc remind`: the right people are told at the right step, once, and escalation follows delay."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from apps.plans.models import Milestone
from apps.tracking import services
from apps.tracking.models import Notification, NotificationPreference, Reminder, TrackingSettings
from apps.tracking.remind import ensure_checkins
from tests.apps.tracking.conftest import milestone, opened


def remind(*args: str) -> str:
    out = StringIO()
    call_command("remind", *args, stdout=out)
    return out.getvalue()


def test_before_due_date_staff_told_once(world, plan_a1, emails, django_capture_on_commit_callbacks):
    world.staff_a1.email = "nv@example.vn"
    world.staff_a1.save()
    NotificationPreference.objects.create(user=world.staff_a1, email="each")  # else: the daily digest
    with django_capture_on_commit_callbacks(execute=True):
        remind("--as-of", "2025-11-21")  # Fri: m_nov (Fri 28/11) is 5 working days away
    assert list(Reminder.objects.values_list("milestone_id", "kind", "step")) == [
        (plan_a1.m_nov.pk, "before", 5)
    ]
    note = Notification.objects.get(user=world.staff_a1)
    assert note.text.startswith("Còn 5 ngày làm việc đến hạn (hạn 28/11/2025)")
    assert len(emails) == 1 and emails[0].to == ["nv@example.vn"]
    # running again the same day, or the next day (still the 5-day stage), sends nothing new
    remind("--as-of", "2025-11-21")
    remind("--as-of", "2025-11-24")
    assert Reminder.objects.count() == 1 and Notification.objects.count() == 1


def test_steps_over_time_and_escalation(world, plan_a1):
    world.head_a1  # noqa: B018
    # 12/12 is 10 working days late: overdue step 3 (days 10-12), and the leader is told
    days = ["2025-11-27", "2025-11-28", "2025-12-01", "2025-12-02", "2025-12-04", "2025-12-05", "2025-12-12"]
    for d in days:
        remind("--as-of", d)
    got = set(Reminder.objects.filter(milestone=plan_a1.m_nov).values_list("kind", "step"))
    assert got == {
        ("before", 1), ("due", 0), ("overdue", 0), ("overdue", 1), ("escalate_head", 0), ("overdue", 3),
        ("escalate_leader", 0),
    }  # fmt: skip
    assert Notification.objects.filter(user=world.head_a1, text__contains="lãnh đạo cơ quan").count() == 1
    assert Notification.objects.filter(user=world.leader_a1, text__contains="lãnh đạo UBND").count() == 1
    assert Notification.objects.filter(user=world.officer_a1, text__contains="lãnh đạo UBND").count() == 1
    assert not Notification.objects.filter(user=world.staff_a1_hcc, milestone=plan_a1.m_nov).exists()


def test_reported_milestones_are_not_chased(world, plan_a1):
    report = services.save_report(
        world.staff_a1,
        plan_a1.m_nov,
        {"text": "x", "percent": 5, "progress": "in_progress", "reason": ""},
        expected_version=opened(plan_a1.m_nov),
    )
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    remind("--as-of", "2025-12-05")
    assert not Reminder.objects.filter(milestone=plan_a1.m_nov).exists()


def test_dry_run_json_writes_nothing(world, plan_a1):
    payload = json.loads(remind("--as-of", "2025-11-25", "--dry-run", "--json"))
    assert payload["as_of"] == "2025-11-25" and payload["dry_run"] is True
    item = next(i for i in payload["items"] if i["milestone"] == plan_a1.m_nov.pk)
    assert item["kind"] == "before" and item["recipients"] == [world.staff_a1.pk]
    assert not Reminder.objects.exists() and not Notification.objects.exists()


def test_unit_settings(world, plan_a1):
    TrackingSettings.objects.create(org_unit=world.a1, remind_before="10", escalate_head_after=1)
    remind("--as-of", "2025-11-14")  # 10 working days before 28/11
    assert Reminder.objects.filter(milestone=plan_a1.m_nov, kind="before", step=10).exists()
    remind("--as-of", "2025-12-01")
    assert Reminder.objects.filter(milestone=plan_a1.m_nov, kind="escalate_head").exists()


def test_continuous_tasks_get_quarterly_checkins(world, plan_a1):
    milestone(plan_a1.t_hcc, None, "Thường xuyên", kind=Milestone.Kind.CONTINUOUS)
    assert ensure_checkins() == 4
    assert ensure_checkins() == 0
    dues = sorted(
        Milestone.objects.filter(task=plan_a1.t_hcc, kind="continuous", due__isnull=False).values_list(
            "due", flat=True
        )
    )
    assert dues == [date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31)]


def test_bad_date(world):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        remind("--as-of", "25/11/2025")
