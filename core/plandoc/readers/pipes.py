"""Tables written with pipes in text flattened from a web page or a Word document.

Legal-document portals flatten a Word table in one of two ways, and officials paste either:

* **one cell per line run**: a lone ``|`` line separates cells, the cell's text is the (hard-wrapped)
  lines between two of them, and two ``|`` lines in a row close the row. An empty cell cannot be
  written this way, so rows come out ragged: a merged or empty cell simply disappears;
* **Markdown rows**: ``| a | b | c |`` on one line, with a long row sometimes broken over several
  lines (the break falls inside a cell or just before a ``|``), and runs of ``||`` for empty or merged
  cells.

Both become a ``Table`` whose cells keep their source spans. Lines inside a cell are joined (they are
wraps), except that a line starting with a bullet starts a new segment, so lists in a cell stay lists.
Deciding which column a cell of a ragged row belongs to is the annex reader's job, not this one's.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from core.plandoc.document import Cell, Row, Segment, Span, Table
from core.text import collapse

LineRange = tuple[int, int]  # [start, end) character offsets of one source line
SpanOf = Callable[[int, int], Span]

_BULLET_LINE = re.compile(r"^\s*[-–—•+]\s+\S")
_EMPHASIS = re.compile(r"\*{1,3}")
_TAG = re.compile(r"<[^>]{0,200}>")
_SEPARATOR_CELL = re.compile(r"^:?-{2,}:?$")


def is_lone_pipe(line: str) -> bool:
    return line.strip() == "|"


def is_pipe_row(line: str) -> bool:
    """A Markdown row (or the start of one): begins with ``|`` and holds another ``|``."""
    stripped = line.strip()
    return stripped.startswith("|") and stripped.count("|") >= 2


def starts_region(line: str) -> bool:
    return is_lone_pipe(line) or is_pipe_row(line)


def region_end(lines: list[str], start: int) -> int:
    """The line index just after the pipe table that starts at ``start``.

    The table runs over non-blank lines; a blank line ends it unless the next non-blank line is a
    pipe line again (portals leave blank lines between some rows)."""
    i, n = start, len(lines)
    while i < n:
        if lines[i].strip():
            i += 1
            continue
        j = i
        while j < n and not lines[j].strip():
            j += 1
        if j < n and lines[j].lstrip().startswith("|"):
            i = j
            continue
        return i
    return n


def read_pipe_table(text: str, ranges: list[LineRange], span_of: SpanOf) -> Table | None:
    """The table written on the source lines ``ranges`` (a region found by ``region_end``)."""
    lines = [text[a:b] for a, b in ranges]
    lone = sum(1 for line in lines if is_lone_pipe(line))
    rows_on_lines = sum(1 for line in lines if is_pipe_row(line))
    if lone >= rows_on_lines:
        raw_rows = _lone_pipe_rows(text, ranges)
    else:
        raw_rows = _markdown_rows(text, ranges)
    rows = []
    for raw in raw_rows:
        cells = [_cell(text, pieces, span_of) for pieces in raw]
        if not any(cell.text for cell in cells) or all(_is_separator(c.text) for c in cells if c.text):
            continue
        rows.append(Row(cells=cells, span=Span.cover([c.span for c in cells]) or cells[0].span))
    if not rows:
        return None
    return Table(rows=rows, span=Span.cover([r.span for r in rows]) or rows[0].span)


def _is_separator(text: str) -> bool:
    return bool(_SEPARATOR_CELL.match(text.replace(" ", "")))


# A cell is a list of source pieces: (start, end) ranges, one per source line it covers.
RawCell = list[LineRange]


def _lone_pipe_rows(text: str, ranges: list[LineRange]) -> list[list[RawCell]]:
    rows: list[list[RawCell]] = []
    row: list[RawCell] = []
    cell: RawCell = []
    i = 0
    while i < len(ranges):
        a, b = ranges[i]
        if is_lone_pipe(text[a:b]):
            if cell:
                row.append(cell)
                cell = []
            j = i + 1
            while j < len(ranges) and not text[ranges[j][0] : ranges[j][1]].strip():
                j += 1  # blank lines between two pipes do not separate them
            if j < len(ranges) and is_lone_pipe(text[ranges[j][0] : ranges[j][1]]):
                if row:
                    rows.append(row)
                    row = []
                i = j + 1
                continue
        elif text[a:b].strip():
            cell.append((a, b))
        i += 1
    if cell:
        row.append(cell)
    if row:
        rows.append(row)
    return rows


def _markdown_rows(text: str, ranges: list[LineRange]) -> list[list[RawCell]]:
    """Rows of ``| a | b |`` lines; a line continues the row unless the row closed with ``|`` and
    this line opens with one."""
    grouped: list[list[LineRange]] = []
    for a, b in ranges:
        line = text[a:b].strip()
        if not line:
            continue
        if grouped and not (
            line.startswith("|") and text[grouped[-1][-1][0] : grouped[-1][-1][1]].rstrip().endswith("|")
        ):
            grouped[-1].append((a, b))
        else:
            grouped.append([(a, b)])
    rows = []
    for group in grouped:
        cells: list[RawCell] = [[]]
        for a, b in group:
            pos = a
            while pos < b:
                bar = text.find("|", pos, b)
                end = b if bar < 0 else bar
                if text[pos:end].strip():
                    cells[-1].append((pos, end))
                if bar < 0:
                    break
                cells.append([])
                pos = bar + 1
        # the piece before the first "|" and after the last one are not cells
        if not cells[0]:
            cells = cells[1:]
        if cells and not cells[-1]:
            cells = cells[:-1]
        rows.append(cells)
    return rows


def _clean(raw: str) -> str:
    raw = _TAG.sub(" ", raw)
    raw = _EMPHASIS.sub("", raw).replace("\\", "")
    return collapse(html.unescape(raw))


def _cell(text: str, pieces: RawCell, span_of: SpanOf) -> Cell:
    """Join a cell's lines into segments: a bulleted line starts a new one, other lines are wraps."""
    segments: list[Segment] = []
    current: list[LineRange] = []

    def close() -> None:
        if not current:
            return
        cleaned = _clean(" ".join(text[a:b] for a, b in current))
        if cleaned and not _is_separator(cleaned):
            a, b = _trim(text, current[0][0], current[-1][1])
            segments.append(Segment(cleaned, span_of(a, b)))
        current.clear()

    for a, b in pieces:
        if _BULLET_LINE.match(_EMPHASIS.sub("", text[a:b])) and current:
            close()
        current.append((a, b))
    close()
    if segments:
        span = Span.cover([s.span for s in segments]) or segments[0].span
    else:
        start = pieces[0][0] if pieces else 0
        span = span_of(start, start)
    return Cell(text="\n".join(s.text for s in segments), span=span, segments=segments)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "*|"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "*|"):
        end -= 1
    return start, end
