"""The pieces of text the wording checks read, each with where it belongs.

Wording defects (drafting notes, another level's wording) can sit in a task's cells, in a target, or
in the running text of the plan. Checks report them on the task or target when they belong to one,
and on the plan (with the span in the source) otherwise, without reporting the same words twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from core.checks.context import CheckContext, task_span
from core.plandoc.document import Span
from core.plandoc.model import TaskDraft
from core.text import collapse, fold

TASK_FIELDS: tuple[str, ...] = ("content", "products", "deadline_text", "notes")
_BODY_START = re.compile(r"MỤC ĐÍCH|MỤC TIÊU|QUYẾT ĐỊNH\s*:", re.IGNORECASE)
_ANNEX_START = re.compile(r"^[ \t]*(?:\*\*|#+[ \t]*)?Phụ lục\b", re.IGNORECASE | re.MULTILINE)


@dataclass
class Unit:
    """A piece of text: a task field, a target, or the plan's body (``task``/``target`` None)."""

    text: str
    field: str
    task: TaskDraft | None = None
    target_index: int | None = None
    offset: int | None = None  # where ``text`` starts in the source, for body units


def field_text(task: TaskDraft, name: str) -> str:
    value = getattr(task, name)
    if isinstance(value, list):
        return "\n".join(value)
    return value or ""


def plan_units(ctx: CheckContext) -> Iterator[Unit]:
    """Task fields, then targets; the body comes separately from ``body_units``."""
    for task in ctx.plan.tasks:
        for name in TASK_FIELDS:
            text = field_text(task, name)
            if text:
                yield Unit(text, name, task=task)
    for index, target in enumerate(ctx.plan.targets):
        if target.text:
            yield Unit(target.text, "text", target_index=index)


def body_range(source: str) -> tuple[int, int]:
    """From the start of the plan's body (after the preamble's "Căn cứ") to the first annex."""
    start_match = _BODY_START.search(source)
    start = start_match.start() if start_match else 0
    annex = _ANNEX_START.search(source, start)
    return start, annex.start() if annex else len(source)


def body_units(ctx: CheckContext, whole: bool = False) -> Iterator[Unit]:
    """Running text outside the tasks and targets (``whole``: including preamble and annexes)."""
    source = ctx.plan.source_text
    if not source:
        return
    start, end = (0, len(source)) if whole else body_range(source)
    taken = sorted(
        (
            s
            for s in [task_span(t) for t in ctx.plan.tasks] + [t.spans.get("text") for t in ctx.plan.targets]
            if s is not None
        ),
        key=lambda s: (s.start, s.end),
    )
    position = start
    for span in taken:
        if span.end <= position or span.start >= end:
            continue
        if span.start > position:
            yield Unit(source[position : span.start], "body", offset=position)
        position = max(position, span.end)
    if position < end:
        yield Unit(source[position:end], "body", offset=position)


class FieldIndex:
    """Folded task and target texts, to tell whether words seen in the body belong to a task."""

    def __init__(self, ctx: CheckContext) -> None:
        self._texts = [fold(collapse(u.text)) for u in plan_units(ctx)]

    def contains(self, phrase: str) -> bool:
        key = fold(collapse(phrase))
        return bool(key) and any(key in text for text in self._texts)


def unit_span(ctx: CheckContext, unit: Unit, match: re.Match[str]) -> Span | None:
    """Span of a match: exact for body units, the field's span for task and target units."""
    if unit.offset is not None:
        return Span(unit.offset + match.start(), unit.offset + match.end())
    if unit.task is not None:
        return unit.task.spans.get(unit.field) or task_span(unit.task)
    if unit.target_index is not None:
        return ctx.plan.targets[unit.target_index].spans.get("text")
    return None
