"""Logical paragraphs ("units") of a document, with their list markers parsed.

Readers give paragraphs as the file has them: one per blank-line block in Markdown, but one per
*printed line* in text pulled out of PDF, and a page break can cut a paragraph in two anywhere.
Extraction wants one unit per numbered item or sentence run, so this module re-joins wrapped lines
and splits blocks that hold several bulleted lines, and reads the marker each unit starts with
("I.", "2.1.", "3)", "a)", "-", "+").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.plandoc.document import Document, Paragraph, Segment, Span

ROMAN = re.compile(r"^(?P<label>[IVXL]{1,5})\s*[.):/-]\s*(?=\S)")
DECIMAL = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)")
NUMBER = re.compile(r"^(?P<label>\d{1,2})\s*[.)](?:\s+(?=\S)|(?=[^\W\d_]))")
LETTER = re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?=\S)")
PAREN = re.compile(r"^\((?P<label>\d{1,2})\)\s*(?=[^\W\d_])")
BULLET = re.compile(r"^(?P<label>[-–—•+*])\s*(?=[^\s\d-]|\d+\s*%|\d+\s)")
_TERMINAL = ".;:!?…"


@dataclass
class Marker:
    """The list marker a unit starts with. ``kind`` orders nothing by itself: see ``outline``."""

    kind: str  # "roman", "decimal2".."decimal4", "number", "letter", "paren" ("(3)"), "dash", "plus"
    label: str  # "II", "2.1", "3", "a", "-", "+"
    end: int  # index in the unit text where the body starts


@dataclass
class Unit:
    """One logical paragraph: cleaned single-line ``text``, its source ``span`` and hints."""

    text: str
    span: Span
    block: int  # index of the first source block, to order units against tables
    marker: Marker | None = None
    emphasis: bool = False  # Markdown heading, or the whole paragraph in bold
    lines: list[Segment] = field(default_factory=list)

    @property
    def body(self) -> str:
        return self.text[self.marker.end :].strip() if self.marker else self.text

    @property
    def is_note(self) -> bool:
        """A parenthesised remark ("(Nội dung chi tiết tại Phụ lục kèm theo).") is not an item."""
        text = self.text.rstrip(" .;")
        return self.marker is None and text.startswith("(") and text.endswith(")")


def parse_marker(text: str) -> Marker | None:
    """Read the list marker at the start of ``text``, if any."""
    for kind, pattern in (
        ("roman", ROMAN),
        ("decimal", DECIMAL),
        ("number", NUMBER),
        ("letter", LETTER),
        ("paren", PAREN),
    ):
        match = pattern.match(text)
        if match:
            label = match.group("label")
            if kind == "decimal":
                kind = f"decimal{label.count('.') + 1}"
            return Marker(kind, label, match.end())
    match = BULLET.match(text)
    if match:
        label = match.group("label")
        kind = "plus" if label == "+" else "dash"
        return Marker(kind, "+" if kind == "plus" else "-", match.end())
    return None


_EMPHASIS = re.compile(r"\*{1,4}")


def _unmarked(segment: Segment) -> Segment:
    """Literal Markdown emphasis left in a paragraph ("**1. Mục tiêu**" typed into Word) removed."""
    if "*" not in segment.text:
        return segment
    text = " ".join(_EMPHASIS.sub(" ", segment.text).split())
    return Segment(text, segment.span)


# A lettered item run into the previous sentence by a reader ("… công lập. đ) Tăng cường …").
_INLINE_LETTER = re.compile(r"(?<=[.;:])\s+(?=[a-zđ]\)\s+[^\W\d_])")


def _split_inline_items(segment: Segment) -> list[Segment]:
    parts = _INLINE_LETTER.split(segment.text)
    if len(parts) == 1:
        return [segment]
    out = []
    for part in parts:
        if part.strip() and part[:1].isalpha() and not part[3:4].isupper() and out:
            out[-1] = Segment(f"{out[-1].text} {part}", segment.span)
        else:
            out.append(Segment(part.strip(), segment.span))
    return out


def paragraph_lines(doc: Document, para: Paragraph) -> list[Segment]:
    """The lines of a paragraph with spans; derived from the text when the reader gave none."""
    lines = _join_bare_markers([line for line in map(_unmarked, _raw_lines(doc, para)) if line.text])
    return [piece for line in lines for piece in _split_inline_items(line)]


_BARE_MARKER = re.compile(r"^\s*(?:[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ])\s*[.)]\s*$")


def _join_bare_markers(lines: list[Segment]) -> list[Segment]:
    """A marker printed alone on its line ("I." then the title on the next line, as web pages
    wrap) belongs to the line after it."""
    out: list[Segment] = []
    for line in lines:
        if out and _BARE_MARKER.match(out[-1].text):
            prev = out.pop()
            line = Segment(
                f"{prev.text.strip()} {line.text}", Span.cover([prev.span, line.span]) or line.span
            )
        out.append(line)
    return out


def _raw_lines(doc: Document, para: Paragraph) -> list[Segment]:
    if para.lines:
        return para.lines
    lines = [line.strip() for line in para.text.split("\n") if line.strip()]
    if len(lines) <= 1:
        return [Segment(para.text.strip(), para.span)] if para.text.strip() else []
    out = []
    cursor = para.span.start
    for line in lines:
        found = doc.text.find(line, cursor, para.span.end)
        if found < 0:
            out.append(Segment(line, para.span))
        else:
            out.append(Segment(line, Span(found, found + len(line), para.span.page)))
            cursor = found + len(line)
    return out


def _hard_wrapped(lines: list[str]) -> tuple[bool, int]:
    """Whether the text keeps the printed line breaks (PDF extraction), and the usual line width.

    In such text most long lines stop mid-sentence; in Markdown or DOCX a line is a paragraph and
    ends with punctuation.
    """
    long_lines = [line for line in lines if len(line) >= 40]
    if len(long_lines) < 8:
        return False, 0
    open_ended = sum(1 for line in long_lines if line.rstrip()[-1] not in _TERMINAL)
    widths = sorted(len(line) for line in long_lines)
    return open_ended > 0.5 * len(long_lines), widths[int(len(widths) * 0.75)]


def logical_units(doc: Document) -> list[Unit]:
    """Every paragraph of ``doc`` as logical units, wrapped lines joined, in document order."""
    raw: list[Unit] = []
    sizes: list[int] = []
    for index, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph):
            continue
        emphasis = bool(block.heading) or block.bold
        current: Unit | None = None
        lines = paragraph_lines(doc, block)
        sizes.append(len(lines))
        for line in lines:
            marker = parse_marker(line.text)
            if current is None or marker is not None:
                current = Unit(line.text, line.span, index, marker, emphasis, [line])
                raw.append(current)
            else:
                _append(current, line)
    wrapped, width = _hard_wrapped([line.text for unit in raw for line in unit.lines])
    # Text where every printed line is its own block (PDF exports) needs wrapped lines joined across
    # blocks; where blocks hold whole paragraphs (Markdown, Word), a block boundary is a real one.
    wrapped = wrapped and sum(size == 1 for size in sizes) >= 0.8 * max(1, len(sizes))
    units: list[Unit] = []
    for unit in raw:
        prev = units[-1] if units else None
        if prev is not None and _continues(prev, unit, wrapped, width):
            for line in unit.lines:
                _append(prev, line)
        else:
            units.append(unit)
    return units


def _append(unit: Unit, line: Segment) -> None:
    unit.text = f"{unit.text} {line.text}".strip()
    unit.lines.append(line)
    unit.span = Span.cover([unit.span, line.span]) or unit.span


def _continues(prev: Unit, unit: Unit, wrapped: bool, width: int) -> bool:
    """Whether ``unit`` is the rest of ``prev`` cut by a line wrap or a page break."""
    if unit.marker is not None or unit.emphasis or prev.emphasis or unit.is_note:
        return False
    first = unit.text[:1]
    if first.islower():
        return True
    if not wrapped:
        return False
    last_line = prev.lines[-1].text
    return last_line[-1:] not in _TERMINAL and len(last_line) >= 0.6 * width
