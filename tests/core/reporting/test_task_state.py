"""A task's state on the cut-off day, from its milestones."""

from __future__ import annotations

from datetime import date

from core.reporting.facts import MilestoneFact as M
from core.reporting.facts import TaskState, task_state

CUT = date(2025, 9, 14)


def test_no_milestone_and_no_report_is_not_started():
    assert task_state([], CUT) is TaskState.NOT_STARTED
    assert task_state([M(date(2025, 12, 31))], CUT) is TaskState.NOT_STARTED


def test_due_before_cut_off_without_report_is_overdue():
    assert task_state([M(date(2025, 8, 31))], CUT) is TaskState.OVERDUE
    assert (
        task_state([M(date(2025, 8, 31), "draft", progress="in_progress", text="đang làm")], CUT)
        is TaskState.OVERDUE
    )


def test_due_after_cut_off_cannot_make_a_task_late():
    m = M(date(2025, 9, 30))
    assert task_state([m], CUT) is TaskState.NOT_STARTED


def test_reported_done_on_time_and_late():
    on_time = M(date(2025, 8, 31), "submitted", date(2025, 8, 30), "done", 100, "xong")
    late = M(date(2025, 8, 31), "accepted", date(2025, 9, 3), "done", 100, "xong")
    assert task_state([on_time], CUT) is TaskState.DONE_ON_TIME
    assert task_state([late], CUT) is TaskState.DONE_LATE


def test_recurring_reports_all_accepted_is_done():
    q1 = M(date(2025, 3, 31), "accepted", date(2025, 3, 30), "in_progress", 30, "quý I")
    q2 = M(date(2025, 6, 30), "accepted", date(2025, 6, 28), "in_progress", 60, "quý II")
    q4 = M(date(2025, 12, 31))
    assert task_state([q1, q2, q4], CUT) is TaskState.DONE_ON_TIME


def test_sent_but_not_done_is_in_progress():
    m = M(date(2025, 8, 31), "submitted", date(2025, 8, 30), "in_progress", 50, "đang làm")
    assert task_state([m], CUT) is TaskState.IN_PROGRESS
