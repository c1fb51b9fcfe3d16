"""Figures CCHC computes about a unit from its own records: tasks done on time, reports sent on
time, the year's plan issued on time. The rules are here, pure; the apps that hold the records
(tracking, reports, plans) feed them and register the figures in ``core.measures``.

Only obligations already due count: on 25/11 a task due on 15/12 is neither on time nor late,
and an obligation due before the unit existed (a commune formed on 01/7/2025) is not its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from core.reporting.facts import DONE_STATES, MilestoneFact, TaskState, as_it_stood, task_state

PLAN_DUE_DAYS = 30  # a year's plan is due within 30 days of the year's (or the unit's) start


@dataclass(frozen=True)
class TaskCounts:
    due: int  # tasks with a milestone due in the window
    done: int  # ... done on the window's last day, by the periodic report's rule
    on_time: int  # ... and done on time by the same rule


def task_counts(
    milestones_by_task: Mapping[int, Iterable[MilestoneFact]], first: date, last: date
) -> TaskCounts:
    """Tasks with a milestone due from ``first`` to ``last``, and how many of them are done (on
    time) on ``last``. "Done" is the periodic report's rule (``core.reporting.facts.task_state``
    over all the task's milestones as they stood on ``last``), not a second one: the latest report
    sent says "Hoàn thành" and no later deadline was missed. An officer accepting a report that
    says "Đang thực hiện" does not finish the task; a recurring report ("Báo cáo định kỳ hằng
    quý") is done while its latest quarter's report says so and none since is missing."""
    due = done = on_time = 0
    for facts in milestones_by_task.values():
        facts = [as_it_stood(f, last) for f in facts]
        if not any(f.due is not None and first <= f.due <= last for f in facts):
            continue
        due += 1
        state = task_state(facts, last)
        done += state in DONE_STATES
        on_time += state == TaskState.DONE_ON_TIME
    return TaskCounts(due, done, on_time)


def window(start: date, end: date, today: date, unit_start: date | None = None) -> tuple[date, date]:
    """The days whose obligations count: the period, cut at today and at the unit's first day."""
    first = max(start, unit_start) if unit_start else start
    return first, min(end, today)


@dataclass(frozen=True)
class ReportCounts:
    due: int
    on_time: int
    late: int


def report_counts(dues: Mapping[str, date], sent: Mapping[str, date]) -> ReportCounts:
    """Required reports (period code → due date) against the day each was first sent."""
    on_time = sum(1 for code, due in dues.items() if code in sent and sent[code] <= due)
    late = sum(1 for code, due in dues.items() if code in sent and sent[code] > due)
    return ReportCounts(len(dues), on_time, late)


def plan_due(year: int, unit_start: date | None = None) -> date:
    """The year's CCHC plan is due within PLAN_DUE_DAYS of 1 January, or of the unit's first day
    when it was formed during the year (the communes of 01/7/2025)."""
    start = date(year, 1, 1)
    if unit_start and start < unit_start <= date(year, 12, 31):
        start = unit_start
    return start + timedelta(days=PLAN_DUE_DAYS)
