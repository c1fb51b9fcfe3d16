"""The rules behind the figures CCHC computes about a unit: tasks, reports, the year's plan."""

from datetime import date

from core.reporting.facts import MilestoneFact
from core.unit_measures import plan_due, report_counts, task_counts, window


def test_a_task_is_on_time_only_when_every_due_milestone_was_done_on_time():
    on_time = [MilestoneFact(date(2025, 3, 31), "accepted", date(2025, 3, 30))]
    late = [
        MilestoneFact(date(2025, 3, 31), "accepted", date(2025, 3, 30)),
        MilestoneFact(date(2025, 6, 30), "accepted", date(2025, 7, 2)),
    ]
    open_ = [MilestoneFact(date(2025, 6, 30), "draft")]
    sent_done = [MilestoneFact(date(2025, 6, 30), "submitted", date(2025, 6, 29), progress="done")]
    c = task_counts({1: on_time, 2: late, 3: open_, 4: sent_done, 5: []})
    assert (c.due, c.done, c.on_time) == (4, 3, 2)


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
