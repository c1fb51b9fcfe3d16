"""Finding where a piece of text sits in a plan's source text.

Extracted fields are cleaned (whitespace collapsed, HTML removed), so they no longer appear verbatim
in ``PlanDraft.source_text``. Checks still want to point an official at the place in the document,
so this module matches a field back to the source, token by token, tolerating whitespace, line
breaks, markup and spacing around punctuation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.plandoc.document import Span
from core.text import nfc

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_GAP = r"(?:\s|<[^>]+>|\*+|#+)*"
_HEAD = 10


@lru_cache(maxsize=4096)
def _pattern(tokens: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_GAP.join(re.escape(t) for t in tokens), re.IGNORECASE)


def _search(source: str, tokens: list[str], start: int) -> re.Match[str] | None:
    if not tokens:
        return None
    return _pattern(tuple(tokens)).search(source, start)


def locate(source: str, snippet: str, start: int = 0) -> Span | None:
    """The span of ``snippet`` in ``source`` (first occurrence at or after ``start``), or None.

    Long snippets are matched by their first and last words, so a table row split by a page break
    (with a repeated header in between) is still found as one span covering both parts.
    """
    if not source or not snippet:
        return None
    tokens = _TOKEN.findall(nfc(snippet))
    if len(tokens) <= 2 * _HEAD:
        found = _search(source, tokens, start)
        return Span(found.start(), found.end()) if found else None
    head = _search(source, tokens[:_HEAD], start)
    if head is None:
        return None
    tail = _search(source, tokens[-_HEAD:], head.end())
    if tail is None or tail.start() - head.end() > 4 * len(snippet):
        return Span(head.start(), head.end())
    return Span(head.start(), tail.end())


def locate_phrase(source: str, phrase: str, near: Span | None = None) -> Span | None:
    """A short phrase, preferably inside ``near`` (the span of the field it was found in)."""
    if near is not None:
        found = locate(source, phrase, near.start)
        if found is not None and found.start <= near.end:
            return found
    return locate(source, phrase)
