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

from core.reporting.facts import MilestoneFact

PLAN_DUE_DAYS = 30  # a year's plan is due within 30 days of the year's (or the unit's) start


@dataclass(frozen=True)
class TaskCounts:
    due: int  # tasks with a milestone due in the window
    done: int  # ... all of whose due milestones are done
    on_time: int  # ... and none of them first reported late


def task_counts(milestones_by_task: Mapping[int, Iterable[MilestoneFact]]) -> TaskCounts:
    """Per task, over its milestones due in the window: done when every one is done (accepted by
    the officer, or sent as "Hoàn thành"), on time when none was first sent after its due date."""
    due = done = on_time = 0
    for facts in milestones_by_task.values():
        facts = list(facts)
        if not facts:
            continue
        due += 1
        if all(f.done for f in facts):
            done += 1
            on_time += not any(f.late for f in facts)
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
