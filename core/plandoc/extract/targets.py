"""Targets (chỉ tiêu) from the "mục tiêu, chỉ tiêu cụ thể" section.

Every item of the section is a target. An item with percentages gives one target per numeric
commitment, each with the clause that states it; its clauses without a number are dropped (they
are intentions, not measurable commitments). An item with no number is kept whole with its numeric
fields empty. A bare "80%" is a level to reach at least (">="); "trên"/"dưới" are strict.
"""

from __future__ import annotations

import re
from datetime import date

from core.plandoc.document import Document
from core.plandoc.extract.areas import area_of_heading, classify_area
from core.plandoc.extract.outline import Node, find_targets_section
from core.plandoc.extract.spans import locate
from core.plandoc.extract.textutil import fold
from core.plandoc.model import TargetDraft
from core.text import collapse

_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%")
_AT_LEAST_AFTER = re.compile(r"^\W*(?:tro len|tro len\b)")
_AT_MOST_AFTER = re.compile(r"^\W*tro xuong")
_BEFORE = (
    (re.compile(r"(?:khong duoi|khong thap hon|toi thieu|it nhat|tu)\s*$"), ">="),
    (re.compile(r"(?:toi da|khong qua|khong vuot qua|khong cao hon)\s*$"), "<="),
    (re.compile(r"(?:tren|hon)\s*$"), ">"),
    (re.compile(r"(?:duoi|it hon)\s*$"), "<"),
)
_YEAR_AFTER = re.compile(r"^\W*(?:(?:vao|den|trong)\s+)?nam\s+(\d{4})")
_YEAR_BEFORE = re.compile(r"(?:vao|den|trong)\s+nam\s+(\d{4})\W*(?:\w+\W*){0,2}$")
_SHORT_CLAUSE_WORDS = 6


def extract_targets(
    doc: Document, root: Node, period: tuple[date | None, date | None] = (None, None)
) -> list[TargetDraft]:
    """The targets of the plan, in document order."""
    section = find_targets_section(root)
    if section is None:
        return []
    targets: list[TargetDraft] = []
    _collect(doc, section, area_of_heading(section.text), period, targets)
    return targets


def _collect(doc: Document, node: Node, area: str | None, period, out: list[TargetDraft]) -> None:
    for child in node.children:
        if child.children and child.is_heading:
            _collect(doc, child, area_of_heading(child.text) or area, period, out)
            continue
        if child.text.strip().endswith(":") and not child.children:
            continue
        out.extend(_item_targets(doc, child, area, period))
        if child.children:
            _collect(doc, child, area, period, out)


def split_clauses(text: str) -> list[str]:
    """Clauses of an item: split on ";" and on sentence ends followed by a capital letter."""
    clauses = []
    for part in text.split(";"):
        start = 0
        for match in re.finditer(r"[.!?]\s+", part):
            following = part[match.end() : match.end() + 1]
            if following.isupper():
                clauses.append(part[start : match.start() + 1])
                start = match.end()
        clauses.append(part[start:])
    return [collapse(c) for c in clauses if collapse(c)]


def _numeric_clauses(clauses: list[str]) -> list[str]:
    """Clauses with a percentage; a short clause without one completes the clause before it."""
    out: list[str] = []
    for clause in clauses:
        if _PERCENT.search(clause):
            out.append(clause)
        elif out and len(clause.split()) <= _SHORT_CLAUSE_WORDS and clause[:1].isupper():
            out[-1] = f"{out[-1]}; {clause}"
    return out


def _clean_text(text: str) -> str:
    return collapse(text).rstrip(" .;,").strip()


def _item_targets(doc: Document, node: Node, area: str | None, period) -> list[TargetDraft]:
    text = collapse(node.text)
    if not text:
        return []
    area = area or classify_area(text)
    numeric = _numeric_clauses(split_clauses(text))
    if not numeric:
        target = TargetDraft(area=area, text=_clean_text(text))
        target.spans["text"] = locate(doc.text, target.text, node.span)
        return [target]
    targets = []
    for clause in numeric:
        clause_text = _clean_text(clause)
        clause_span = locate(doc.text, clause_text, node.span)
        for match in _PERCENT.finditer(clause):
            value = float(match.group(1).replace(",", "."))
            before = fold(clause[: match.start()])
            after = fold(clause[match.end() :])
            target = TargetDraft(
                area=area,
                text=clause_text,
                indicator=indicator_of(clause_text),
                comparator=_comparator(before, after),
                value=value,
                unit="%",
                year=_year(before, after, period),
            )
            target.spans["text"] = clause_span
            target.spans["value"] = locate(doc.text, match.group(0), clause_span)
            targets.append(target)
    return targets


def _comparator(before: str, after: str) -> str:
    if _AT_LEAST_AFTER.search(after):
        return ">="
    if _AT_MOST_AFTER.search(after):
        return "<="
    tail = before[-30:]
    for pattern, comparator in _BEFORE:
        if pattern.search(tail):
            return comparator
    return ">="


def _year(before: str, after: str, period) -> int | None:
    match = _YEAR_AFTER.search(after[:30]) or _YEAR_BEFORE.search(before[-40:])
    if not match:
        return None
    year = int(match.group(1))
    start, end = period
    if start and end and start.year == end.year == year:
        return None  # "trong năm 2025" in a 2025 plan is the whole period
    return year


def indicator_of(text: str) -> str:
    """The indicator a numeric target measures, from its wording."""
    f = fold(text)
    if "thanh toan truc tuyen" in f:
        return "online_payment_rate" if "giao dich" in f else "online_payment_service_rate"
    if ("dung han" in f or "truoc han" in f) and "ho so" in f:
        return "on_time_rate"
    if "ho so" in f and "truc tuyen" in f and ("nop" in f or "tiep nhan" in f or "giai quyet" in f):
        return "online_dossier_rate"
    if "toan trinh" in f or "dich vu cong truc tuyen" in f:
        return "full_online_service_rate"
    if "so hoa" in f and "ket qua" in f:
        return "digitized_result_rate"
    if "cung cap lai" in f or "su dung lai" in f or "tai su dung" in f:
        return "data_reuse_rate"
    if "hai long" in f:
        return "satisfaction_rate"
    if "kiem tra" in f and ("moi truong so" in f or "truc tuyen" in f or "moi truong dien tu" in f):
        return "digital_inspection_rate"
    if ("qppl" in f or "quy pham phap luat" in f) and not ("tuyen truyen" in f or "pho bien" in f):
        return "legal_doc_rate"
    if "van ban" in f and ("dien tu" in f or "ky so" in f):
        return "e_document_rate"
    if "nhiem vu" in f and "hoan thanh" in f:
        return "task_completion_rate"
    return "other"
