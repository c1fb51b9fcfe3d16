"""Plan documents: read an uploaded plan (text, DOCX, PDF) and extract a ``PlanDraft`` from it."""

from __future__ import annotations

from core.plandoc.model import PlanDraft


def parse_plan(data: bytes, filename: str) -> PlanDraft:
    """Read ``data`` (named ``filename``) and extract the plan; raises ``PlanDocError`` on bad input."""
    from core.plandoc.extract import extract_plan
    from core.plandoc.readers import read_document

    return extract_plan(read_document(data, filename))


__all__ = ["parse_plan"]
