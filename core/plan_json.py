"""The JSON form of an extracted plan: the gold schema, plus each task's milestones and the spans,
and (from a scan) ``review``: the fields to compare with the paper, with their OCR confidence.

Used by ``cchc import-plan --json`` and by anyone who wants the extraction without the database.
"""

from __future__ import annotations

from datetime import date

from core.deadlines import parse_deadline
from core.plandoc.model import PlanDraft


def _spans(spans: dict) -> dict:
    return {key: span.to_dict() for key, span in spans.items() if span is not None}


def plan_period(draft: PlanDraft) -> tuple[date, date]:
    """The plan period, or the calendar year of signing (or of today) when the document has none."""
    year = (draft.signed_date or date.today()).year
    return draft.period_start or date(year, 1, 1), draft.period_end or date(year, 12, 31)


def plan_json(draft: PlanDraft, *, with_spans: bool = True) -> dict:
    data = draft.to_gold_dict()
    start, end = plan_period(draft)
    for task_data, task in zip(data["tasks"], draft.tasks, strict=True):
        parsed = parse_deadline(task.deadline_text, start, end)
        task_data["milestones"] = [m.to_dict() for m in parsed.milestones]
        if parsed.unparsed:
            task_data["deadline_unparsed"] = list(parsed.unparsed)
        if with_spans:
            task_data["spans"] = _spans(task.spans)
        if task.review:
            task_data["review"] = dict(task.review)
    for target_data, target in zip(data["targets"], draft.targets, strict=True):
        if with_spans:
            target_data["spans"] = _spans(target.spans)
        if target.review:
            target_data["review"] = dict(target.review)
    if with_spans:
        data["spans"] = _spans(draft.spans)
    if draft.review:
        data["review"] = dict(draft.review)
    data["warnings"] = list(draft.warnings)
    return data
