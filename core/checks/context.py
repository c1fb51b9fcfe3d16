"""Everything a check needs about the plan under review, computed once per ``check_plan`` call.

Several rules read the same derived facts (the signing window, each task's milestones, resolved
agencies); computing them here keeps the rules short and the whole run cheap enough to check every
commune of a province in one go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from core.agencies import AgencyDirectory, Resolution, default_directory
from core.checks.dates import DeadlineReading, IssueWindow, issue_window, read_deadline
from core.checks.finding import Finding
from core.plandoc.document import Span
from core.plandoc.model import AREAS, PlanDraft, TaskDraft
from core.text import capitalise_first

LEVEL_RANK = {"commune": 1, "district": 2, "province": 3}
LEVEL_WORD = {"commune": "xã", "district": "huyện", "province": "tỉnh"}


def task_label(task: TaskDraft) -> str:
    """How an official names a task: its number and its area ("nhiệm vụ 6, Cải cách thể chế")."""
    area = AREAS.get(task.area or "", task.area or "không rõ lĩnh vực")
    return f"nhiệm vụ {task.no}, {area}" if task.no else f"nhiệm vụ không số, {area}"


def task_heading(task: TaskDraft) -> str:
    """``task_label`` at the start of a finding's sentence ("Nhiệm vụ 6, Cải cách thể chế …")."""
    return capitalise_first(task_label(task))


def task_span(task: TaskDraft) -> Span | None:
    return task.spans.get("content") or Span.cover(list(task.spans.values()))


@dataclass
class CheckContext:
    plan: PlanDraft
    superior: PlanDraft | None = None
    agencies: AgencyDirectory | None = None
    today: date | None = None
    _deadlines: dict[int, DeadlineReading] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.agencies is None:
            self.agencies = default_directory(self.plan.org_unit.level, self.plan.org_unit.province)
        if self.today is None:
            self.today = date.today()

    @property
    def level(self) -> str:
        return self.plan.org_unit.level or "commune"

    @cached_property
    def window(self) -> IssueWindow:
        return issue_window(self.plan)

    @cached_property
    def effective_date(self) -> date | None:
        """The earliest date the plan can speak from: its signing, else the start of its period."""
        return self.window.earliest or self.plan.period_start

    def deadline(self, task: TaskDraft) -> DeadlineReading:
        key = id(task)
        if key not in self._deadlines:
            text = task.deadline_text or ""
            self._deadlines[key] = read_deadline(text, self.plan.period_start, self.plan.period_end)
        return self._deadlines[key]

    def resolve(self, printed: str) -> Resolution:
        assert self.agencies is not None
        return self.agencies.resolve(printed)

    def for_task(self, rule: str, severity: str, message: str, task: TaskDraft, **context) -> Finding:
        span = context.pop("span", None) or task_span(task)
        return Finding(rule, severity, message, task.area, task.no, None, span, context)

    def for_target(self, rule: str, severity: str, message: str, index: int, **context) -> Finding:
        target = self.plan.targets[index]
        span = context.pop("span", None) or target.spans.get("text")
        return Finding(rule, severity, message, target.area, None, index, span, context)

    def for_plan(self, rule: str, severity: str, message: str, **context) -> Finding:
        span = context.pop("span", None)
        return Finding(rule, severity, message, None, None, None, span, context)
