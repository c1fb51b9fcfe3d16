"""Plan documents: read an uploaded plan (text, DOCX, PDF) and extract a ``PlanDraft`` from it."""

from __future__ import annotations

from core.plandoc.model import PlanDraft


def parse_plan(data: bytes, filename: str, *, ocr: bool = True) -> PlanDraft:
    """Read ``data`` (named ``filename``) and extract the plan; raises ``PlanDocError`` on bad input.

    ``ocr=False`` refuses a scan with ``PlanDocError("needs_ocr")`` instead of reading it (the
    slow path; see ``read_document``). From a scan, fields whose text the OCR was unsure of are
    listed in a warning, so the official checks them against the paper.
    """
    from core.plandoc.confidence import fields_needing_review, review_warning
    from core.plandoc.extract import extract_plan
    from core.plandoc.readers import read_document

    doc = read_document(data, filename, ocr=ocr)
    plan = extract_plan(doc)
    marks = fields_needing_review(plan, doc)
    if marks:
        plan.warnings.append(review_warning(marks))
    return plan


__all__ = ["parse_plan"]
