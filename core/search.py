"""Accent-free matching for the search box: "cai cach" finds "cải cách", "HOA" finds "Hóa".

Officials often type without diacritics (a phone keyboard, a hurried search). Matching folds both
sides the same way: lower case, Vietnamese letters to their base letter, "đ" to "d". The fold is a
plain character-for-character table (``str.translate``: no regex, no Unicode normalisation per
call), so folding every task of a province for one search takes milliseconds. It gives what
``core.text.fold`` gives for words; the query is cut into words and each must appear.
"""

from __future__ import annotations

import re
import unicodedata

from core.text import fold

_WORD = re.compile(r"[^\W_]+")
MAX_TERMS = 8
MAX_QUERY = 200


def _foldable() -> dict[str, str]:
    """Every letter of Latin-1 and Latin Extended (Vietnamese included) and A-Z, to its folded
    single letter; combining marks (text typed in NFD) to nothing."""
    table: dict[str, str] = {}
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        ch = chr(code)
        if not ch.isalpha():
            continue
        base = fold(ch)
        if len(base) == 1 and base != ch:
            table[ch] = base
    for code in range(0x300, 0x370):
        if unicodedata.category(chr(code)) == "Mn":
            table[chr(code)] = ""
    return table


_TABLE = _foldable()
_TRANSLATE = str.maketrans({k: (v or None) for k, v in _TABLE.items()})


def fold_chars(text: str | None) -> str | None:
    """``text`` lower-cased and accent-free, character for character (None stays None)."""
    if text is None:
        return None
    return text.translate(_TRANSLATE)


def terms(query: str) -> list[str]:
    """The words of a query, folded, in order, without repeats; empty when nothing searchable.

    A query of one letter matches nearly everything and says nothing, so words need two characters
    unless they are digits ("nhiệm vụ 4" keeps "4")."""
    words = _WORD.findall(fold_chars(query[:MAX_QUERY]) or "")
    out: list[str] = []
    for w in words:
        if (len(w) >= 2 or w.isdigit()) and w not in out:
            out.append(w)
    return out[:MAX_TERMS]


def matches(text: str, wanted: list[str]) -> bool:
    """Whether every wanted word appears in ``text`` (folded); False for an empty query."""
    folded = fold_chars(text) or ""
    return bool(wanted) and all(w in folded for w in wanted)


def rank(text: str, wanted: list[str]) -> tuple[int, int]:
    """Sort key: the words side by side, as typed, first; then where the first word appears."""
    folded = fold_chars(text) or ""
    phrase = " ".join(wanted)
    at = folded.find(wanted[0]) if wanted else -1
    return (0 if phrase and phrase in folded else 1, at if at >= 0 else len(folded))


def snippet(text: str, wanted: list[str], width: int = 160) -> str:
    """A piece of ``text`` around the first match, as printed, cut at word boundaries, so the
    result says why it was found (a task's content can be a page long)."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    if len(text) <= width:
        return text
    folded = fold_chars(text) or ""  # same length as text: the table maps one char to one char
    at = min((folded.find(w) for w in wanted if w in folded), default=0)
    start = max(0, at - width // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > at else end
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")
