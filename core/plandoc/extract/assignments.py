"""What the "Tổ chức thực hiện" section assigns: an area (or some of its tasks) to an agency.

The section is written in several ways, all read here by structure and verb:

* a heading names the agency and its items say what it leads ("a) Phòng Kinh tế: - Chủ trì …
  nội dung cải cách tài chính công"; "2. Sở Tư pháp: Chủ trì triển khai nội dung cải cách thể chế");
* one sentence names both ("Phụ lục số 01: Cải cách thể chế - Văn phòng HĐND-UBND xã chủ trì …";
  "Phòng Văn hóa - Xã hội chủ trì phụ trách nội dung 1,2,6. Trung tâm … phụ trách nội dung 3,4,5,7").

Areas are recognised only by their full phrase (``areas_in_assignment``) so a passing mention of
"chuyển đổi số" does not hand the digital-government area to the economy office.
"""

from __future__ import annotations

import re

from core.plandoc.document import Document, Span
from core.plandoc.extract.agencies import is_body
from core.plandoc.extract.areas import areas_in_assignment
from core.plandoc.extract.outline import Node, find_organisation_section
from core.plandoc.extract.spans import locate
from core.plandoc.extract.textutil import fold
from core.plandoc.model import AreaAssignment
from core.text import collapse

_VERB = re.compile(r"(?i)(?<!\w)(chủ trì|phụ trách|chịu trách nhiệm|tham mưu)(?!\w)")
_STRENGTH = {"chu tri": 3, "phu trach": 3, "chiu trach nhiem": 2, "tham muu": 1}
_TASK_NUMBERS = re.compile(r"(?i)(?:nội dung|nhiệm vụ)(?:\s+số)?\s+((?:\d{1,3}\s*(?:,|;|và|-)?\s*)+)")


def extract_assignments(doc: Document, root: Node) -> list[AreaAssignment]:
    """Assignments of the "Tổ chức thực hiện" section, in document order, without duplicates."""
    section = find_organisation_section(root)
    if section is None:
        return []
    found: list[AreaAssignment] = []
    _walk(doc, section, None, found)
    seen: set[tuple] = set()
    out = []
    for item in found:
        key = (item.area, fold(item.agency), tuple(item.task_numbers))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def whole_area_leads(assignments: list[AreaAssignment]) -> dict[str, AreaAssignment]:
    """Area → the one agency the section gives the whole area to (strongest verb wins)."""
    by_area: dict[str, list[AreaAssignment]] = {}
    for item in assignments:
        if not item.task_numbers:
            by_area.setdefault(item.area, []).append(item)
    leads = {}
    for area, items in by_area.items():
        best = max(_STRENGTH.get(fold(i.verb or ""), 0) for i in items)
        strongest = [i for i in items if _STRENGTH.get(fold(i.verb or ""), 0) == best]
        if len({fold(i.agency) for i in strongest}) == 1:
            leads[area] = strongest[0]
    return leads


def _heading_agency(node: Node) -> tuple[str | None, str]:
    """The agency a heading item names, and the rest of its text ("Sở Tư pháp: Chủ trì …")."""
    text = collapse(node.text)
    if ":" in text:
        before, after = text.split(":", 1)
        if is_body(before) and len(before.split()) <= 14:
            return before.strip(), after.strip()
    if node.is_heading and is_body(text) and len(text) <= 100:
        return text.rstrip(" :"), ""
    return None, text


def _walk(
    doc: Document, node: Node, agency: tuple[str, Span | None] | None, out: list[AreaAssignment]
) -> None:
    for child in node.children:
        own, body = _heading_agency(child)
        here = (own, locate(doc.text, own, child.span)) if own else agency
        _read_sentences(doc, body, here, child.span, out)
        _walk(doc, child, here, out)


def _sentences(text: str) -> list[str]:
    parts, start = [], 0
    for match in re.finditer(r"[.!?]\s+", text):
        if text[match.end() : match.end() + 1].isupper():
            parts.append(text[start : match.start() + 1])
            start = match.end()
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _inline_agency(prefix: str) -> str | None:
    """The body named just before a verb ("… - Văn phòng HĐND-UBND xã chủ trì")."""
    prefix = prefix.rstrip(" ,")
    clause_start = max(prefix.rfind(sep) for sep in (":", ";", ". ")) + 1
    words = list(re.finditer(r"\S+", prefix[clause_start:]))
    for match in words:
        candidate = prefix[clause_start + match.start() :].strip()
        before = prefix[: clause_start + match.start()].rstrip()
        at_boundary = not before or before[-1] in "-–,:;" or clause_start + match.start() == clause_start
        if at_boundary and candidate[:1].isupper() and is_body(candidate) and len(candidate.split()) >= 2:
            return candidate
    return None


def _read_sentences(
    doc: Document, text: str, agency: tuple[str, Span | None] | None, span: Span | None, out: list
) -> None:
    carried: list[str] = []
    for sentence in _sentences(text):
        areas = areas_in_assignment(sentence) or carried
        verbs = list(_VERB.finditer(sentence))
        strong = [v for v in verbs if fold(v.group(1)) != "tham muu"]
        previous_end = 0
        for verb in strong or verbs:
            prefix = sentence[previous_end : verb.start()]
            inline = _inline_agency(prefix)
            if inline:
                who, where = inline, locate(doc.text, inline, span) if span else None
            elif agency and previous_end == 0:
                who, where = agency
            else:
                who, where = None, None
            previous_end = verb.end()
            if not who or not areas:
                continue
            numbers = []
            match = _TASK_NUMBERS.search(sentence, verb.end())
            if match:
                numbers = re.findall(r"\d{1,3}", match.group(1))
            for area in areas:
                out.append(AreaAssignment(area, who, numbers, where, verb.group(1).lower()))
        if areas:
            carried = areas
