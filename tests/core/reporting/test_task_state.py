"""A task's state on the cut-off day, from its milestones."""

from __future__ import annotations

from datetime import date

from core.reporting.facts import MilestoneFact as M
from core.reporting.facts import TaskState, summarise, task_state

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


def test_accepted_reports_saying_in_progress_do_not_finish_the_task():
    """Accepting a report accepts the report, not the task as done (issue 14: "Hoàn thành đúng hạn"
    beside "Đang triển khai, dự kiến hoàn thành trong tháng tới")."""
    q1 = M(date(2025, 3, 31), "accepted", date(2025, 3, 30), "in_progress", 30, "quý I")
    q2 = M(date(2025, 6, 30), "accepted", date(2025, 6, 28), "in_progress", 60, "quý II")
    q4 = M(date(2025, 12, 31))
    assert task_state([q1, q2, q4], CUT) is TaskState.IN_PROGRESS
    q2_done = M(date(2025, 6, 30), "accepted", date(2025, 6, 28), "done", 100, "xong")
    assert task_state([q1, q2_done, q4], CUT) is TaskState.DONE_ON_TIME


def test_state_result_and_deadline_come_from_the_latest_sent_report():
    done = M(date(2025, 6, 30), "accepted", date(2025, 6, 28), "done", 100, "Đã ban hành kế hoạch.")
    running = M(date(2025, 8, 31), "accepted", date(2025, 8, 30), "in_progress", 60, "Đang triển khai.")
    state, result, pct, _, due = summarise([running, done, M(date(2025, 12, 31))], CUT)
    assert (state, result, pct, due) == ("in_progress", "Đang triển khai.", 60, date(2025, 12, 31))


def test_a_missed_deadline_after_a_done_report_is_overdue():
    done = M(date(2025, 3, 31), "accepted", date(2025, 3, 30), "done", 100, "quý I xong")
    missed = M(date(2025, 6, 30))
    state, result, _, _, due = summarise([done, missed, M(date(2025, 12, 31))], CUT)
    assert (state, due) == ("overdue", date(2025, 6, 30)) and result == "quý I xong"


def test_overdue_shows_the_first_missed_deadline_not_the_last_one():
    ms = [M(date(2025, 7, 31)), M(date(2025, 8, 31)), M(date(2025, 12, 31))]
    assert summarise(ms, CUT)[4] == date(2025, 7, 31)
    assert summarise([M(date(2025, 9, 30)), M(date(2025, 12, 31))], CUT)[4] == date(2025, 9, 30)


def test_sent_but_not_done_is_in_progress():
    m = M(date(2025, 8, 31), "submitted", date(2025, 8, 30), "in_progress", 50, "đang làm")
    assert task_state([m], CUT) is TaskState.IN_PROGRESS
