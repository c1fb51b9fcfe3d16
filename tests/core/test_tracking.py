"""Milestone states and reminder steps, derived from dates, the calendar and the workflow."""

from __future__ import annotations

from datetime import date

import pytest

from core.tracking import (
    ReminderKind,
    ReminderPolicy,
    State,
    checkin_dates,
    milestone_state,
    parse_days_list,
    reminder_steps,
    state_bounds,
    urgency_key,
)
from core.workdays import WorkCalendar

CAL = WorkCalendar()
TODAY = date(2025, 11, 25)  # a Tuesday


@pytest.mark.parametrize(
    ("due", "workflow", "submitted_on", "expected"),
    [
        (date(2025, 12, 31), "", None, State.UPCOMING),
        (date(2025, 12, 2), "", None, State.DUE_SOON),  # 5 working days left
        (date(2025, 12, 3), "", None, State.UPCOMING),  # 6 left
        (TODAY, "", None, State.DUE_SOON),  # due today: still on time
        (date(2025, 11, 24), "", None, State.OVERDUE),
        (date(2025, 11, 24), "draft", None, State.OVERDUE),
        (date(2025, 11, 24), "submitted", date(2025, 11, 25), State.SUBMITTED),
        (date(2025, 11, 24), "approved", date(2025, 11, 20), State.SUBMITTED),
        (date(2025, 11, 24), "accepted", date(2025, 11, 20), State.ACCEPTED),
        (date(2025, 11, 24), "accepted", date(2025, 11, 24), State.ACCEPTED),
        (date(2025, 11, 24), "accepted", date(2025, 11, 25), State.DONE_LATE),
        (date(2025, 11, 24), "returned", date(2025, 11, 20), State.RETURNED),
        (None, "", None, State.UNDATED),
        (None, "accepted", date(2025, 11, 20), State.ACCEPTED),
    ],
)
def test_state(due, workflow, submitted_on, expected):
    assert milestone_state(due, TODAY, CAL, workflow, submitted_on) is expected


def test_due_soon_counts_working_days_not_calendar_days():
    # Before Tết 2026 (16-20/02 off): from Fri 13/02, 5 working days reach Fri 27/02.
    today = date(2026, 2, 13)
    assert milestone_state(date(2026, 2, 27), today, CAL) is State.DUE_SOON
    assert milestone_state(date(2026, 3, 2), today, CAL) is State.UPCOMING
    assert state_bounds(today, CAL, 5).due_soon_until == date(2026, 2, 27)


def test_threshold_is_configurable():
    assert milestone_state(date(2025, 12, 2), TODAY, CAL, due_soon_days=2) is State.UPCOMING


def test_unknown_workflow_is_refused():
    with pytest.raises(ValueError):
        milestone_state(TODAY, TODAY, CAL, "lost")


def test_urgency_orders_overdue_then_returned_then_due_soon():
    rows = [
        (State.UPCOMING, date(2025, 12, 1)),
        (State.DUE_SOON, date(2025, 11, 28)),
        (State.OVERDUE, date(2025, 11, 1)),
        (State.RETURNED, date(2025, 12, 5)),
        (State.ACCEPTED, date(2025, 1, 1)),
        (State.UNDATED, None),
    ]
    ordered = [s for s, d in sorted(rows, key=lambda r: urgency_key(*r))]
    assert ordered == [
        State.OVERDUE,
        State.RETURNED,
        State.DUE_SOON,
        State.UPCOMING,
        State.UNDATED,
        State.ACCEPTED,
    ]


# --- reminders ------------------------------------------------------------------------------------

POLICY = ReminderPolicy()


def kinds(due: date, today: date, policy: ReminderPolicy = POLICY) -> list[tuple[str, int]]:
    return [(s.kind.value, s.step) for s in reminder_steps(due, today, CAL, policy)]


def test_before_stages():
    due = date(2025, 12, 2)  # Tue
    assert kinds(due, date(2025, 11, 24)) == []  # 6 working days left
    assert kinds(due, date(2025, 11, 25)) == [("before", 5)]
    assert kinds(due, date(2025, 11, 28)) == [("before", 5)]  # 2 left: still the 5-day stage
    assert kinds(due, date(2025, 12, 1)) == [("before", 1)]


def test_on_the_day_and_a_weekend_due_date():
    assert kinds(date(2025, 12, 2), date(2025, 12, 2)) == [("due", 0)]
    # Due on Sunday 30/11: the reminder comes on the day itself (the job runs every day), and
    # Monday 01/12 is the first working day late, as the state says (due < today).
    assert kinds(date(2025, 11, 30), date(2025, 11, 30)) == [("due", 0)]
    assert kinds(date(2025, 11, 30), date(2025, 12, 1)) == [("overdue", 0)]
    assert milestone_state(date(2025, 11, 30), date(2025, 12, 1), CAL) is State.OVERDUE


def test_overdue_every_three_working_days_then_escalation():
    due = date(2025, 11, 3)  # Mon
    assert kinds(due, date(2025, 11, 4)) == [("overdue", 0)]  # 1 late
    assert kinds(due, date(2025, 11, 6)) == [("overdue", 0)]  # 3 late
    assert kinds(due, date(2025, 11, 7)) == [("overdue", 1)]  # 4 late
    assert kinds(due, date(2025, 11, 10)) == [("overdue", 1), ("escalate_head", 0)]  # 5 late
    steps = kinds(due, date(2025, 11, 17))  # 10 late
    assert ("escalate_leader", 0) in steps and ("overdue", 3) in steps


def test_reminder_text_says_the_days():
    from core.tracking import reminder_text

    step = reminder_steps(date(2025, 11, 3), date(2025, 11, 7), CAL, POLICY)[0]
    assert step.kind is ReminderKind.OVERDUE
    assert reminder_text(step) == "Quá hạn 4 ngày làm việc"


def test_policy_and_days_list():
    assert parse_days_list("5, 1") == (5, 1)
    assert parse_days_list("1;10;1") == (10, 1)
    with pytest.raises(ValueError):
        parse_days_list("0")
    with pytest.raises(ValueError):
        ReminderPolicy(overdue_every=0)


# --- continuous tasks ----------------------------------------------------------------------------


def test_checkins_each_quarter_of_the_plan():
    got = checkin_dates(date(2025, 1, 1), date(2025, 12, 31))
    assert [d for d, _ in got] == [
        date(2025, 3, 31),
        date(2025, 6, 30),
        date(2025, 9, 30),
        date(2025, 12, 31),
    ]
    assert got[0][1] == "Báo cáo thường xuyên quý I/2025"


def test_checkins_clip_to_a_period_ending_mid_quarter():
    got = checkin_dates(date(2025, 8, 15), date(2026, 2, 10))
    assert [d for d, _ in got] == [date(2025, 9, 30), date(2025, 12, 31), date(2026, 2, 10)]
    assert got[-1][1].endswith("quý I/2026")
