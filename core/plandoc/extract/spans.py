"""Provenance: find where an extracted value is printed, so the official can see why it was read.

Values are cleaned (whitespace collapsed, bullets and markup removed), so they are found again in
the canonical text by comparing both without whitespace, Markdown emphasis or HTML tags. When that
fails (entities, typography changed by cleaning) the enclosing span is the honest answer.
"""

from __future__ import annotations

from core.plandoc.document import Span

_SKIPPED = set("*\\")
_MAX_TAG = 200


def _squeezed(window: str) -> tuple[str, list[int]]:
    """``window`` without whitespace, emphasis marks and tags, with each kept char's offset."""
    chars: list[str] = []
    offsets: list[int] = []
    i, n = 0, len(window)
    while i < n:
        ch = window[i]
        if ch == "<":
            close = window.find(">", i, i + _MAX_TAG)
            if close != -1:
                i = close + 1
                continue
        if not ch.isspace() and ch not in _SKIPPED:
            chars.append(ch)
            offsets.append(i)
        i += 1
    return "".join(chars), offsets


def locate(text: str, value: str | None, within: Span | None) -> Span | None:
    """The span of ``value`` inside ``within`` (whitespace/markup-tolerant), else ``within``."""
    if within is None or not value:
        return within
    exact = text.find(value, within.start, within.end)
    if exact >= 0:
        return Span(exact, exact + len(value), within.page)
    needle = "".join(value.split())
    if not needle:
        return within
    squeezed, offsets = _squeezed(text[within.start : within.end])
    found = squeezed.find(needle)
    if found >= 0:
        start, last = found, found + len(needle) - 1
    else:
        # A value merged across a page break: its first and last words, in order.
        found_pair = _head_and_tail(squeezed, value.split())
        if found_pair is None:
            return within
        start, last = found_pair
    return Span(within.start + offsets[start], within.start + offsets[last] + 1, within.page)


def _head_and_tail(squeezed: str, words: list[str]) -> tuple[int, int] | None:
    """First and last index of a value whose first and last words are found in order."""
    for k in (3, 2, 1):
        if len(words) < 2 * k:
            continue
        head, tail = "".join(words[:k]), "".join(words[-k:])
        start = squeezed.find(head)
        tail_at = squeezed.find(tail, start + len(head)) if start >= 0 else -1
        if tail_at >= 0:
            return start, tail_at + len(tail) - 1
    return None
