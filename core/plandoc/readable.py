"""The canonical text of a plan shown readably: headings, list items, bold, tables, as HTML.

The readers store a plan as plain text with light Markdown (``# Heading``, ``- item``, ``**bold**``,
``| a | b |`` tables). Shown raw, officials read hash signs and pipes. This turns it into HTML that
*keeps every character*: markers are wrapped in ``<span class="md-mark">`` (hidden by CSS) rather
than removed, so the page's text content is the stored text exactly and the source spans (character
offsets that link each field to where it was read) still point at the right words. Everything is
escaped: the text comes from an uploaded file and is never trusted as HTML.

No Markdown library (none is installed, and a full one would drop characters the spans count).
"""

from __future__ import annotations

import re
from html import escape

_HEADING = re.compile(r"^(#{1,6})([ \t]+)(.*)$")
_BULLET = re.compile(r"^([ \t]*)([-*+])([ \t]+)(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _mark(text: str) -> str:
    return f'<span class="md-mark">{escape(text)}</span>'


def _inline(text: str) -> str:
    """Escape a line, showing ``**bold**`` as bold (its asterisks kept, hidden)."""
    out, pos = [], 0
    for m in _BOLD.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(f"{_mark(m.group(1))}<strong>{escape(m.group(2))}</strong>{_mark(m.group(1))}")
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _line(line: str, newline: str) -> str:
    heading = _HEADING.match(line)
    if heading:
        level = len(heading.group(1))
        marker = heading.group(1) + heading.group(2)
        return f'<span class="md-h md-h{level}">{_mark(marker)}{_inline(heading.group(3))}</span>{newline}'
    if line.lstrip().startswith("|"):
        if _TABLE_RULE.match(line):  # the |---|---| line under a table header: hidden, newline too
            return _mark(line + newline)
        return f'<span class="md-table">{escape(line)}</span>{newline}'
    bullet = _BULLET.match(line)
    if bullet:
        indent, sign, gap, rest = bullet.groups()
        # The "- " is hidden and a bullet drawn by CSS (::before is not part of the text content).
        return f'<span class="md-li">{escape(indent)}{_mark(sign + gap)}{_inline(rest)}</span>{newline}'
    return _inline(line) + newline


def readable_html(text: str) -> str:
    """HTML for ``text`` whose text content equals ``text`` (see the module docstring)."""
    parts = []
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        parts.append(_line(body, raw[len(body) :]))
    return "".join(parts)
