"""Measures from the follow-up of plans: tasks of the unit's CCHC plans completed (on time)."""

from __future__ import annotations

from collections import defaultdict

from apps.plans.models import Milestone
from apps.plans.selectors import plans_in_force
from cchc import clock
from core import measures
from core.indicators import INDICATOR_NAMES
from core.reporting.facts import MilestoneFact
from core.reporting.periods import Period
from core.unit_measures import TaskCounts, task_counts, window

SOURCE = "Theo dõi tiến độ nhiệm vụ trên hệ thống CCHC"


@measures.shared
def _counts(org_unit, period: Period) -> tuple[TaskCounts, tuple]:
    """Every milestone of the tasks due in the window (not only those due in it): whether a task
    is done is read from its latest report sent, as the periodic report does. The tasks are those
    of the plans in force and not cancelled, the report's population."""
    first, last = window(period.start, period.end, clock.today(), org_unit.valid_from)
    due_in_window = Milestone.objects.filter(
        task__plan__in=plans_in_force([org_unit.pk], first, last),
        task__cancelled_at__isnull=True,
        due__range=(first, last),
    ).values("task_id")
    rows = Milestone.objects.filter(task_id__in=due_in_window).values_list(
        "task_id", "due", "report_status", "submitted_on", "report__progress"
    )
    by_task: dict[int, list[MilestoneFact]] = defaultdict(list)
    for task_id, due, status, sent, progress in rows:
        by_task[task_id].append(
            MilestoneFact(due=due, workflow=status, submitted_on=sent, progress=progress or "")
        )
    return task_counts(by_task, first, last), (first, last)


def _measurement(code: str, part: int, counts: TaskCounts, days, what: str) -> measures.Measurement:
    first, last = days
    span = f"có hạn từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}"
    if not counts.due:
        return measures.Measurement(code, None, formula=f"Không có nhiệm vụ nào {span}.", source=SOURCE)
    return measures.Measurement(
        code,
        round(100 * part / counts.due, 2),
        part,
        counts.due,
        formula=f"{part} nhiệm vụ {what} / {counts.due} nhiệm vụ {span}",
        source=SOURCE,
    )


def task_on_time_rate(org_unit, period: Period):
    counts, days = _counts(org_unit, period)
    return _measurement("task_on_time_rate", counts.on_time, counts, days, "hoàn thành đúng hạn")


def task_completion_rate(org_unit, period: Period):
    counts, days = _counts(org_unit, period)
    return _measurement("task_completion_rate", counts.done, counts, days, "đã hoàn thành")


def register() -> None:
    measures.register(
        "task_on_time_rate", task_on_time_rate, name="Tỷ lệ nhiệm vụ của kế hoạch CCHC hoàn thành đúng hạn"
    )
    measures.register(
        "task_completion_rate", task_completion_rate, name=INDICATOR_NAMES["task_completion_rate"]
    )


register()
