"""Target checks: the same indicator stated with different values in different parts of the plan.

A target is often restated in the task texts and the body, and the copies drift: 001 says 70% for
online payment in its targets, 60% in the body and 50% in annex task 15. Values for different
years are a trajectory (70% in 2027, 80% in 2030), not a conflict, so only values for the same
year (or, in a multi-year plan, values with no year at all) are compared. Only indicators with one
meaning are compared; "mức độ hài lòng" measures several things (TTHC, y tế, giáo dục) and is left
to the official.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from core.checks.context import CheckContext, task_label
from core.checks.finding import WARNING, Finding
from core.checks.mentions import INDICATOR_NAMES, NARROW, mentions, qualifiers
from core.checks.registry import check
from core.checks.scan import FieldIndex, body_units
from core.plandoc.document import Span
from core.plandoc.model import TaskDraft


@dataclass
class Stated:
    """One statement of a value: where it is (target, task or body) and what it says."""

    indicator: str
    quals: frozenset[str]
    value: float
    year: int | None
    where: str
    target_index: int | None = None
    task: TaskDraft | None = None
    span: Span | None = None


def _single_year(ctx: CheckContext) -> int | None:
    start, end = ctx.plan.period_start, ctx.plan.period_end
    return start.year if start and end and start.year == end.year else None


def stated_values(ctx: CheckContext) -> list[Stated]:
    """Every numeric commitment of the plan: structured targets, then task texts, then the body."""
    default_year = _single_year(ctx)
    found: list[Stated] = []
    for index, target in enumerate(ctx.plan.targets):
        if target.indicator and target.value is not None and target.indicator != "other":
            found.append(
                Stated(
                    target.indicator,
                    qualifiers(target.text),
                    float(target.value),
                    target.year or default_year,
                    f"chỉ tiêu số {index + 1}",
                    target_index=index,
                    span=target.spans.get("text"),
                )
            )
    for task in ctx.plan.tasks:
        for m in mentions(task.content):
            found.append(
                Stated(m.indicator, m.quals, m.value, m.year or default_year, task_label(task), task=task)
            )
    index = FieldIndex(ctx)
    for unit in body_units(ctx):
        for m in mentions(unit.text):
            if index.contains(m.clause):
                continue
            span = Span(unit.offset + m.start, unit.offset + m.end) if unit.offset is not None else None
            found.append(
                Stated(m.indicator, m.quals, m.value, m.year or default_year, "phần nội dung", span=span)
            )
    return found


def _value(v: float) -> str:
    return f"{v:g}%"


@check("inconsistent_target")
def inconsistent_target(ctx: CheckContext) -> Iterator[Finding]:
    groups: dict[tuple[str, frozenset[str]], list[Stated]] = {}
    for item in stated_values(ctx):
        if item.indicator in NARROW:
            groups.setdefault((item.indicator, item.quals), []).append(item)
    for (indicator, _), items in groups.items():
        by_year: dict[int | None, set[float]] = {}
        for item in items:
            by_year.setdefault(item.year, set()).add(item.value)
        if all(len(values) == 1 for values in by_year.values()):
            continue
        yield _finding(ctx, indicator, items)


def _finding(ctx: CheckContext, indicator: str, items: list[Stated]) -> Finding:
    parts = []
    for item in items:
        year = f" (năm {item.year})" if item.year and item.year != _single_year(ctx) else ""
        parts.append(f"{_value(item.value)}{year} ở {item.where}")
    listed = "; ".join(dict.fromkeys(parts))
    message = (
        f"Chỉ tiêu “{INDICATOR_NAMES.get(indicator, indicator)}” được nêu với các mức khác nhau: {listed}. "
        "Thống nhất một mức cho mỗi năm ở tất cả các phần của kế hoạch."
    )
    values = sorted({i.value for i in items})
    anchor = next((i for i in items if i.target_index is not None), None) or items[0]
    if anchor.target_index is not None:
        return ctx.for_target(
            "inconsistent_target", WARNING, message, anchor.target_index, span=anchor.span, values=values
        )
    if anchor.task is not None:
        return ctx.for_task("inconsistent_target", WARNING, message, anchor.task, values=values)
    return ctx.for_plan("inconsistent_target", WARNING, message, span=anchor.span, values=values)
