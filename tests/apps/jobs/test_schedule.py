"""Periodic work has one scheduler: however many processes tick, each slot runs once."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from apps.jobs import registry, schedule
from apps.jobs.models import Job, ScheduledRun
from cchc.clock import today

TZ = "Asia/Ho_Chi_Minh"


@pytest.fixture
def weekdays_only(monkeypatch):
    """One periodic entry: the count job at 06:30 on weekdays (the only entry, for these tests)."""
    entries = {}
    monkeypatch.setattr(registry, "_PERIODIC", entries)
    registry.every_day(
        "test.morning",
        "test.count",
        at=time(6, 30),
        slot=lambda now: now.date() if now.weekday() < 5 else None,
    )
    return entries


def at(text: str) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo(TZ))


def test_each_slot_is_claimed_once_however_many_processes_tick(db, weekdays_only):
    first = schedule.tick(at("2025-11-25T06:31"))
    assert len(first) == 1 and first[0].kind == "test.count" and first[0].params == {"day": "2025-11-25"}
    for _ in range(3):  # the other web processes and workers
        assert schedule.tick(at("2025-11-25T09:00")) == []
    assert ScheduledRun.objects.get().job == first[0] and Job.objects.count() == 1
    nxt = schedule.tick(at("2025-11-26T06:30"))
    assert [j.params["day"] for j in nxt] == ["2025-11-26"]


def test_nothing_before_the_hour_and_nothing_on_a_day_off(db, weekdays_only):
    assert schedule.tick(at("2025-11-25T06:29")) == []
    assert schedule.tick(at("2025-11-29T10:00")) == []  # a Saturday
    assert not Job.objects.exists() and not ScheduledRun.objects.exists()


def test_a_slot_already_claimed_elsewhere_is_skipped(db, weekdays_only):
    ScheduledRun.objects.create(name="test.morning", slot="2025-11-25")  # another process was first
    assert schedule.tick(at("2025-11-25T07:00")) == []
    assert not Job.objects.exists()


def test_reminders_run_each_working_morning_on_the_business_date(db, monkeypatch):
    """The reminder entry of apps.tracking: the slot is the business date, on working days only."""
    entry = next(p for p in registry.periodic() if p.kind == "tracking.remind")
    assert entry.at == time(6, 30)
    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")  # a Tuesday
    assert entry.slot(at("2025-11-25T07:00")) == date(2025, 11, 25) == today()
    monkeypatch.setenv("CCHC_TODAY", "2025-09-02")  # Quốc khánh
    assert entry.slot(at("2025-11-25T07:00")) is None
