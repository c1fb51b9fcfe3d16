"""Build a PlanDraft from a gold annotation (``shared/gold/*.json``, see its SCHEMA.md).

Gold annotations are what a careful official would type in by hand. Checks, alignment and the
importer's benchmark all need PlanDrafts that are known to be right, independent of how well the
extractor does, so this loader turns a gold dict into the same PlanDraft the importer produces.
When the source text is given, each task and target gets the span of its text in the source (the
gold files carry no offsets), so findings on gold-built plans can still point into the document.
"""

from __future__ import annotations

from datetime import date

from core.checks.locate import locate
from core.plandoc.model import OrgUnitRef, PlanDraft, TargetDraft, TaskDraft


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _target(item: dict, source_text: str) -> TargetDraft:
    target = TargetDraft(
        area=item.get("area"),
        text=item.get("text") or "",
        indicator=item.get("indicator"),
        comparator=item.get("comparator"),
        value=item.get("value"),
        unit=item.get("unit"),
        year=item.get("year"),
    )
    span = locate(source_text, target.text)
    if span is not None:
        target.spans["text"] = span
    return target


def _task(item: dict, source_text: str, start: int) -> TaskDraft:
    task = TaskDraft(
        area=item.get("area"),
        no=item.get("no"),
        content=item.get("content") or "",
        products=list(item.get("products") or []),
        lead=list(item.get("lead") or []),
        coordinating=list(item.get("coordinating") or []),
        deadline_text=item.get("deadline_text"),
        notes=item.get("notes"),
    )
    # Tasks of an annex usually repeat a paragraph of the body; searching from the previous task's
    # position finds the annex row rather than the body paragraph.
    span = locate(source_text, task.content, start) or locate(source_text, task.content)
    if span is not None:
        task.spans["content"] = span
    return task


def plan_from_gold(data: dict, source_text: str = "") -> PlanDraft:
    """The PlanDraft a gold annotation describes; spans are filled when ``source_text`` is given."""
    unit = data.get("org_unit") or {}
    period = data.get("period") or {}
    plan = PlanDraft(
        document=data.get("document") or "",
        source_text=source_text,
        issuer=data.get("issuer"),
        org_unit=OrgUnitRef(unit.get("name"), unit.get("level"), unit.get("province")),
        title=data.get("title"),
        decision_number=data.get("decision_number"),
        signed_date=_date(data.get("signed_date")),
        signer=data.get("signer"),
        period_start=_date(period.get("start")),
        period_end=_date(period.get("end")),
    )
    plan.targets = [_target(item, source_text) for item in data.get("targets") or []]
    position = _annex_start(source_text)
    for item in data.get("tasks") or []:
        task = _task(item, source_text, position)
        span = task.spans.get("content")
        if span is not None and span.start >= position:
            position = span.start
        plan.tasks.append(task)
    return plan


def _annex_start(source_text: str) -> int:
    """Offset of the first annex ("Phụ lục") heading after the body, 0 when there is none."""
    lowered = source_text.lower()
    for marker in ("**phụ lục", "## phụ lục", "\nphụ lục"):
        index = lowered.find(marker)
        if index >= 0:
            return index
    return 0
