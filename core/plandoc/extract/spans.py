"""Provenance: find where an extracted value is printed, so the official can see why it was read.

Values are cleaned (whitespace collapsed, bullets and markup removed), so they are found again in
the canonical text with a pattern that lets any whitespace or markup sit between words. When that
fails (entities, typography changed by cleaning) the enclosing span is the honest answer.
"""

from __future__ import annotations

import re

from core.plandoc.document import Span

_GAP = r"(?:\s|<[^>]+>|\*{1,3}|\\)*"
_MAX_TOKENS = 40


def locate(text: str, value: str | None, within: Span | None) -> Span | None:
    """The span of ``value`` inside ``within`` (whitespace/markup-tolerant), else ``within``."""
    if within is None or not value:
        return within
    tokens = value.split()
    if not tokens:
        return within
    if len(tokens) > _MAX_TOKENS:
        head = _find(text, tokens[:8], within.start, within.end)
        tail = _find(text, tokens[-8:], head.end() if head else within.start, within.end)
        if head and tail:
            return Span(head.start(), tail.end(), within.page)
        return within
    found = _find(text, tokens, within.start, within.end)
    return Span(found.start(), found.end(), within.page) if found else within


def _find(text: str, tokens: list[str], start: int, end: int) -> re.Match[str] | None:
    pattern = _GAP.join(re.escape(token) for token in tokens)
    try:
        return re.compile(pattern).search(text, start, end)
    except re.error:
        return None
