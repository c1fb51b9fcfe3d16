"""Extraction: a read ``Document`` becomes a ``PlanDraft``, every field with its source span.

The steps read the plan's structure, not any one file's layout: logical paragraphs and their
markers (``units``), the section outline (``outline``), header fields (``metadata``), targets
(``targets``), annex tables (``tasks``), and for plans without an annex the lettered paragraphs
of the tasks section with leads from "Tổ chức thực hiện" (``paragraph_tasks``, ``assignments``).
"""

from __future__ import annotations

from core.plandoc.document import Document
from core.plandoc.extract.assignments import extract_assignments, whole_area_leads
from core.plandoc.extract.metadata import fill_metadata
from core.plandoc.extract.outline import build_outline
from core.plandoc.extract.prose_tasks import extract_prose_tasks
from core.plandoc.extract.targets import extract_targets
from core.plandoc.extract.tasks import read_annex
from core.plandoc.extract.textutil import fold
from core.plandoc.extract.units import logical_units
from core.plandoc.model import PlanDraft

NO_ANNEX_WARNING = (
    "Kế hoạch không có bảng phụ lục nhiệm vụ: nhiệm vụ được đọc từ các đoạn a), b), c) của phần "
    "nhiệm vụ, giải pháp; cơ quan chủ trì lấy từ phần Tổ chức thực hiện."
)


def is_cchc_plan(title: str | None, text: str) -> bool:
    """A plan on administrative reform, whose tasks fall in the seven CCHC areas."""
    head = fold(title or "") or fold(text[:4000])
    return "cai cach hanh chinh" in head or "cai cach thu tuc hanh chinh" in head


def extract_plan(doc: Document) -> PlanDraft:
    """Extract the plan printed in ``doc``."""
    plan = PlanDraft(document=doc.name, source_text=doc.text, warnings=list(doc.warnings))
    units = logical_units(doc)
    root = build_outline(units)
    fill_metadata(doc, units, plan)
    cchc = is_cchc_plan(plan.title, doc.text)
    plan.targets = extract_targets(doc, root, (plan.period_start, plan.period_end), cchc)
    plan.assignments = extract_assignments(doc, root)
    tasks, targets_only = read_annex(doc, cchc)
    if not tasks or targets_only:
        prose = extract_prose_tasks(doc, root, whole_area_leads(plan.assignments), plan.assignments, cchc)
        if prose and not tasks:
            plan.warnings.append(NO_ANNEX_WARNING)
        tasks = prose + tasks
    plan.tasks = tasks
    return plan


__all__ = ["extract_plan"]
