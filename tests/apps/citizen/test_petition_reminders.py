"""Petitions in the daily reminder run: the same steps and settings as milestones, sent once."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.management import call_command

from apps.citizen.models import PetitionReminder
from apps.citizen.services import petitions as svc
from apps.tracking.calendar import work_calendar
from apps.tracking.models import Notification, TrackingSettings
from apps.tracking.remind import run
from tests.apps.citizen.conftest import petition_data

DAY = date(2025, 11, 3)


@pytest.fixture
def assigned(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", DAY.isoformat())
    p = svc.submit_public(world.a1, petition_data(world.a1))
    return svc.classify(world.officer_a1, p, agency=world.kt_a1)


def _texts(user):
    return list(
        Notification.objects.filter(user=user, text__contains="phản ánh PA").values_list("text", flat=True)
    )


def test_before_due_then_overdue_then_escalation(world, assigned):
    cal = work_calendar()
    due = assigned.due_on
    Notification.objects.all().delete()
    _, result = run(cal.add_working_days(due, -5))
    assert result["petitions"]["reminders"] == 1
    assert [t.split(" (")[0] for t in _texts(world.staff_a1)] == ["Còn 5 ngày làm việc đến hạn"]
    _, again = run(cal.add_working_days(due, -5))
    assert again["petitions"]["reminders"] == 0 and len(_texts(world.staff_a1)) == 1
    run(cal.add_working_days(due, 1))
    assert any(t.startswith("Quá hạn 1 ngày") for t in _texts(world.staff_a1))
    run(cal.add_working_days(due, 5))
    assert any("lãnh đạo cơ quan" in t for t in _texts(world.head_a1))
    run(cal.add_working_days(due, 10))
    assert any("lãnh đạo UBND" in t for t in _texts(world.leader_a1))
    assert any("lãnh đạo UBND" in t for t in _texts(world.officer_a1))
    assert not _texts(world.staff_a1_hcc) and not _texts(world.officer_b1)


def test_unit_settings_apply(world, assigned):
    TrackingSettings.objects.create(org_unit=world.a1, remind_before="3")
    cal = work_calendar()
    _, result = run(cal.add_working_days(assigned.due_on, -5))
    assert result["petitions"]["reminders"] == 0
    _, result = run(cal.add_working_days(assigned.due_on, -3))
    assert result["petitions"]["reminders"] == 1


def test_a_received_petition_reminds_the_officers(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", DAY.isoformat())
    p = svc.submit_public(world.a1, petition_data(world.a1))
    run(p.due_on)
    assert any("Phân loại, từ chối phản ánh" in t for t in _texts(world.officer_a1))


def test_closed_petitions_are_not_followed(world, assigned):
    svc.redirect  # noqa: B018 - documented path; here the petition is simply published
    from apps.citizen.models import Petition

    Petition.objects.filter(pk=assigned.pk).update(status="published", answer="x", due_on=None)
    _, result = run(date(2026, 3, 1))
    assert result["petitions"]["reminders"] == 0


def test_dry_run_writes_nothing_and_command_reports(world, assigned, capsys):
    cal = work_calendar()
    day = cal.add_working_days(assigned.due_on, 2)
    call_command("remind", "--as-of", day.isoformat(), "--dry-run", "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["petitions"] == {"reminders": 1, "dry_run": True}
    assert PetitionReminder.objects.count() == 0
    call_command("remind", "--as-of", day.isoformat(), "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["petitions"]["reminders"] == 1 and PetitionReminder.objects.count() == 1
