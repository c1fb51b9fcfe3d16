"""Plan documents: read an uploaded plan (text, DOCX, PDF) and extract a ``PlanDraft`` from it."""

from __future__ import annotations

from core.plandoc.model import PlanDraft


def parse_plan(data: bytes, filename: str, *, ocr: bool = True) -> PlanDraft:
    """Read ``data`` (named ``filename``) and extract the plan; raises ``PlanDocError`` on bad input.

    A workbook is read row by row (``sheets.workbook``); a document is extracted, then diagnosed so
    that a missing part (no task, no target) comes with the reason and the manual route.
    ``ocr=False`` refuses a scan with ``PlanDocError("needs_ocr")`` instead of reading it (the
    slow path; see ``read_document``). From a scan, fields whose text the OCR was unsure of are
    marked on their task, target or header (``review``) and summed up in a warning, so the official
    checks them against the paper.
    """
    from core.plandoc.confidence import mark_for_review, review_warning
    from core.plandoc.diagnose import diagnose
    from core.plandoc.extract import extract_plan
    from core.plandoc.readers import read_document
    from core.plandoc.sheets.workbook import sheet_plan

    doc = read_document(data, filename, ocr=ocr)
    if doc.format == "xlsx":
        return sheet_plan(doc)
    draft = extract_plan(doc)
    draft.warnings[:0] = diagnose(doc, draft)  # the reason comes before the details
    marks = mark_for_review(draft, doc)
    if marks:
        draft.warnings.append(review_warning(marks))
    return draft


__all__ = ["parse_plan"]
