"""The rules behind the figures CCHC computes about a unit: tasks, reports, the year's plan."""

from datetime import date

from core.reporting.facts import MilestoneFact, TaskState, task_state
from core.unit_measures import TaskCounts, plan_due, report_counts, task_counts, window


def test_a_task_is_on_time_only_when_every_due_milestone_was_done_on_time():
    on_time = [MilestoneFact(date(2025, 3, 31), "accepted", date(2025, 3, 30), progress="done")]
    late = [
        MilestoneFact(date(2025, 3, 31), "accepted", date(2025, 3, 30), progress="in_progress"),
        MilestoneFact(date(2025, 6, 30), "accepted", date(2025, 7, 2), progress="done"),
    ]
    open_ = [MilestoneFact(date(2025, 6, 30), "draft")]
    sent_done = [MilestoneFact(date(2025, 6, 30), "submitted", date(2025, 6, 29), progress="done")]
    c = task_counts({1: on_time, 2: late, 3: open_, 4: sent_done, 5: []}, date(2025, 1, 1), date(2025, 7, 5))
    assert (c.due, c.done, c.on_time) == (4, 3, 2)


def test_an_accepted_in_progress_report_does_not_finish_the_task_in_the_report_nor_the_figure():
    """One rule for "done": the report's. The officer accepting a report that says "Đang thực
    hiện" accepts the report; the task is not done on the home page either."""
    accepted_running = [
        MilestoneFact(date(2025, 9, 30), "accepted", date(2025, 9, 29), progress="in_progress")
    ]
    assert task_state(accepted_running, date(2025, 9, 30)) == TaskState.IN_PROGRESS
    c = task_counts({1: accepted_running}, date(2025, 7, 1), date(2025, 9, 30))
    assert (c.due, c.done, c.on_time) == (1, 0, 0)


def test_a_recurring_report_task_is_done_while_its_latest_report_says_done():
    """ "Báo cáo định kỳ hằng quý": done as of a day when the latest report sent says "Hoàn
    thành" and no later quarter's report is missing, as in the periodic report."""
    quarters = [date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31)]
    reported = [MilestoneFact(d, "accepted", d, progress="done") for d in quarters[:2]]
    pending = [MilestoneFact(d) for d in quarters[2:]]
    task = reported + pending
    assert task_counts({1: task}, date(2025, 4, 1), date(2025, 6, 30)) == TaskCounts(1, 1, 1)
    # Q3's report never came: overdue on 01/10 although Q1 and Q2 said done.
    assert task_counts({1: task}, date(2025, 7, 1), date(2025, 10, 1)) == TaskCounts(1, 0, 0)
    assert task_state(task, date(2025, 10, 1)) == TaskState.OVERDUE


def test_the_figure_reads_milestones_as_they_stood_on_the_last_day():
    """A report sent after the window's last day is not part of the figure, as in the report."""
    sent_later = [MilestoneFact(date(2025, 6, 30), "accepted", date(2025, 7, 3), progress="done")]
    assert task_counts({1: sent_later}, date(2025, 4, 1), date(2025, 6, 30)) == TaskCounts(1, 0, 0)
    assert task_counts({1: sent_later}, date(2025, 4, 1), date(2025, 7, 31)) == TaskCounts(1, 1, 0)


def test_window_is_cut_at_today_and_at_the_units_first_day():
    assert window(date(2025, 1, 1), date(2025, 12, 31), date(2025, 10, 1)) == (
        date(2025, 1, 1),
        date(2025, 10, 1),
    )
    assert window(date(2025, 1, 1), date(2025, 12, 31), date(2026, 2, 1), date(2025, 7, 1)) == (
        date(2025, 7, 1),
        date(2025, 12, 31),
    )


def test_reports_on_time_late_and_missing():
    dues = {"2025-Q1": date(2025, 3, 20), "2025-H1": date(2025, 6, 20), "2025-Q3": date(2025, 9, 20)}
    c = report_counts(dues, {"2025-Q1": date(2025, 3, 20), "2025-H1": date(2025, 6, 21)})
    assert (c.due, c.on_time, c.late) == (3, 1, 1)


def test_plan_due_from_the_year_or_the_units_start():
    assert plan_due(2025) == date(2025, 1, 31)
    assert plan_due(2025, date(2025, 7, 1)) == date(2025, 7, 31)
    assert plan_due(2026, date(2025, 7, 1)) == date(2026, 1, 31)
