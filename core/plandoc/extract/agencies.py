"""Split a printed list of agencies ("Cơ quan chủ trì" / "phối hợp" cells) into one entry per body.

Entries are kept as printed (typos included: matching them to ``Agency`` records is a later step),
but a list is split wherever it names distinct bodies: on bullets and list items, on ";", on " - "
before a new body ("- Tổ công tác Đề án 06 xã - Công an xã"), and on commas that separate named
bodies ("Sở Nội vụ, Văn phòng UBND tỉnh, Sở Tư pháp"). Commas inside a generic group ("Các phòng,
ban, ngành, đơn vị cấp xã", "Các phòng, Trung tâm, đơn vị") are kept. Role labels ("Cơ quan chủ
trì, chỉ đạo: Sở X") and role descriptions ("Sở Nội vụ: theo dõi, tổng hợp") are dropped.
"""

from __future__ import annotations

import re

from core.plandoc.extract.items import join_wrapped, split_inline_bullets, strip_item
from core.plandoc.extract.textutil import fold
from core.text import modern_tones

# Words a body's name starts with (folded). A trailing space marks a whole word.
_HEADS = (
    "ubnd",
    "uy ban",
    "hdnd",
    "hoi dong",
    "so ",
    "van phong",
    "vp ",
    "phong ",
    "trung tam",
    "cong an",
    "ban ",
    "bao ",
    "dai ",
    "to ",
    "hoi ",
    "doan ",
    "mat tran",
    "uy ban mat tran",
    "chi cuc",
    "cuc ",
    "kho bac",
    "chi nhanh",
    "bo phan",
    "cong chuc",
    "can bo",
    "dang uy",
    "cac ",
    "co quan",
    "don vi",
    "truong ",
    "tram ",
    "thanh tra",
    "quan su",
    "ban chi huy",
    "buu dien",
    "ngan hang",
    "chu tich",
    "pho chu tich",
    "lanh dao",
    "thu truong",
    "giam doc",
    "doanh nghiep",
    "bao hiem",
    "bhxh",
    "thuong truc",
    "nguoi dung dau",
    "hop tac xa",
    "hat ",
    "doi ",
    "vien ",
    "bo ",
    "tt ",
    "ttg",
    "ubmttq",
    "mttq",
    "huyen doan",
    "tinh doan",
    "xa doan",
    "thong tan xa",
    "hoc vien",
    "benh vien",
    "quy ",
    "tap doan",
    "tong cong ty",
    "cong ty",
    "kiem toan",
    "toa an",
    "vien kiem sat",
    "chinh phu",
    "thu tuong",
    "quoc hoi",
    "thue ",
    "bo chi huy",
    "ban quan ly",
    "dia phuong",
)
_ROLE_WORDS = (
    "chu tri",
    "phoi hop",
    "thuc hien",
    "tham dinh",
    "chi dao",
    "tong hop",
    "phu trach",
    "tu danh gia",
    "tham muu",
    "giam sat",
)
_SCOPE_WORDS = ("chi so", "noi dung", "linh vuc", "nhiem vu", "doi voi", "ve ", "ke hoach", "bao cao")
_ACTION_TAIL = re.compile(
    r"\s+(?:phối hợp|tổng hợp|thẩm định|thẩm tra|chủ trì|theo dõi|tham mưu|tham gia|chuẩn bị)\b.*$"
)
_DASH = re.compile(r"\s+[-–—]\s+")
_CONNECTOR_END = re.compile(r"(?:\s(?:và|với|của)|[,&\-–])\s*$")


# Heads whose folded form is also a common word ("Báo" newspaper / "bảo" ensure, "Tổ" team / "tổ
# chức" organise, "Đội" / "đổi", "Bộ" / "bổ sung", "Sở" / "số", "Trường" / "trưởng"): where the text
# carries its tone marks, the head must be spelled as a body is.
_AMBIGUOUS = {
    "bao ": ("báo ",),
    "to ": ("tổ ",),
    "doi ": ("đội ",),
    "bo ": ("bộ ",),
    "so ": ("sở ",),
    "truong ": ("trường ",),
    "ban ": ("ban ",),
    "hoi ": ("hội ",),
    "dai ": ("đài ",),
    "vien ": ("viện ",),
    "quy ": ("quỹ ",),
    "phong ": ("phòng ",),
    "cuc ": ("cục ",),
    "hat ": ("hạt ",),
    "tram ": ("trạm ",),
    "thue ": ("thuế ",),
}
_TONE_MARKS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


def is_body(text: str) -> bool:
    """Whether ``text`` starts like the name of a body (agency, group of agencies, office holder)."""
    folded = fold(text) + " "
    head = max((h for h in _HEADS if folded.startswith(h)), key=len, default=None)
    if head is None:
        return False
    spelled = _AMBIGUOUS.get(head)
    if spelled and _TONE_MARKS.search(text.lower()):
        lowered = modern_tones(text.strip().lower()) + " "
        if head == "to " and lowered.startswith("tổ chức") and not lowered.startswith("tổ chức chính trị"):
            return False
        return lowered.startswith(spelled)
    return True


def _named_body(text: str) -> bool:
    """A body with a name after its head word, printed with a capital ("Trung tâm X", not "Trung tâm")."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[:2].isupper()):
        return False
    folded = fold(text) + " "
    for head in _HEADS:
        if folded.startswith(head):
            rest = folded[len(head) :].strip()
            return bool(rest)
    return False


def _role_label(text: str) -> bool:
    """ "Cơ quan chủ trì, chỉ đạo", "Cơ quan thực hiện tự đánh giá": a role, not a body."""
    folded = fold(text)
    if not folded or len(folded.split()) > 8 or not any(word in folded for word in _ROLE_WORDS):
        return False
    return folded.startswith(("co quan", "don vi", "bo phan")) or not is_body(text)


def _starts_item(previous: str, text: str) -> bool:
    """Between segments of a cell: a new body starts unless the previous line is cut mid-name."""
    if previous.rstrip()[-1:] in ";.":
        return True
    if _CONNECTOR_END.search(previous) or not _named_body(previous):
        return False
    return _named_body(text)


def _apply_colon(part: str) -> str:
    """Resolve "label: bodies" and "body: description" to the bodies."""
    if ":" not in part:
        return part
    before, after = part.split(":", 1)
    after = re.sub(r"^[\s\-–—+•]+", "", after)
    if _role_label(before):
        return after
    if is_body(after) and after[:1].isupper():
        return after
    if is_body(before):
        return before
    return part


def _split_dashes(part: str) -> list[str]:
    """Split "A - B" where B is a new body ("- Tổ công tác Đề án 06 xã - Công an xã")."""
    pieces = _DASH.split(part)
    out = [pieces[0]]
    for piece in pieces[1:]:
        left = fold(out[-1])
        if _named_body(piece) and not (left.endswith("hdnd") and fold(piece).startswith("ubnd")):
            out.append(piece)
        else:
            out[-1] = f"{out[-1]} - {piece}"
    return out


def _group_commas(part: str) -> list[str]:
    """Split on commas only where the next piece names a new body."""
    pieces = part.split(",")
    groups = [pieces[0].strip()]
    for piece in pieces[1:]:
        named_before = _named_body(groups[-1]) and not fold(groups[-1]).startswith("cac ")
        group_starts = fold(piece).strip().startswith("cac ") and is_body(piece.strip())
        if _named_body(groups[-1]) and (_named_body(piece) or (named_before and group_starts)):
            groups.append(piece.strip())
        else:
            groups[-1] = f"{groups[-1]},{piece}"
    return groups


def _clean(entry: str) -> str:
    entry = strip_item(entry)
    if is_body(entry):
        match = _ACTION_TAIL.search(entry)
        if match and match.start() > 0:
            entry = entry[: match.start()]
    return strip_item(entry)


def split_agencies(texts: list[str]) -> list[str]:
    """The bodies printed in a cell (given as its segments), in order, without duplicates."""
    entries: list[str] = []
    for segment in join_wrapped(texts, _starts_item):
        for part in split_inline_bullets(segment):
            part = _apply_colon(strip_item(part))
            for clause in part.split(";"):
                for piece in _split_dashes(clause.strip()):
                    entries.extend(_group_commas(piece))
    cleaned = [_clean(entry) for entry in entries]
    cleaned = [entry for entry in cleaned if entry]
    if any(is_body(entry) for entry in cleaned):
        cleaned = [e for e in cleaned if is_body(e) or not (fold(e) + " ").startswith(_SCOPE_WORDS)]
    seen: set[str] = set()
    out = []
    for entry in cleaned:
        key = fold(entry)
        if key not in seen:
            seen.add(key)
            out.append(entry)
    return out


_BRACKET = re.compile(r"\s*\(([^()]*)\)\s*$")
_BRACKET_HELPER = re.compile(r"(?i)^(.+?)\s+phối hợp\b")
_BRACKET_REMARK = re.compile(r"(?i)\b(?:là|do|phối hợp|chủ trì|thực hiện|thuộc|theo)\b")


def helpers_in_brackets(entries: list[str]) -> tuple[list[str], list[str]]:
    """Split bracketed remarks off lead entries: "X (Y phối hợp chuẩn bị)" gives lead X and helper Y;
    a remark ("… (Văn phòng Quốc hội là cơ quan thường trực …)") is dropped; a bracket that only
    names the body's parent ("Trung tâm Dịch vụ việc làm (Sở Nội vụ)") stays, it is part of the name."""
    leads: list[str] = []
    helpers: list[str] = []
    for entry in entries:
        match = _BRACKET.search(entry)
        if match and _BRACKET_REMARK.search(match.group(1)):
            helper = _BRACKET_HELPER.match(match.group(1).strip())
            if helper and is_body(helper.group(1)):
                helpers.append(helper.group(1).strip())
            entry = entry[: match.start()].strip()
        leads.append(entry)
    return leads, helpers
