"""Vocabulary of Vietnamese deadline phrases, as regular expressions over folded text.

Everything here matches ``fold(text)``: lower case, accents removed, one character per character
of the NFC input, so a match's offsets are offsets in the printed text too. Folding also merges
the spellings offices mix freely: "hằng/hàng", "Quý/Qúy/quý", "Thường Xuyên/thường xuyên".
"""

from __future__ import annotations

import re
import unicodedata


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    if ch in "\u00a0\u200b\ufeff\t\r\n":
        return " "
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base[0] if len(base) == 1 else ch


# Latin, Latin-1/Extended and Vietnamese precomposed letters; other characters pass unchanged.
_FOLD_TABLE = {
    cp: _fold_char(chr(cp))
    for cp in (*range(0x20, 0x250), *range(0x1E00, 0x1F00), 0x200B, 0xFEFF, 0x09, 0x0A, 0x0D)
    if _fold_char(chr(cp)) != chr(cp)
}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Accent-free lower case with the same length as ``text`` (which should be NFC)."""
    return text.translate(_FOLD_TABLE)


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}

_YEAR = r"(?:19|20)\d{2}"
_Q = r"(?:iv|iii|ii|i|[1-4])(?![a-z0-9])"
_LIST_SEP = r"\s*(?:,|&|\bva\b)\s*"
_YEAR_TAIL = rf"(?:\s*(?:/|-|\bnam\b)\s*(?P<y>{_YEAR}))?(?![\d/])"

# Time expressions, in priority order: where two overlap, the earlier pattern wins.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "ngày 15 tháng 3 năm 2025"
    (
        "date",
        re.compile(rf"\bngay\s+(?P<d>\d{{1,2}})\s+thang\s+(?P<m>\d{{1,2}})(?:\s+nam\s+(?P<y>{_YEAR}))?\b"),
    ),
    # "15/3/2025", "05/01/2025", "15/3"; with dots or dashes only when the year is there
    # ("15.3.2025"), so that item numbers such as "1.2" are not read as dates.
    (
        "date",
        re.compile(
            r"(?<![\d/.])(?P<d>\d{1,2})\s?/\s?(?P<m>\d{1,2})(?:\s?/\s?(?P<y>\d{4}|\d{2}))?(?![\d/])"
            r"|(?<![\d/.])(?P<d2>\d{1,2})(?P<s>[.-])(?P<m2>\d{1,2})(?P=s)(?P<y2>\d{4})(?![\d/.])"
        ),
    ),
    # "6 tháng đầu năm 2025", "6 tháng cuối năm"
    ("half", re.compile(rf"\b(?:6|sau)\s*thang\s+(?P<h>dau|cuoi)\s+nam(?:\s*/?\s*(?P<y>{_YEAR}))?\b")),
    # "9 tháng đầu năm 2025", "9 tháng năm 2025"
    ("nine", re.compile(rf"\b(?:9|chin)\s*thang(?:\s+dau)?\s+nam(?:\s*/?\s*(?P<y>{_YEAR}))?\b")),
    # "Quý I/2025", "quý IV năm 2025", "Qúy II", "quý 1, 2/2025"
    ("quarter", re.compile(rf"\bquy\s+(?P<q>{_Q}(?:{_LIST_SEP}{_Q})*){_YEAR_TAIL}")),
    # "Tháng 11/2025", "tháng 01/2026", "tháng 6 và 12 năm 2025"
    (
        "month",
        re.compile(rf"\bthang\s+(?P<m>\d{{1,2}}(?:{_LIST_SEP}\d{{1,2}})*)(?!\d){_YEAR_TAIL}"),
    ),
    # "11/2025" without the word "tháng"
    ("month", re.compile(rf"(?<![\d/.])(?P<m>\d{{1,2}})\s?/\s?(?P<y>{_YEAR})(?![\d/])")),
]

# A frequency word. "hằng ngày/tuần" are obligations too frequent to track one by one.
_FREQ = r"(?:(?:6|sau)\s*thang|quy|thang|nam|tuan|ngay)(?![a-z0-9])(?!\s*\d)(?!\s+(?:dinh|che|trinh)\b)"
_FREQ_SEP = r"\s*(?:,|/|;|\+|\bva\b|\bhoac\b)\s*(?:(?:hang|moi)\s+)?"
RECUR = re.compile(
    rf"\b(?:(?:dinh\s+ky\s+)?(?:hang|moi)\s+|dinh\s+ky\s+)(?P<f>{_FREQ}(?:{_FREQ_SEP}{_FREQ})*)"
    rf"|\b(?P<f2>(?:(?:6|sau)\s*thang|quy)(?:{_FREQ_SEP}{_FREQ})+)"
)
FREQ_WORD = re.compile(r"(?:6|sau)\s*thang|quy|thang|nam|tuan|ngay")
FREQUENCY = {"thang": "monthly", "quy": "quarterly", "6thang": "half_yearly", "nam": "yearly"}

CONTINUOUS = re.compile(r"\b(?:thuong\s+xuyen|lien\s+tuc)\b")

# "2026 - 2030", "giai đoạn 2026-2030": read as two expressions, from the first to the second.
RANGE = re.compile(rf"(?<![\d/])(?P<a>{_YEAR})\s*[-–]\s*(?P<b>{_YEAR})(?![\d/])")
# "năm 2026", "Năm 2026", a bare "2025"
YEAR = re.compile(rf"(?:\bnam\s+)?(?<![\d/.-])(?P<y>{_YEAR})(?![\d/])")
# "ngày 20" with no month: only meaningful with "hằng tháng"
DAY = re.compile(r"\bngay\s+(?P<d>\d{1,2})(?!\s?[/.-]\s?\d)(?!\s+thang\s+\d)\b")

# Words before an expression that say how to read it. Checked on the text just before it.
PREP_TAIL = re.compile(
    r"(?:\b(?:truoc|cham\s+nhat|muon\s+nhat|han\s+chot|han|den|toi|trong|vao|tu|bat\s+dau|ke\s+tu"
    r"|sau|la|ngay|het|cuoi|nam)\s*[:,]?\s*)+$"
)
PREP_MODE = {
    "truoc": "before",
    "cham nhat": "by",
    "muon nhat": "by",
    "han chot": "by",
    "han": "by",
    "den": "by",
    "toi": "by",
    "tu": "from",
    "bat dau": "from",
    "ke tu": "from",
    "sau": "after",
}
PREP_WORD = re.compile(r"cham\s+nhat|muon\s+nhat|han\s+chot|bat\s+dau|ke\s+tu|[a-z]+")

# Phrases that make an obligation wait for an event: no date until an official sets one.
CUE = re.compile(
    r"\btheo\s+(?:(?:cac|nhung|dung)\s+)?(?:ke\s+hoach|kh|lo\s+trinh|quy\s+dinh|huong\s+dan|yeu\s+cau"
    r"|(?:su\s+)?chi\s+dao|van\s+ban|cong\s+van|quyet\s+dinh|thong\s+bao|de\s+nghi|tien\s+do"
    r"|chuong\s+trinh|lich|thoi\s+gian|thoi\s+han|phan\s+cong|chu\s+truong|nhiem\s+vu"
    r"|nghi\s+dinh|nghi\s+quyet|thong\s+tu|chi\s+thi|luat)\b"
    r"|\b(?:ngay\s+)?(?:sau\s+)?khi\b"
    r"|\b(?:ngay\s+)?sau\s+(?!ngay\s*\d|\d|thang\b)(?=[a-z])"  # not "sáu tháng"
    r"|\b(?:dot\s+xuat|kip\s+thoi|dung\s+(?:thoi\s+gian|thoi\s+han|han))\b"
)
ALTERNATIVE = re.compile(r"\bhoac\s*$")

# Document references ("số 220/KH-UBND, ngày 23/10/2025"): their dates are not deadlines.
DOC_REF = re.compile(
    r"(?:\bso\s*)?(?<![\d/])\d+[a-z]?(?:/\d+)*/[a-z]+(?:-[a-z]+)+"
    r"(?:\s*,?\s*ngay\s*(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4}))?"
)

# Clause structure.
BULLET = re.compile(r"(?<![^\s.;:,])(?:[-–—•*]\s*)+(?=[^\s\d\-–—•*])")
PLUS = re.compile(r"(?<![^\s.;:,])\+\s*(?=\S)")
SENTENCE_END = re.compile(r";|\.(?=\s|$)")
LABEL_COLON = re.compile(r":(?!\d{2}(?![\d/]))")  # not a clock time "10:30"

# Labels that say nothing ("Thời gian: Quý I/2025") and prefixes that are only a verb.
GENERIC_LABELS = frozenset(
    {"thoi gian", "thoi han", "han", "tien do", "thoi gian thuc hien", "thoi han hoan thanh"}
)
FILLER_PREFIXES = frozenset({"", "thuc hien", "hoan thanh", "thuc hien va hoan thanh", "giai doan"})
TRIM = " \t-–—•*+.,;:()"
