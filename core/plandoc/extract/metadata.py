"""Header fields of a plan: issuer, org unit, title, number, signed date, signer, period.

Read from the administrative layout every decision and plan shares (Nghị định 30/2020/NĐ-CP):
the issuing body's letterhead, "Số: …", "<place>, ngày … tháng … năm …", the title under
"QUYẾT ĐỊNH" or "KẾ HOẠCH", the signature block. Blanks left for the number or the day
("Số: /QĐ-UBND", "ngày tháng 8 năm 2025") stay ``None``: nothing is invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from core.deadlines.lexicon import ROMAN
from core.deadlines.periods import unit as calendar_unit
from core.plandoc.document import Document, Paragraph, Span, Table
from core.plandoc.extract.casing import body_case, mostly_upper, sentence_case
from core.plandoc.extract.spans import locate
from core.plandoc.extract.textutil import fold
from core.plandoc.extract.units import Unit, paragraph_lines
from core.plandoc.model import OrgUnitRef, PlanDraft
from core.text import collapse, modern_tones

_UNIT_TYPES = (
    ("thành phố", "province"),
    ("thị xã", "district"),
    ("thị trấn", "commune"),
    ("đặc khu", "commune"),
    ("tỉnh", "province"),
    ("huyện", "district"),
    ("quận", "district"),
    ("phường", "commune"),
    ("xã", "commune"),
)
_CENTRAL_CITIES = ("ha noi", "hai phong", "da nang", "hue", "can tho", "ho chi minh")
_UNIT_RE = re.compile(r"(?i)(?<!\w)(" + "|".join(t for t, _ in _UNIT_TYPES) + r")\s+(\S.*)$")
_COUNCIL = re.compile(r"(?i)(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+")
_NUMBER = re.compile(r"(?i)^\s*số\s*:\s*(\S*)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_DATE_SLASH = re.compile(r"ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.IGNORECASE)
_SIGN_TITLES = ("chu tich", "pho chu tich", "giam doc", "pho giam doc", "truong ban", "truong phong")
_STOP_WORDS = {"ban", "về", "năm", "giai", "đoạn", "trên", "của", "theo", "tại", "và", "thực"}


@dataclass
class Line:
    text: str
    span: Span


def header_lines(doc: Document, limit: int = 80) -> list[Line]:
    """The first printed lines of the document, markup removed.

    The letterhead and the signature block are two-column layout tables in most Word documents
    (and in text flattened from them): their cells are read as lines, left to right, row by row.
    """
    lines: list[Line] = []
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            for segment in paragraph_lines(doc, block):
                lines.append(Line(collapse(segment.text), segment.span))
        elif isinstance(block, Table) and _layout_table(block):
            for row in block.rows:
                for cell in row.cells:
                    for segment in cell.segments or []:
                        lines.append(Line(collapse(segment.text), segment.span))
        if len(lines) >= limit:
            break
    return lines


def _layout_table(table: Table) -> bool:
    """A letterhead or signature table: at most three columns and a few rows."""
    return len(table.rows) <= 4 and all(len(row.cells) <= 3 for row in table.rows)


def head_paragraphs(doc: Document, limit: int = 40) -> list[Line]:
    """The first paragraphs as whole texts (wrapped lines joined), layout-table cells included."""
    out: list[Line] = []
    for block in doc.blocks[:limit]:
        if isinstance(block, Paragraph) and block.text.strip():
            out.append(Line(collapse(block.text), block.span))
        elif isinstance(block, Table) and _layout_table(block):
            out.extend(Line(collapse(c.text), c.span) for row in block.rows for c in row.cells if c.text)
    return out


def all_lines(doc: Document) -> list[Line]:
    return header_lines(doc, limit=10**9)


def _retoned(text: str) -> str:
    """A letterhead misread by OCR ("TÍNH ĐỒNG | THÁP"): the unit word given its tones back by its
    accent-free form, and stray rule marks dropped, so the unit can still be read."""
    words = text.replace("|", " ").split()
    if not words:
        return text
    for spelled, _level in _UNIT_TYPES:
        n = len(spelled.split())
        if fold(" ".join(words[:n])) == fold(spelled):
            return " ".join([spelled, *words[n:]])
    return " ".join(words)


def parse_unit(text: str) -> tuple[str, str] | None:
    """``("xã Thường Xuân", "commune")`` from "XÃ THƯỜNG XUÂN" or "xã Thường Xuân ban hành …"."""
    match = _UNIT_RE.search(text.strip())
    if not match:
        match = _UNIT_RE.search(_retoned(text))
    if not match:
        return None
    kind_text = match.group(1).lower()
    words = []
    for word in match.group(2).split():
        word = word.strip(',.;:()“”"')
        if not word or not (word[0].isupper() or word[0].isdigit()) or word.lower() in _STOP_WORDS:
            break
        words.append(word if not word.isupper() or len(word) <= 1 else word.capitalize())
        if len(words) == 4:
            break
    if not words:
        return None
    name = modern_tones(" ".join(words))
    level = dict(_UNIT_TYPES)[kind_text]
    if kind_text == "thành phố" and fold(name) not in _CENTRAL_CITIES:
        level = "district"
    return f"{kind_text} {name}", level


def _org_unit(lines: list[Line], flat: str) -> tuple[tuple[str, str] | None, Span | None]:
    # 1. Letterhead: "ỦY BAN NHÂN DÂN" then the unit ("XÃ THƯỜNG XUÂN"), before the national motto.
    for index, line in enumerate(lines[:20]):
        folded = fold(line.text)
        if folded.startswith("cong hoa"):
            break
        if folded.startswith(("uy ban nhan dan", "ubnd ")):
            rest = _COUNCIL.sub("", line.text, count=1)
            candidate = parse_unit(rest) if rest != line.text else None
            if candidate is None and index + 1 < len(lines):
                candidate = parse_unit(lines[index + 1].text)
                if candidate:
                    return candidate, lines[index + 1].span
            if candidate:
                return candidate, line.span
    # 2. The decision's preamble: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA".
    for line in lines:
        folded = fold(line.text)
        if folded.startswith(("chu tich uy ban nhan dan", "uy ban nhan dan")) and line.text.isupper():
            candidate = parse_unit(_COUNCIL.split(line.text, maxsplit=1)[-1])
            if candidate:
                return candidate, line.span
    # 3. Running text: "Ủy ban nhân dân xã Anh Sơn ban hành kế hoạch".
    for match in re.finditer(r"(?i)(?:ủy|uỷ) ban nhân dân\s+([^.;]{3,60}?)\s+ban hành", flat):
        candidate = parse_unit(match.group(1))
        # The unit must be the whole subject: "… thị xã Nghi Sơn về ban hành" names another body.
        if candidate and len(candidate[0].split()) == len(match.group(1).split()):
            return candidate, None
    return None, None


def _unit_in_title(title: str) -> tuple[str, str] | None:
    match = re.search(r"(?i)(?:trên địa bàn|của)\s+(.+)$", title)
    candidates = [match.group(1)] if match else []
    candidates += [title[m.start() :] for m in _UNIT_ANYWHERE.finditer(title)]
    for text in candidates:
        unit = parse_unit(text)
        if unit:
            return unit
    return None


_UNIT_ANYWHERE = re.compile(
    r"(?<!\w)(?:tỉnh|thành phố|huyện|quận|thị xã|phường|xã|thị trấn|đặc khu)\s+[A-ZĐ]"
)


def _province(flat: str, unit: tuple[str, str] | None) -> str | None:
    if unit and unit[1] == "province":
        return unit[0].split(" ", 1)[1] if not unit[0].startswith("thành phố") else unit[0][10:]
    counts: dict[str, int] = {}
    for match in re.finditer(r"(?i)(?<!\w)(tỉnh|thành phố)\s+([^\s,.;]+(?:\s+[^\s,.;]+){0,2})", flat):
        parsed = parse_unit(f"{match.group(1)} {match.group(2)}")
        if parsed and parsed[1] == "province":
            name = parsed[0].split(" ", 1)[1] if parsed[0].startswith("tỉnh") else parsed[0][10:]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get) if counts else None


# The kinds of document a plan arrives as, by their heading (folded), with the word that starts
# their title ("Chỉ thị về việc …").
_KINDS = {
    "ke hoach": "Kế hoạch",
    "chi thi": "Chỉ thị",
    "quyet dinh": "Quyết định",
    "nghi quyet": "Nghị quyết",
    "chuong trinh": "Chương trình",
    "de an": "Đề án",
    "thong bao": "Thông báo",
    "cong van": "Công văn",
}
_TITLE_STOP = (
    "can cu",
    "thuc hien",
    "so:",
    "so ",
    "(kem theo",
    "(ban hanh kem",
    "kem theo",
    "uy ban nhan dan",
)
_ISSUES_PLAN = re.compile(r"(?i)^(?:về việc|v/v)?\s*(?:ban hành|phê duyệt)\s+(?=kế hoạch|chương trình|đề án)")
_ARTICLE_PLAN = re.compile(
    r"Điều 1\.?\s*Ban hành kèm theo (?:Quyết định|Nghị quyết|Chỉ thị) này\s*[“\"]?"
    r"((?:Kế hoạch|Chương trình|Đề án)[^“”\"]{10,400}?)[”\"]?\s*(?:\.\s|$)"
)


def _subject_after(paragraphs: list[Line], index: int) -> str:
    """The title words printed after a kind heading: the next one to three capitalised paragraphs."""
    parts: list[str] = []
    for line in paragraphs[index + 1 : index + 4]:
        folded = fold(line.text)
        if not line.text or folded.startswith(_TITLE_STOP) or folded.strip(" :") in _KINDS:
            break
        if parts and not mostly_upper(line.text):
            break
        if parts and _letterhead_body(line.text):
            break
        parts.append(line.text)
        if not mostly_upper(line.text):
            break
    return collapse(" ".join(parts))


def _letterhead_body(text: str) -> bool:
    """An issuing authority printed alone ("THỦ TƯỚNG CHÍNH PHỦ", "ỦY BAN NHÂN DÂN TỈNH …")."""
    folded = fold(text)
    return mostly_upper(text) and folded.startswith(
        ("thu tuong", "chu tich", "uy ban", "hoi dong", "bo truong", "giam doc", "chinh phu")
    )


def _title(paragraphs: list[Line], flat: str) -> tuple[str | None, str | None]:
    """The document's title, and where it was found ("article", "decision", "heading").

    A decision or resolution that issues a plan is titled by the plan ("Kế hoạch …", as officials
    file it); otherwise the kind heading ("KẾ HOẠCH", "CHỈ THỊ") and the capitalised lines under it.
    """
    match = _ARTICLE_PLAN.search(flat)
    if match:
        return _clean_title(match.group(1)), "article"
    found: list[tuple[str, str]] = []
    for index, line in enumerate(paragraphs):
        kind, subject = _kind_heading(line.text)
        if kind is None:
            continue
        subject = subject or _subject_after(paragraphs, index)
        if not subject:
            continue
        if _ISSUES_PLAN.match(subject):
            return _clean_title(_ISSUES_PLAN.sub("", subject)), "decision"
        found.append((kind, subject))
    if not found:
        return None, None
    kind, subject = found[0]
    if fold(subject).startswith(kind):
        return _clean_title(subject), "heading"
    return _clean_title(
        f"{_KINDS[kind]} {sentence_case(subject)[:1].lower()}{sentence_case(subject)[1:]}"
    ), "heading"


def _kind_heading(text: str) -> tuple[str | None, str]:
    """("ke hoach", "") for a "KẾ HOẠCH" heading; ("ke hoach", "Cải cách …") when the reader ran the
    title into the heading's paragraph ("KẾ HOẠCH Cải cách hành chính phường Hòa Bình năm 2026")."""
    folded = fold(text).strip(" :")
    if folded in _KINDS:
        return folded, ""
    for kind in _KINDS:
        words = len(kind.split())
        head = " ".join(text.split()[:words])
        if folded.startswith(kind + " ") and head.isupper() and not folded.startswith(kind + " so "):
            rest = text.split(None, words)[-1].strip()
            return kind, rest
    return None, ""


def _clean_title(text: str) -> str:
    text = collapse(text).rstrip(" .;:")
    return sentence_case(text) if mostly_upper(text) else text[:1].upper() + text[1:]


def _period(text: str | None) -> tuple[date | None, date | None]:
    """The period a title covers: "giai đoạn 2026 - 2030", "6 tháng cuối năm 2025", "quý III/2025",
    "năm 2025" (calendar units as the deadline grammar counts them, ``core.deadlines.periods``)."""
    if not text:
        return None, None
    folded = fold(text)
    match = re.search(r"giai doan\s+(\d{4})\s*-\s*(\d{4})", folded)
    if match:
        return date(int(match.group(1)), 1, 1), date(int(match.group(2)), 12, 31)
    match = re.search(r"6 thang (dau|cuoi) nam\s+(\d{4})", folded)
    if match:
        first, last, _ = calendar_unit("half", (1 if match.group(1) == "dau" else 2,), int(match.group(2)))
        return first, last
    match = re.search(r"quy\s+(iv|iii|ii|i|[1-4])\s*(?:nam|/)\s*(\d{4})", folded)
    if match:
        first, last, _ = calendar_unit("quarter", (ROMAN[match.group(1)],), int(match.group(2)))
        return first, last
    years = re.findall(r"nam\s+(\d{4})", folded)
    if years:
        first, last, _ = calendar_unit("year", (), int(years[-1]))
        return first, last
    return None, None


def _decision_number(lines: list[Line]) -> tuple[str | None, Span | None]:
    for line in lines[:40]:
        match = _NUMBER.match(line.text)
        if match:
            value = match.group(1).strip(" ,;")
            if re.match(r"^\d+[^/\s]*/\S+", value):
                return value, line.span
            return None, line.span
    return None, None


def _signed_date(lines: list[Line]) -> tuple[date | None, Span | None]:
    for line in lines[:40]:
        folded = fold(line.text)
        if folded.startswith("can cu") or "," not in line.text or " ngay" not in f" {folded}":
            continue
        if not re.search(r",\s*ngày", line.text, re.IGNORECASE):
            continue
        match = _DATE_WORDS.search(line.text) or _DATE_SLASH.search(line.text)
        if not match:
            return None, line.span  # the day is left blank for the signature
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day), line.span
        except ValueError:
            return None, line.span
    return None, None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if any(word in fold(text) for word in ("uy ban", "chu tich", "noi nhan", "ke hoach", "phu luc")):
        return False
    return all(w[0].isupper() and (len(w) == 1 or not w[1:].isupper()) for w in words)


def _leading_name(text: str) -> str | None:
    """The name a line holds, or starts with when a reader ran the next line into it."""
    if _looks_like_name(text):
        return text
    words = []
    for word in text.split():
        if not word[0].isupper() or (len(word) > 1 and word[1:].isupper()):
            break
        words.append(word)
    candidate = " ".join(words)
    return candidate if len(words) < len(text.split()) and _looks_like_name(candidate) else None


def locate_in(line: Line, value: str) -> Span:
    start = line.span.start
    return Span(start, start + len(value), line.span.page) if line.text.startswith(value) else line.span


def _signer(lines: list[Line]) -> tuple[str | None, Span | None]:
    for index, line in enumerate(lines):
        folded = fold(line.text).strip(" .:")
        if folded in _SIGN_TITLES or (folded.startswith(("kt. ", "tm. ")) and folded[4:] in _SIGN_TITLES):
            for follow in lines[index + 1 : index + 9]:
                text = follow.text.strip(" .")
                if text.startswith("(") or not text:
                    continue
                name = _leading_name(text)
                if name:
                    return name, locate_in(follow, name)
                if fold(text) not in _SIGN_TITLES:
                    break
    return None, None


def _head_span(doc: Document, lines: list[Line]) -> Span:
    """The opening part of the document, where header fields are printed."""
    end = lines[min(len(lines), 120) - 1].span.end if lines else len(doc.text)
    return Span(0, end)


_SIGN_LINE = re.compile(
    r"(?:CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|CHỦ NHIỆM|TRƯỞNG BAN|TỔNG THƯ KÝ|CHÁNH VĂN PHÒNG|TRƯỞNG PHÒNG)"
    r"\s*(?:\((?:đã ký|Đã ký)\)|\[(?:đã ký|Đã ký)\])?\s*((?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]+\s*){2,5})\s*$"
)
_CAPTION = re.compile(
    r"(?i)\((?:ban hành )?kèm theo (?:quyết định|nghị quyết|kế hoạch|chỉ thị) số\s+(\d+[^\s,)]*)"
    r"\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
)


def _signer_in_block(lines: list[Line]) -> tuple[str | None, Span | None]:
    """The name ending a signature cell read as one line ("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Võ Tấn Đức")."""
    for line in reversed(lines):
        match = _SIGN_LINE.search(line.text)
        if match:
            name = collapse(match.group(1))
            if _looks_like_name(name):
                return name, line.span
    return None, None


# The most common Vietnamese family names: a signature block read as interleaved columns (a PDF of a
# two-column table) still ends with the signer's full name, which starts with one of them.
_SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Đoàn Lâm Mai "
    "Trịnh Đào Cao Lương Hà Tô Tạ Chu Vương Quách Thái La Lưu Kiều Châu Lại Triệu Phùng Văn Từ Hầu Tăng "
    "Khổng Thân Lục Mạc Nông Quan Doãn Âu Giang Kim Hứa Diệp Tôn Cù Ninh Nghiêm Vi Đàm Bế Lò Lã Ông"
).split()
_PERSON = re.compile(
    r"(?<![\wÀ-ỹ])((?:" + "|".join(_SURNAMES) + r")(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,4})(?![\wÀ-ỹ])"
)
_NOT_IN_NAMES = {
    "Đảng",
    "Ủy",
    "Uỷ",
    "Ban",
    "Sở",
    "Tỉnh",
    "Huyện",
    "Bộ",
    "Cục",
    "Phòng",
    "Nhân",
    "Dân",
    "Nhà",
    "Nước",
}
_SIGN_TITLE = re.compile(r"CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|GIÁM ĐỐC|CHỦ NHIỆM|TRƯỞNG BAN|TỔNG THƯ KÝ")


def _signer_by_surname(doc: Document) -> tuple[str | None, Span | None]:
    """The signer's name after the last signing title, wherever the reader put it (a PDF of the
    two-column signature table interleaves it with "Nơi nhận")."""
    titles = list(_SIGN_TITLE.finditer(doc.text))
    if not titles:
        return None, None
    start = titles[-1].end()
    match = _PERSON.search(doc.text, start, start + 600)
    if not match:
        return None, None
    words = match.group(1).split()
    while len(words) > 2 and words[-1] in _NOT_IN_NAMES:
        words.pop()  # "Phạm Minh Chính Đảng": the next column's "… của Đảng" ran on
    name = " ".join(words)
    if not _looks_like_name(name):
        return None, None
    return name, Span(match.start(1), match.start(1) + len(name))


def _caption_number(flat: str) -> tuple[str | None, date | None]:
    """Number and date from an annex caption ("(Kèm theo Nghị quyết số 1339/NQ-UBTVQH15 ngày 28 tháng
    12 năm 2024 …)") when the header prints none."""
    match = _CAPTION.search(flat)
    if not match or "/" not in match.group(1):
        return None, None
    day, month, year = (int(g) for g in match.groups()[1:])
    try:
        return match.group(1).rstrip(".;"), date(year, month, day)
    except ValueError:
        return match.group(1).rstrip(".;"), None


def _national_issuer(head: list[Line]) -> tuple[str | None, Span | None]:
    """A body that is not a people's committee: the letterhead ("THỦ TƯỚNG CHÍNH PHỦ") or the
    enacting line above the "Căn cứ" clauses ("ỦY BAN THƯỜNG VỤ QUỐC HỘI")."""
    for index, line in enumerate(head[:40]):
        folded = fold(line.text)
        if folded.startswith("cong hoa"):
            if index:
                first = head[0]
                if not fold(first.text).startswith(("uy ban nhan dan", "ubnd")) and mostly_upper(first.text):
                    return body_case(re.split(r"\s-{2,}|\s*-{3,}", first.text)[0]), first.span
            continue
        following = fold(head[index + 1].text) if index + 1 < len(head) else ""
        if _letterhead_body(line.text) and following.startswith("can cu"):
            if "nhan dan" not in folded:  # a people's committee or council is local, read as a unit
                return body_case(line.text), line.span
    return None, None


def _letterhead_agency(head: list[Line]) -> tuple[str | None, Span | None]:
    """A department printed under its people's committee in the letterhead ("SỞ NỘI VỤ")."""
    for index, line in enumerate(head[:6]):
        folded = fold(line.text)
        if folded.startswith("cong hoa"):
            return None, None
        if (
            index
            and fold(head[index - 1].text).startswith(("uy ban nhan dan", "ubnd"))
            or (index > 1 and fold(head[index - 2].text).startswith("uy ban nhan dan"))
        ):
            text = re.split(r"\s-{2,}|\s*-{3,}", line.text)[0].strip()
            if mostly_upper(text) and not folded.startswith(("uy ban", "ubnd")) and parse_unit(text) is None:
                if folded.startswith(("so ", "phong ", "ban ", "van phong", "trung tam", "cuc ", "chi cuc")):
                    return body_case(text), line.span
    return None, None


def fill_metadata(doc: Document, units: list[Unit], plan: PlanDraft) -> None:
    """Set the header fields of ``plan`` (and their spans) from ``doc``."""
    lines = all_lines(doc)
    head = lines[:80]
    flat = " ".join(unit.text for unit in units[:400])
    title, _source = _title(head_paragraphs(doc), flat)
    unit, unit_span = _org_unit(head, flat)
    national, national_span = _national_issuer(head)
    if unit is None and title and national is None:
        # No letterhead could be read: the title names the unit ("… trên địa bàn tỉnh Thanh Hóa …").
        unit = _unit_in_title(title)
    if unit and national is None:
        plan.org_unit = OrgUnitRef(name=unit[0], level=unit[1], province=_province(flat, unit))
        plan.issuer = f"UBND {unit[0]}"
        span = unit_span or locate(doc.text, unit[0].split(" ", 1)[1], _head_span(doc, lines))
        plan.spans["org_unit"] = span
        plan.spans["issuer"] = span
    elif national:
        plan.issuer = national
        plan.spans["issuer"] = national_span
    agency, agency_span = _letterhead_agency(head)
    if agency:  # "UBND TỈNH THANH HÓA / SỞ NỘI VỤ": the department issues the plan
        plan.issuer = agency
        plan.spans["issuer"] = agency_span
    if title:
        plan.title = title
        plan.spans["title"] = locate(doc.text, title, _head_span(doc, lines))
    plan.decision_number, span = _decision_number(head)
    if span:
        plan.spans["decision_number"] = locate(doc.text, plan.decision_number, span)
    plan.signed_date, span = _signed_date(head)
    if span:
        plan.spans["signed_date"] = span
    if plan.decision_number is None and span is None:
        plan.decision_number, plan.signed_date = _caption_number(" ".join(line.text for line in lines))
    plan.signer, span = _signer(lines)
    if plan.signer is None:
        plan.signer, span = _signer_in_block(lines)
    if plan.signer is None:
        plan.signer, span = _signer_by_surname(doc)
    if span:
        plan.spans["signer"] = span
    plan.period_start, plan.period_end = _period(title)
    if plan.period_start and "title" in plan.spans:
        plan.spans["period"] = plan.spans["title"]
