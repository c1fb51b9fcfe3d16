"""Wording checks: drafting notes left in the text, and wording of another level or unit.

Commune plans are drafted by copying the province plan and editing it; what goes wrong is what was
not edited: a note to self ("(đổi thành cấp tỉnh)"), the province speaking of its own territory
("trên địa bàn tỉnh"), a task that is the province's job ("Xây dựng Kế hoạch đầu tư công tỉnh Thanh
Hóa năm 2026" given to a commune's Phòng Kinh tế). Citing a provincial document is legitimate, so
phrases inside a citation ("Kế hoạch số 121/KH-UBND ... của UBND tỉnh Thanh Hóa", a quoted project
title) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from core.checks.context import LEVEL_RANK, CheckContext, task_label
from core.checks.finding import ERROR, INFO, WARNING, Finding
from core.checks.registry import check
from core.checks.scan import FieldIndex, Unit, body_units, plan_units, unit_span
from core.text import collapse, fold

# ---------------------------------------------------------------- drafting notes

_PAREN = re.compile(r"[(\[]([^()\[\]\n]{2,200})[)\]]")
_NOTE_STRONG = re.compile(
    r"^(doi thanh|sua thanh|sua lai|thay bang|thay the bang|xem lai|kiem tra lai|can nhac|"
    r"bo sung sau|cap nhat sau|hoi lai|chua ro|cho y kien|xin y kien|ghi chu|luu y|todo|note|"
    r"de nghi (sua|bo|xem)|bo doan|xoa)\b"
)
_NOTE_WEAK = re.compile(r"^hoac\b")
CUTOVER = date(2025, 7, 1)  # district level abolished (two-level local government)


def _note_severity(inner: str) -> str | None:
    key = fold(inner)
    if _NOTE_STRONG.search(key) or key.endswith("?"):
        return ERROR
    if _NOTE_WEAK.search(key):
        return WARNING
    return None


def _where(unit: Unit) -> str:
    if unit.task is not None:
        return task_label(unit.task)
    if unit.target_index is not None:
        return f"chỉ tiêu số {unit.target_index + 1}"
    return "phần nội dung kế hoạch"


@check("editorial_note")
def editorial_note(ctx: CheckContext) -> Iterator[Finding]:
    index = FieldIndex(ctx)
    units = list(plan_units(ctx))
    body = [u for u in body_units(ctx, whole=True)]
    for unit in units + body:
        for match in _PAREN.finditer(unit.text):
            severity = _note_severity(match.group(1))
            if severity is None or (unit.offset is not None and index.contains(match.group(0))):
                continue
            note = collapse(match.group(0))
            message = (
                f"Còn sót ghi chú soạn thảo “{note}” trong {_where(unit)}. Sửa nội dung theo ghi chú "
                "(nếu cần) rồi xóa ghi chú trước khi ban hành."
            )
            if severity == WARNING:
                message = (
                    f"Đoạn “{note}” trong {_where(unit)} còn để ngỏ các phương án. Chọn một nội dung "
                    "cụ thể và xóa các phương án còn lại."
                )
            yield _finding(ctx, "editorial_note", severity, message, unit, match, note=note)


def _finding(ctx, rule, severity, message, unit: Unit, match, **context) -> Finding:
    span = unit_span(ctx, unit, match)
    if unit.task is not None:
        return ctx.for_task(rule, severity, message, unit.task, span=span, field=unit.field, **context)
    if unit.target_index is not None:
        return ctx.for_target(rule, severity, message, unit.target_index, span=span, **context)
    return ctx.for_plan(rule, severity, message, span=span, **context)


# ---------------------------------------------------------------- another level's wording

_HIGHER = r"(tỉnh|huyện|thị\s+xã|thành\s+phố|quận)"
_CAP = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ"
# A place name follows: two capitalized syllables ("tỉnh Thanh Hóa", "thị xã Nghi Sơn"); a single
# capital is a new sentence run into the cell ("... thị xã Báo cáo kết quả").
_UPPER_START = re.compile(rf"\s+[{_CAP}][\wÀ-ỹ]*\s+[{_CAP}]")
# After "Sở", any capital starts the department's name ("Sở Nội vụ", "Sở Tư pháp").
_ANY_NAME = re.compile(rf"\s+[{_CAP}]")


@dataclass(frozen=True)
class ScopePattern:
    regex: re.Pattern[str]
    severity: str
    why: str  # Vietnamese: what is wrong, completing "Cụm từ “…” ..."
    applies: Callable[[CheckContext], bool]
    bare: bool = True  # the level word must not be followed by a proper name
    name_after: re.Pattern[str] = _UPPER_START


def _below_province(ctx: CheckContext) -> bool:
    return LEVEL_RANK.get(ctx.level, 1) < LEVEL_RANK["province"]


def _commune(ctx: CheckContext) -> bool:
    return LEVEL_RANK.get(ctx.level, 1) == LEVEL_RANK["commune"]


def _after_cutover(ctx: CheckContext) -> bool:
    return ctx.effective_date is not None and ctx.effective_date >= CUTOVER


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


SCOPE_PATTERNS: tuple[ScopePattern, ...] = (
    ScopePattern(
        _rx(rf"trên\s+địa\s+bàn\s+(?:toàn\s+)?{_HIGHER}\b"),
        WARNING,
        "nói về địa bàn của cấp trên như địa bàn của mình; kế hoạch của xã nên ghi “trên địa bàn xã”",
        _commune,
    ),
    ScopePattern(
        _rx(rf"nội\s+bộ\s+của\s+{_HIGHER}\b"),
        WARNING,
        "là cách nói của kế hoạch cấp trên; kế hoạch của xã nên ghi “nội bộ của xã”",
        _commune,
    ),
    ScopePattern(
        _rx(rf"tại\s+(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:cấp\s+)?{_HIGHER}\b"),
        WARNING,
        "giao chỉ tiêu, nhiệm vụ tại cơ quan cấp trên trong kế hoạch của xã",
        _commune,
    ),
    ScopePattern(
        _rx(r"(?:của|tại)\s+(?:các\s+)?sở\b"),
        WARNING,
        "nói về các sở như đơn vị thực hiện, là cách nói của kế hoạch cấp tỉnh",
        _below_province,
        name_after=_ANY_NAME,
    ),
    ScopePattern(
        _rx(rf"(?:cơ\s+quan|đơn\s+vị)\s+thuộc\s+{_HIGHER}\b"),
        WARNING,
        "nói về cơ quan, đơn vị của cấp trên như của mình",
        _commune,
    ),
    ScopePattern(
        _rx(r"trình\s+(?:Ban\s+Thường\s+vụ\s+)?(?:Tỉnh\s+ủy|Huyện\s+ủy|HĐND\s+tỉnh|HĐND\s+huyện)"),
        WARNING,
        "là sản phẩm của cơ quan cấp trên, không phải của xã",
        _commune,
        bare=False,
    ),
    ScopePattern(
        _rx(rf"thẩm\s+quyền(?:\s+\w+){{0,4}}\s+của\s+(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:cấp\s+)?{_HIGHER}"),
        INFO,
        "nói về thủ tục thuộc thẩm quyền cấp trên; kiểm tra xem nhiệm vụ này có đúng là của xã không",
        _commune,
    ),
    ScopePattern(
        _rx(r"\b(?:cấp\s+huyện|(?:UBND|Ủy\s+ban\s+nhân\s+dân|Chủ\s+tịch\s+UBND)\s+(?:các\s+)?huyện)\b"),
        WARNING,
        "nói về cấp huyện, nhưng từ 01/7/2025 chính quyền địa phương chỉ còn hai cấp",
        _after_cutover,
        bare=False,
    ),
)

_OTHER_UNIT_DOC = re.compile(
    r"(?P<verb>\b(?:xây\s+dựng|ban\s+hành|lập)\s+(?:và\s+\w+\s+)?)?"
    r"\b(?:kế\s+hoạch|chương\s+trình|đề\s+án|quy\s+hoạch)\b(?:\s+[\wÀ-ỹ,]+){0,8}?\s+"
    r"(?P<level>tỉnh|huyện|thị\s+xã|thành\s+phố)\s+"
    r"(?P<name>(?-i:[A-ZĐ][\wÀ-ỹ]*(?:\s+[A-ZĐ][\wÀ-ỹ]*){0,2}))",
    re.IGNORECASE,
)
# Inside a citation: after a document number, or inside an opening quote not yet closed.
_CITATION_BEFORE = re.compile(r"số\s*\d|“[^”]*$|\"[^\"]*$", re.IGNORECASE)
# The issuer of a cited document: "... của UBND tỉnh Thanh Hóa".
_ISSUER_BEFORE = re.compile(
    r"(?:của|do)\s+(?:UBND|Ủy\s+ban\s+nhân\s+dân|Chủ\s+tịch(?:\s+UBND)?|HĐND)\s*$", re.I
)
_CITATION_WINDOW = 100


def _clause_before(text: str, position: int) -> str:
    """Text from the start of the clause (after ";", a full stop or a line break) to ``position``."""
    head = text[:position]
    cut = max(head.rfind(";"), head.rfind(". "), head.rfind("\n"), head.rfind("\t"))
    return head[cut + 1 :]


@check("foreign_scope")
def foreign_scope(ctx: CheckContext) -> Iterator[Finding]:
    active = [p for p in SCOPE_PATTERNS if p.applies(ctx)]
    seen: set[tuple[int, str]] = set()
    for unit in [*plan_units(ctx), *body_units(ctx)]:
        for finding in _scope_hits(ctx, unit, active):
            key = (id(unit.task) if unit.task else -1, finding.context.get("phrase", ""))
            if unit.task is not None and key in seen:
                continue
            seen.add(key)
            yield finding


def _scope_hits(ctx: CheckContext, unit: Unit, active: list[ScopePattern]) -> Iterator[Finding]:
    text = unit.text
    for pattern in active:
        for match in pattern.regex.finditer(text):
            if pattern.bare and pattern.name_after.match(text, match.end()):
                continue
            if _CITATION_BEFORE.search(_clause_before(text, match.start())[-_CITATION_WINDOW:]):
                continue
            phrase = collapse(match.group(0))
            message = (
                f"Cụm từ “{phrase}” trong {_where(unit)} {pattern.why}. Sửa cho đúng phạm vi của đơn vị."
            )
            yield _finding(ctx, "foreign_scope", pattern.severity, message, unit, match, phrase=phrase)
    yield from _other_unit_docs(ctx, unit)


def _other_unit_docs(ctx: CheckContext, unit: Unit) -> Iterator[Finding]:
    """A plan or programme of another named unit, given as the plan's own work."""
    own = fold(ctx.plan.org_unit.name or "")
    for match in _OTHER_UNIT_DOC.finditer(unit.text):
        name = fold(match.group("name"))
        if not name or name in own:
            continue
        before = _clause_before(unit.text, match.start())
        inner = unit.text[match.start() : match.start("level")]
        if _CITATION_BEFORE.search(before[-_CITATION_WINDOW:] + inner) or _ISSUER_BEFORE.search(inner):
            continue
        phrase = collapse(match.group(0))
        builds = match.group("verb") is not None or re.search(
            r"(xây\s+dựng|ban\s+hành|lập)\s*$", before, re.I
        )
        severity = ERROR if builds and unit.task is not None and unit.field == "content" else WARNING
        message = (
            f"“{phrase}” trong {_where(unit)} là việc của {collapse(match.group('level'))} "
            f"{collapse(match.group('name'))}, không phải của {ctx.plan.org_unit.name or 'đơn vị'}. "
            "Sửa thành việc của đơn vị mình, hoặc bỏ nhiệm vụ này."
        )
        yield _finding(ctx, "foreign_scope", severity, message, unit, match, phrase=phrase)
