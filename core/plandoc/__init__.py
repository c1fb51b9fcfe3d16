"""Plan documents: read an uploaded plan (text, DOCX, PDF, or an XLSX of tasks) into a ``PlanDraft``."""

from __future__ import annotations

from core.plandoc.model import PlanDraft


def parse_plan(data: bytes, filename: str) -> PlanDraft:
    """Read ``data`` (named ``filename``) and extract the plan; raises ``PlanDocError`` on bad input.

    A workbook is read row by row (``sheets.workbook``); a document is extracted, then diagnosed so
    that a missing part (no task, no target) comes with the reason and the manual route.
    """
    from core.plandoc.diagnose import diagnose
    from core.plandoc.extract import extract_plan
    from core.plandoc.readers import read_document
    from core.plandoc.sheets.workbook import sheet_plan

    doc = read_document(data, filename)
    if doc.format == "xlsx":
        return sheet_plan(doc)
    draft = extract_plan(doc)
    draft.warnings[:0] = diagnose(doc, draft)  # the reason comes before the details
    return draft


__all__ = ["parse_plan"]
