"""Split a cell (or sentence) into the list items it prints: "- A; - B", "<li>A</li><li>B</li>".

A cell arrives as segments: one per ``<li>``/``<p>`` from portal exports, one per *printed line*
from PDF, one per paragraph from DOCX. Segments that only wrap a line must be joined back before
splitting, and bullets printed inline ("- Quyết định …. - Báo cáo …") must be split even inside one
segment. Both decisions are made here so products and agency lists read cells the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from core.text import collapse

BULLET_START = re.compile(r"^\s*[-–—•+*]\s*")
# An inline bullet: a dash/plus after the end of a previous item (".", ";", ":", ")", "…") or at
# the start, followed by the next item's first letter.
_INLINE_BULLET = re.compile(r"(?:(?<=[.;:)…!?])|(?<=[.;:)…!?][\"”’]))\s+[-–—•+]\s*(?=[^\W\d_]|\d)")
_TRAILING = " .;,"


def starts_with_bullet(text: str) -> bool:
    return bool(BULLET_START.match(text)) and not re.match(r"^\s*-\s*\d", text)


def join_wrapped(texts: list[str], starts_item: Callable[[str, str], bool]) -> list[str]:
    """Join segments that merely continue the previous one; keep those that start an item.

    ``starts_item(previous, text)`` decides for segments without a bullet. When any segment has a
    bullet, segments without one are continuations (a wrapped bulleted line).
    """
    texts = [collapse(t) for t in texts if collapse(t)]
    if not texts:
        return []
    bulleted = any(starts_with_bullet(t) for t in texts)
    out = [texts[0]]
    for text in texts[1:]:
        if starts_with_bullet(text) or (not bulleted and starts_item(out[-1], text)):
            out.append(text)
        else:
            out[-1] = f"{out[-1]} {text}"
    return out


def split_inline_bullets(text: str) -> list[str]:
    """Split "- A. - B; + C" printed on one line into its items (bullets kept)."""
    cuts = [0] + [m.start() for m in _INLINE_BULLET.finditer(text)] + [len(text)]
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def strip_item(text: str) -> str:
    """An item as the gold writes it: bullet and trailing "."/";"/"," removed, spaces collapsed."""
    text = BULLET_START.sub("", collapse(text), count=1)
    return text.strip().rstrip(_TRAILING).strip()


def sentence_item_start(previous: str, text: str) -> bool:
    """For products: a new item starts after a finished sentence and with a capital letter."""
    return previous.rstrip()[-1:] in ".;!?" and text[:1].isupper()


def split_items(texts: list[str]) -> list[str]:
    """Products of a cell: one entry per bullet or list item, cleaned."""
    items = []
    for segment in join_wrapped(texts, sentence_item_start):
        for piece in split_inline_bullets(segment):
            cleaned = strip_item(piece)
            if cleaned:
                items.append(cleaned)
    return items
