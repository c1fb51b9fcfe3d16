"""Agencies named in running text: who a sentence makes responsible, and who it asks to help.

Plans without an annex table assign work in sentences: "Sở Tài chính chủ trì, phối hợp với các sở,
ngành liên quan bố trí kinh phí …", "Thủ trưởng các sở, ban, ngành và Ủy ban nhân dân phường, xã chịu
trách nhiệm …", "Cơ quan thực hiện: Bộ Công an, Bộ Tư pháp, … và các cơ quan báo chí khác." Names
have no end marker, so a list of agencies is read up to the word where the predicate starts (a verb
such as "chủ trì", "tham mưu", "tổ chức", "chịu trách nhiệm") or a clause end, and split where a new
body starts: after "," or "và", a word that heads an agency's name ("Sở", "Ủy ban", "Đài", "các cơ
quan"). A comma inside a name ("Bộ Văn hóa, Thể thao và Du lịch") or inside a generic group ("các
bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "các sở, ban, ngành") does not split. Office titles
that precede a body ("Thủ trưởng", "Chủ tịch", "Bộ trưởng", "Giám đốc") are dropped: the body is
what the work is assigned to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.plandoc.extract.agencies import is_body
from core.plandoc.extract.textutil import fold

# Words (folded) that begin a predicate: the agency list before them is the subject.
PREDICATES = (
    "chu tri",
    "phoi hop",
    "tham muu",
    "chiu trach nhiem",
    "co trach nhiem",
    "chu dong",
    "to chuc",
    "trien khai",
    "thuc hien",
    "tong hop",
    "huong dan",
    "theo doi",
    "kiem tra",
    "don doc",
    "bao cao",
    "ra soat",
    "xay dung",
    "ban hanh",
    "trinh ",
    "bo tri",
    "can doi",
    "dam bao",
    "bao dam",
    "can cu",
    "tiep tuc",
    "nghien cuu",
    "de xuat",
    "cap nhat",
    "quan triet",
    "giup ",
    "la co quan",
    "la don vi",
    "la cac",
    "can ",
    "phai ",
    "nang cao",
    "tang cuong",
    "day manh",
    "hoan thanh",
    "tich cuc",
    "khan truong",
    "quan ly",
    "van hanh",
    "duy tri",
    "cong khai",
    "pho bien",
    "tuyen truyen",
    "ho tro",
    "tham dinh",
    "lay y kien",
    "cung cap",
    "chia se",
    "ket noi",
    "tich hop",
    "so hoa",
    "ung dung",
    "phat trien",
    "tap trung",
    "nghiem tuc",
    "gui ",
    "lap ",
    "du toan",
    "phan bo",
    "thong nhat",
    "tiep nhan",
    "giai quyet",
    "xu ly",
    "danh gia",
    "tu danh gia",
    "chi dao",
    "tao dieu kien",
    "khuyen khich",
    "moi goi",
    "tham gia",
    "dang ky",
    "cu ",
    "ra quyet dinh",
    "dieu hanh",
    "thuong xuyen",
    "dinh ky",
    "kip thoi",
    "ket hop",
    "lam dau moi",
    # words that end a list of bodies without being a verb: purpose, scope, manner
    "de ",
    "nham ",
    "trong viec",
    "trong pham vi",
    "theo chuc nang",
    "theo quy dinh",
    "ve viec",
    "khi ",
    "neu ",
    "trong qua trinh",
    "trong truong hop",
    "tien hanh",
    "giam sat",
    "chuan bi",
    "soan thao",
    "tham tra",
)
# First words (folded) of an action: a list of such items is a list of tasks.
ACTION_STARTS = (
    "tiep tuc",
    "trien khai",
    "to chuc",
    "thuc hien",
    "xay dung",
    "ra soat",
    "ban hanh",
    "tang cuong",
    "day manh",
    "nang cao",
    "hoan thien",
    "nghien cuu",
    "phoi hop",
    "chu tri",
    "tham muu",
    "kiem tra",
    "huong dan",
    "don doc",
    "theo doi",
    "bao cao",
    "tuyen truyen",
    "pho bien",
    "cap nhat",
    "cong khai",
    "so hoa",
    "ket noi",
    "tich hop",
    "chuan hoa",
    "dao tao",
    "boi duong",
    "ung dung",
    "phat trien",
    "ho tro",
    "bao dam",
    "dam bao",
    "duy tri",
    "cung co",
    "kien toan",
    "sap xep",
    "cai cach",
    "doi moi",
    "khai thac",
    "su dung",
    "van hanh",
    "quan ly",
    "giam sat",
    "danh gia",
    "tong hop",
    "tiep nhan",
    "giai quyet",
    "xu ly",
    "cung cap",
    "chia se",
    "huy dong",
    "moi goi",
    "hop tac",
    "tham gia",
    "de xuat",
    "bo tri",
    "lap ",
    "chu dong",
    "tap trung",
    "thuc thi",
    "tao ",
    "hinh thanh",
    "thi diem",
    "thuc day",
    "khuyen khich",
    "xem xet",
    "chiu trach nhiem",
    "co y kien",
    "tham dinh",
    "lay y kien",
    "quan triet",
    "chap hanh",
    "nghiem tuc",
    "kip thoi",
    "uu tien",
    "rut ngan",
    "cat giam",
    "don gian hoa",
    "bai bo",
    "sua doi",
    "thanh lap",
    "ky ket",
    "mo rong",
    "nhan rong",
    "xac dinh",
    "thong ke",
    "thu thap",
    "dieu chinh",
    "trinh ",
    "gui ",
    "dang ky",
    "thuong xuyen",
    "dinh ky",
    "hang nam",
    "hang quy",
)


def starts_with_action(text: str) -> bool:
    """Whether ``text`` opens with a verb of action ("Tổ chức …", "Đổi mới …"), not a body's name."""
    return fold(text.lstrip(" -–+•*")).startswith(ACTION_STARTS)


# Office titles that precede the body they lead ("Thủ trưởng các sở", "Bộ trưởng Bộ Công an").
TITLES = (
    "thu truong",
    "chu tich",
    "pho chu tich",
    "bo truong",
    "giam doc",
    "pho giam doc",
    "truong phong",
    "truong ban",
    "nguoi dung dau",
    "lanh dao",
    "tong giam doc",
    "chanh van phong",
    "chanh thanh tra",
)
# Verbs that hand work to the agency named next ("Giao Sở Nội vụ chủ trì …").
_ASSIGN = re.compile(r"(?i)^\s*(?:giao(?:\s+cho)?|đề nghị|yêu cầu|ủy quyền cho|uỷ quyền cho)\s+")
_CLAUSE_END = re.compile(r"[.;:!?]")


@dataclass
class Found:
    """Agencies read from a text and where their list ends (``end`` indexes the text)."""

    agencies: list[str]
    end: int


def _words(text: str) -> list[re.Match]:
    return list(re.finditer(r"\S+", text))


def _starts_predicate(folded_rest: str) -> bool:
    return folded_rest.startswith(PREDICATES)


def strip_title(text: str) -> str:
    """ "Thủ trưởng các sở, ban, ngành" → "các sở, ban, ngành"; a bare title is kept."""
    folded = fold(text)
    for title in sorted(TITLES, key=len, reverse=True):
        if folded.startswith(title + " "):
            rest = text[len(title) + 1 :].lstrip(" ,")
            if rest and is_body(rest):
                return rest
    return text


def _is_generic_group(text: str) -> bool:
    """ "các sở, ban, ngành", "các bộ, cơ quan ngang bộ": a plural group, not one named body."""
    return fold(text).startswith("cac ")


def _new_body_starts(previous: str, piece: str, joiner: str) -> bool:
    """Whether ``piece`` (after "," or "và") names a new body rather than continuing ``previous``."""
    piece = piece.strip()
    if not piece or not is_body(piece):
        return False
    first = piece.split()[0]
    if len(piece.split()) == 1:
        return False  # "ban", "ngành": part of a group list
    if first[0].islower() and _is_generic_group(strip_title(previous)) and joiner == ",":
        return False  # "các bộ, cơ quan ngang bộ": the group goes on
    if fold(piece).startswith("tinh ") or fold(piece).startswith("thanh pho "):
        return False
    if joiner == "và" and fold(previous).endswith(("hdnd", "hoi dong nhan dan")):
        return False  # "Văn phòng HĐND và UBND xã" is one office
    return True


def split_agency_list(text: str) -> list[str]:
    """Split a list of agencies printed in running text into one entry per body."""
    text = text.strip(" ,.;:")
    pieces = re.split(r"(,\s*|\s+và\s+|\s*;\s*)", text)
    out: list[str] = []
    for index in range(0, len(pieces), 2):
        piece = pieces[index]
        joiner = pieces[index - 1].strip() if index else ""
        if not out:
            out.append(piece)
        elif joiner == ";" or _new_body_starts(out[-1], piece, "," if joiner == "," else "và"):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]}{pieces[index - 1]}{piece}"
    cleaned = []
    for entry in out:
        entry = strip_title(entry.strip(" ,.;:"))
        entry = re.sub(r"\s+", " ", entry)
        if fold(entry) in TITLES:
            continue  # "Bộ trưởng" alone names an office holder, not a body
        if entry and is_body(entry):
            cleaned.append(entry)
    return _unique(cleaned)


def _unique(entries: list[str]) -> list[str]:
    seen, out = set(), []
    for entry in entries:
        key = fold(entry)
        if key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def agency_run(text: str, start: int = 0) -> Found:
    """The agencies listed from ``start`` up to where the predicate (or the clause) begins."""
    segment = text[start:]
    stop = len(segment)
    clause = _CLAUSE_END.search(segment)
    if clause:
        stop = clause.start()
    shouting = segment[:stop].isupper()
    for match in _words(segment[:stop]):
        if match.start() == 0:
            continue
        if match.group()[:1].isupper() and not shouting:
            continue  # "Sở Xây dựng", "Ban Quản lý": a capital starts a name, a verb is lowercase
        rest = fold(segment[match.start() : match.start() + 40])
        if _starts_predicate(rest):
            stop = match.start()
            break
    phrase = segment[:stop]
    if not is_body(phrase.strip()) and not is_body(strip_title(phrase.strip())):
        return Found([], start)
    return Found(split_agency_list(phrase), start + stop)


# Openings that come before the subject ("Đối với các nhiệm vụ năm 2025, các bộ … chủ động bố trí …").
_LEADING_ADVERBIAL = re.compile(
    r"(?i)^(?:đối với|trong|căn cứ|trên cơ sở|hằng năm|hàng năm|định kỳ|sau khi|để)\b[^,;]{0,160},\s*"
)


# A subject named by what it was given, then its duty: the whole description is the body.
_DESCRIBED_SUBJECT = re.compile(
    r"(?i)^((?:các\s+)?(?:cơ quan|đơn vị|bộ phận)[^;:.]{0,120}?\bđược\s+(?:giao|phân công)[^;:.]{0,120}?)"
    r"\s+(?:có trách nhiệm|chịu trách nhiệm)\b"
)


def subject_agencies(sentence: str) -> list[str]:
    """The bodies a sentence opens with, before its predicate ("Sở Tài chính chủ trì …")."""
    text = _ASSIGN.sub("", sentence, count=1).lstrip(" -–+•")
    if not is_body(text):
        text = _LEADING_ADVERBIAL.sub("", text, count=1)
    if starts_with_action(text) and not fold(text).startswith(("to cong tac", "doi ngu")):
        return []
    if not (is_body(text) or is_body(strip_title(text))):
        return []
    described = _DESCRIBED_SUBJECT.match(text)
    if described:  # "Các cơ quan được phân công chủ trì … theo Kế hoạch này có trách nhiệm …"
        return [strip_title(described.group(1).strip(" ,"))]
    found = agency_run(text)
    rest = fold(text[found.end : found.end + 40]).strip()
    if found.agencies and (_starts_predicate(rest) or not rest):
        return found.agencies
    return []


_COORDINATE = re.compile(r"(?i)phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+")


def coordinating_agencies(text: str) -> list[str]:
    """Bodies named after "phối hợp (với)" in a sentence: those the lead works with."""
    out: list[str] = []
    for match in _COORDINATE.finditer(text):
        found = agency_run(text, match.end())
        out.extend(found.agencies)
    return _unique(out)


def agencies_in(text: str) -> list[str]:
    """Every body a prose assignment names, in order ("Cơ quan thực hiện: Sở A chủ trì …; Sở B và
    các sở … chủ động …")."""
    out: list[str] = []
    for clause in re.split(r"[;.]\s+", text):
        clause = clause.strip()
        if not clause:
            continue
        found = agency_run(clause)
        if found.agencies:
            out.extend(found.agencies)
        else:
            out.extend(subject_agencies(clause))
    return _unique(out)
