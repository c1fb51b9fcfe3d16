"""Targets (chỉ tiêu) from the "mục tiêu, chỉ tiêu cụ thể" section.

Every item of the section is a target. An item with percentages gives one target per numeric
commitment, each with the clause that states it; its clauses without a number are dropped (they
are intentions, not measurable commitments). An item with no number is kept whole with its numeric
fields empty. A bare "80%" is a level to reach at least (">="); "trên"/"dưới" are strict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.indicators import classify as classify_indicator
from core.plandoc.document import Document
from core.plandoc.extract.areas import area_of_heading, classify_area
from core.plandoc.extract.outline import Node, find_targets_sections
from core.plandoc.extract.spans import locate
from core.plandoc.extract.textutil import fold
from core.plandoc.model import TargetDraft
from core.text import collapse

_PERCENT = re.compile(r"(?P<value>\d{1,3}(?:[.,]\d{1,2})?)\s*%")
# A count a plan commits to ("tối thiểu 01 sàn giao dịch dữ liệu", "gấp 30 lần GRDP", "từ 05 bộ dữ
# liệu"): a number after a word of commitment, then its unit (not an age, a date or a year).
_COUNT = re.compile(
    r"(?i)(?:tối thiểu|ít nhất|từ|đạt|trên|gấp|có|khoảng|thêm)\s+(?P<value>\d{1,4}(?:[.,]\d{1,2})?)\s+"
    r"(?P<unit>(?!tuổi|năm|tháng|ngày|giờ|%)[^\W\d_]+(?:\s+(?!đến|vào|trong|năm|trở)[^\W\d_]+){0,3})"
)
_HEADING_YEAR = re.compile(r"(?:den|vao|trong|den het)\s+nam\s+(\d{4})")
_AT_LEAST_AFTER = re.compile(r"^\W*(?:tro len|tro len\b)")
_AT_MOST_AFTER = re.compile(r"^\W*tro xuong")
_BEFORE = (
    (re.compile(r"(?:khong duoi|khong thap hon|toi thieu|it nhat|tu)\s*$"), ">="),
    (re.compile(r"(?:toi da|khong qua|khong vuot qua|khong cao hon)\s*$"), "<="),
    (re.compile(r"(?:tren|hon)\s*$"), ">"),
    (re.compile(r"(?:duoi|it hon)\s*$"), "<"),
)
_YEAR_AFTER = re.compile(r"^\W*(?:(?:vao|den|trong)\s+)?nam\s+(\d{4})")
_YEAR_BEFORE = re.compile(r"(?:(?:vao|den(?:\s+het)?|trong)\s+)?nam\s+(\d{4})\W*(?:\w+\W*){0,2}$")
_SHORT_CLAUSE_WORDS = 6


def extract_targets(
    doc: Document, root: Node, period: tuple[date | None, date | None] = (None, None), cchc: bool = True
) -> list[TargetDraft]:
    """The targets of the plan, in document order (areas only for a CCHC plan)."""
    targets: list[TargetDraft] = []
    for section in find_targets_sections(root):
        scope = _Scope(
            area_of_heading(section.text), _heading_year(section.text), _is_general(section.text), cchc
        )
        _collect(doc, section, scope, period, targets)
    return targets


@dataclass(frozen=True)
class _Scope:
    """What the headings above an item say: its area, its year ("… đến năm 2030"), and whether it
    is a general aim ("Mục tiêu chung"), whose items count only when they carry a number."""

    area: str | None
    year: int | None
    general: bool
    cchc: bool = True  # a plan outside the seven CCHC areas gives its targets no area


def _heading_year(text: str) -> int | None:
    match = _HEADING_YEAR.search(fold(text))
    return int(match.group(1)) if match else None


def _is_general(text: str) -> bool:
    return fold(text).startswith(("muc tieu chung", "muc tieu tong quat", "muc tieu tong the"))


def _collect(doc: Document, node: Node, scope: _Scope, period, out: list[TargetDraft]) -> None:
    for child in node.children:
        if child.children and child.is_heading:
            inner = _Scope(
                area_of_heading(child.text) or scope.area,
                _heading_year(child.text) or scope.year,
                _is_general(child.text) or (scope.general and not child.text.strip().endswith(":")),
                scope.cchc,
            )
            _collect(doc, child, inner, period, out)
            continue
        if child.text.strip().endswith(":") and not child.children:
            continue
        out.extend(_item_targets(doc, child, scope, period))
        if child.children:
            _collect(doc, child, scope, period, out)


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


def _numeric_clauses(clauses: list[str], pattern: re.Pattern) -> list[str]:
    """Clauses with a number of ``pattern``; a short clause without one completes the one before."""
    out: list[str] = []
    for clause in clauses:
        if pattern.search(clause):
            out.append(clause)
        elif out and len(clause.split()) <= _SHORT_CLAUSE_WORDS and clause[:1].isupper():
            out[-1] = f"{out[-1]}; {clause}"
    return out


def _clean_text(text: str) -> str:
    return collapse(text).rstrip(" .;,").strip()


def _item_targets(doc: Document, node: Node, scope: _Scope, period) -> list[TargetDraft]:
    text = collapse(node.text)
    if not text:
        return []
    area = (scope.area or classify_area(text)) if scope.cchc else None
    clauses = split_clauses(text)
    numeric = _numeric_clauses(clauses, _PERCENT)
    pattern = _PERCENT
    if not numeric:
        numeric, pattern = _numeric_clauses(clauses, _COUNT), _COUNT
    if not numeric:
        if scope.general or _is_general(text):
            return []
        target = TargetDraft(area=area, text=_clean_text(text), year=_plain_year(text, scope, period))
        target.spans["text"] = locate(doc.text, target.text, node.span)
        return [target]
    targets = []
    for clause in numeric:
        clause_text = _clean_text(clause)
        clause_span = locate(doc.text, clause_text, node.span)
        for match in pattern.finditer(clause):
            value = float(match.group("value").replace(",", "."))
            before = fold(_spelled(clause[: match.start()]))
            after = fold(clause[match.end() :])
            unit = "%" if pattern is _PERCENT else collapse(match.group("unit"))
            target = TargetDraft(
                area=area,
                text=clause_text,
                indicator=classify_indicator(clause_text),
                comparator=_comparator(before, after),
                value=value,
                unit=unit,
                year=_year(before, after, period) or _scope_year(scope, period),
            )
            target.spans["text"] = clause_span
            target.spans["value"] = locate(doc.text, match.group(0), clause_span)
            targets.append(target)
    return targets


def _scope_year(scope: _Scope, period) -> int | None:
    """The heading's year, unless it is where the plan's period ends ("Mục tiêu cụ thể đến năm
    2030" in a 2026-2030 plan): then the targets span the whole period."""
    _start, end = period
    if scope.year and end and end.year == scope.year:
        return None
    return scope.year


def _plain_year(text: str, scope: _Scope, period) -> int | None:
    match = _YEAR_BEFORE.search(fold(text)) or _YEAR_AFTER.search(fold(text))
    year = int(match.group(1)) if match else None
    start, end = period
    if year and start and end and start.year == end.year == year:
        return None
    return year or _scope_year(scope, period)


_SYMBOLS = (
    ("≥", " không dưới "),
    (">=", " không dưới "),
    ("≤", " không quá "),
    ("<=", " không quá "),
    (">", " trên "),
    ("<", " dưới "),
)


def _spelled(text: str) -> str:
    """Comparison signs in words ("≥ 80%" reads "không dưới 80%"), which folding would drop."""
    for sign, words in _SYMBOLS:
        text = text.replace(sign, words)
    return text


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
