"""The seven CCHC areas, recognised by meaning in headings, assignments and free text.

Matching is accent-insensitive (``core.text.fold``) because plans mix "Hoá"/"Hóa", drop accents in
tables and carry typos ("chế độ cộng vụ"). Three readers with different strictness:

* ``area_of_heading``: a section or annex title names its area; the first area named wins
  ("Cải cách tổ chức bộ máy và cải cách chế độ công vụ" → ``bo_may``, as the gold notes say).
* ``areas_in_assignment``: the "Tổ chức thực hiện" sentences name areas with their full phrase
  ("nội dung cải cách tài chính công"), never a loose word such as "chuyển đổi số".
* ``classify_area``: a target sentence with no area heading above it is scored by its vocabulary.
"""

from __future__ import annotations

import re

from core.plandoc.extract.textutil import fold

AREA_ORDER = ("chi_dao", "the_che", "tthc", "bo_may", "cong_vu", "tai_chinh", "chinh_quyen_so")

_HEADING_WORDS: dict[str, tuple[str, ...]] = {
    "the_che": ("the che",),
    "tthc": ("thu tuc hanh chinh", "tthc", "kiem soat thu tuc"),
    "bo_may": ("bo may",),
    "cong_vu": ("che do cong vu", "cong vu", "can bo cong chuc"),
    "tai_chinh": ("tai chinh cong", "tai chinh"),
    "chinh_quyen_so": ("chinh quyen dien tu", "chinh quyen so", "chuyen doi so", "hanh chinh dien tu"),
    "chi_dao": ("chi dao", "dieu hanh", "tuyen truyen", "chi so"),
}

_ASSIGNMENT_PHRASES: dict[str, tuple[str, ...]] = {
    "chi_dao": ("chi dao dieu hanh", "cong tac chi dao"),
    "the_che": ("cai cach the che",),
    "tthc": ("cai cach thu tuc hanh chinh", "cai cach tthc", "kiem soat thu tuc hanh chinh"),
    "bo_may": ("to chuc bo may",),
    "cong_vu": ("che do cong vu",),
    "tai_chinh": ("tai chinh cong",),
    "chinh_quyen_so": ("chinh quyen dien tu", "chinh quyen so"),
}

# Vocabulary of each area with weights, for sentences that no heading places. Longer phrases
# carry more weight because they are less ambiguous.
_VOCABULARY: dict[str, tuple[tuple[str, float], ...]] = {
    "chi_dao": (
        ("par index", 3),
        ("chi so cai cach hanh chinh", 3),
        ("sipas", 1),
        ("thu hang", 2),
        ("chi dao dieu hanh", 2),
        ("tuyen truyen", 1),
        ("ke hoach cai cach hanh chinh", 2),
        ("kiem tra", 1),
        ("nhiem vu", 0.5),
        ("tu kiem tra", 1),
    ),
    "the_che": (
        ("qppl", 3),
        ("quy pham phap luat", 3),
        ("the che", 2),
        ("thi hanh phap luat", 2),
        ("pho bien giao duc phap luat", 2),
        ("van ban phap luat", 0.5),
    ),
    "tthc": (
        ("tthc", 2),
        ("thu tuc hanh chinh", 2),
        ("ho so", 1),
        ("mot cua", 2),
        ("truc tuyen", 1),
        ("dung han", 2),
        ("thanh toan", 1),
        ("dich vu cong", 1),
        ("phan anh kien nghi", 1),
        ("cung cap lai", 1),
    ),
    "bo_may": (
        ("to chuc bo may", 3),
        ("bo may", 2),
        ("don vi su nghiep", 1),
        ("sap xep", 1),
        ("don vi hanh chinh", 1),
        ("chuc nang nhiem vu", 1),
        ("bien che", 1),
    ),
    "cong_vu": (
        ("cong vu", 2),
        ("can bo cong chuc", 2),
        ("vien chuc", 1),
        ("ky luat ky cuong", 1.5),
        ("dao tao boi duong", 2),
        ("vi tri viec lam", 2),
        ("danh gia can bo", 2),
        ("tuyen dung", 2),
    ),
    "tai_chinh": (
        ("tai chinh", 2),
        ("ngan sach", 2.5),
        ("tai san cong", 2),
        ("thu ngan sach", 2),
        ("tu chu", 1),
        ("dau tu cong", 2),
        ("tiet kiem", 1),
    ),
    "chinh_quyen_so": (
        ("chinh quyen so", 3),
        ("chinh quyen dien tu", 3),
        ("moi truong dien tu", 2),
        ("moi truong so", 2),
        ("ky so", 2),
        ("chuyen doi so", 1),
        ("co so du lieu", 1),
        ("cong nghe thong tin", 0.5),
        ("luu tru", 1),
        ("so hoa", 0.5),
        ("iso", 1),
    ),
}


def _word(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])")


_HEADING_RE = {area: [_word(p) for p in phrases] for area, phrases in _HEADING_WORDS.items()}
_VOCABULARY_RE = {area: [(_word(p), w) for p, w in vocab] for area, vocab in _VOCABULARY.items()}


def _first_area(text: str, patterns: dict[str, list[re.Pattern[str]]]) -> tuple[int, str] | None:
    folded = fold(text)
    best: tuple[int, str] | None = None
    for area, compiled in patterns.items():
        for pattern in compiled:
            match = pattern.search(folded)
            if match and (best is None or match.start() < best[0]):
                best = (match.start(), area)
    return best


def area_of_heading(text: str) -> str | None:
    """The area a section or annex title names; the first one named when it joins two."""
    found = _first_area(text, _HEADING_RE)
    return found[1] if found else None


def areas_in_assignment(text: str) -> list[str]:
    """Areas named by full phrase in an assignment sentence, in the order they appear."""
    folded = fold(text)
    found: list[tuple[int, str]] = []
    for area, phrases in _ASSIGNMENT_PHRASES.items():
        positions = [folded.find(phrase) for phrase in phrases if phrase in folded]
        if positions:
            found.append((min(positions), area))
    return [area for _, area in sorted(found)]


def classify_area(text: str) -> str | None:
    """The area whose vocabulary ``text`` uses most; ``None`` when it uses none."""
    folded = fold(text)
    scores = {}
    for area, vocabulary in _VOCABULARY_RE.items():
        score = 0.0
        for pattern, weight in vocabulary:
            score += weight * min(len(pattern.findall(folded)), 3)
        if score:
            scores[area] = score
    if not scores:
        return None
    return max(scores, key=lambda area: (scores[area], -AREA_ORDER.index(area)))
