"""Split a deadline cell into clauses, one obligation each.

Cells list obligations with "- " bullets, "+ " sub-bullets under a header ("- BC công tác CCHC
+ Quý I: 10/3/2025 + Quý II: ..."), semicolons and full stops. Those marks also occur inside a
phrase ("Phòng Văn hóa - Xã hội", "chỉ đạo của Chính phủ; Thủ tướng Chính phủ"), so a piece that
holds no time expression and no event cue is joined back to its neighbour instead of becoming a
clause of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from core.text import clean

from .lexicon import BULLET, DOC_REF, PLUS, SENTENCE_END, TRIM

Span = tuple[int, int]
HasContent = Callable[[int, int], bool]

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    parent: str | None = None  # the header of a "+" group, used as a label prefix


def mask(folded: str) -> str:
    """Blank out markup and hide document references, keeping every offset."""

    def blank(m: re.Match[str]) -> str:
        return " " * (m.end() - m.start())

    def hide(m: re.Match[str]) -> str:  # not a space: the reference stays inside its clause
        return "#" * (m.end() - m.start())

    return DOC_REF.sub(hide, _TAG.sub(blank, folded))


def _trim(f: str, s: int, e: int) -> Span:
    while s < e and f[s] in TRIM:
        s += 1
    while e > s and f[e - 1] in TRIM:
        e -= 1
    return s, e


def _split(f: str, regex: re.Pattern[str], s: int, e: int) -> list[Span]:
    pieces: list[Span] = []
    pos = s
    for m in regex.finditer(f, s, e):
        pieces.append(_trim(f, pos, m.start()))
        pos = m.end()
    pieces.append(_trim(f, pos, e))
    return [p for p in pieces if p[0] < p[1]]


def _merge(pieces: list[Span], has: HasContent, *, forward: bool) -> list[Span]:
    """Join pieces without content to the next piece (bullets: "Phòng Văn hóa - Xã hội: Quý I")
    or to the previous one (sentences: "...chỉ đạo của Chính phủ; Thủ tướng Chính phủ")."""
    out: list[Span] = []
    pending: int | None = None
    for s, e in pieces:
        if pending is not None:
            s, pending = pending, None
        if has(s, e):
            out.append((s, e))
        elif out and not forward:
            out[-1] = (out[-1][0], e)
        else:
            pending = s
    if pending is not None:  # nothing followed: a clause of its own, reported as unparsed
        out.append((pending, pieces[-1][1]))
    return out


def split_clauses(text: str, f: str, has: HasContent) -> list[Clause]:
    """Clauses of ``text`` (NFC) given its masked fold ``f``; pieces without content are kept
    as clauses only when they have nowhere to go, so the grammar reports them as unparsed."""
    clauses: list[Clause] = []
    items = _merge(_split(f, BULLET, 0, len(f)), has, forward=True)
    for s, e in items:
        subs = _split(f, PLUS, s, e)
        parent = None
        if len(subs) > 1 and not has(*subs[0]):
            parent = clean(text[subs[0][0] : subs[0][1]]) or None
            subs = subs[1:]
        for ss, se in _merge(subs, has, forward=True):
            for cs, ce in _merge(_split(f, SENTENCE_END, ss, se), has, forward=False):
                clauses.append(Clause(cs, ce, parent))
    return clauses
