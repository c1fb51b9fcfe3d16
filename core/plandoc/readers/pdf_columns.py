"""Tables printed without ruling lines: rebuild the columns from the header row's x-ranges.

Some plans draw their annex with spaces and tab stops instead of cell borders, so the PDF has no
lines for the table finder. The header row still tells where each column is ("TT", "Nội dung",
"Sản phẩm", "Cơ quan chủ trì", ...), and the body keeps three cues:

- x: every word of a cell starts at or right of its column's start (the header words of all
  header lines, clustered by x, give the starts); a word that overflows a little into the next
  column goes to the column it overlaps most;
- y: lines of one cell follow each other at the line pitch, rows are separated by a larger gap
  (cell padding), and a page break ends a row's piece;
- the number column: a row number ("1", "2.", "II") marks a row. Word puts it at the top of its
  cell or centres it vertically; which one is decided per table from where the numbers sit.

A row continued after a page break (the header repeated on top, the number cell empty) is
merged into the row above; the repeated header is dropped. The table ends at a line that is
running text again: text in the number column that is not a row number, or a line whose words
run across several column starts.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from core.plandoc.headers import header_kinds, is_header_words
from core.plandoc.readers.pdf_types import Line, PageTable, mean_confidence, segments
from core.text import fold

_ROW_START = re.compile(r"^(\d{1,3}(\.\d{1,2})*\.?|[IVXL]{1,5}\.?)$")
GAP = 6.0  # points between two header cells on one line (words of one cell are ~3 pt apart)
SLOP = 2.0  # points a word may start left of its column (glyph bearings, rounding)
_SECTION = re.compile(r"^[IVXL]{1,5}\.?$")  # "III": a section row, its title one cell across the row
ROW_GAP = 1.3  # a step of this many line pitches between two lines separates rows


def _is_header_line(text: str) -> bool:
    return is_header_words(fold(text))


def is_table_header(line) -> bool:
    """A header row of an annex table: "TT", "Nội dung" and at least one more column name."""
    kinds = {kind for kind, _ in header_kinds(line.text)}
    return "no" in kinds and "content" in kinds and len(kinds) >= 3 and _is_header_line(line.text)


def _column_starts(header_lines: list) -> list[float]:
    """Left edges of the columns: the header words of all header lines, clustered by x.

    Using every header line (not just the first) finds a column whose name is vertically
    centred or sits only on the second line.
    """
    spans = sorted((x0, x1) for line in header_lines for x0, x1, _ in line.words)
    clusters: list[list[float]] = []
    for x0, x1 in spans:
        if clusters and x0 - clusters[-1][1] <= GAP:
            clusters[-1][1] = max(clusters[-1][1], x1)
        else:
            clusters.append([x0, x1])
    return [c[0] for c in clusters]


def _cut(line, starts: list[float]) -> tuple[list[str], int]:
    """The line's text per column, and how many words run across a column start."""
    cells = [""] * len(starts)
    across = 0
    bounds = [*starts[1:], float("inf")]
    for x0, x1, text in line.words:
        column = max((i for i, s in enumerate(starts) if s <= x0 + SLOP), default=0)
        if x1 - SLOP > bounds[column] + SLOP:  # overflows into the next column: take the larger part
            across += 1
            overlap = [min(x1, b) - max(x0, s) for s, b in zip(starts, bounds, strict=True)]
            column = max(range(len(starts)), key=lambda i: overlap[i])
        cells[column] = f"{cells[column]} {text}".strip()
    return cells, across


@dataclass
class _BodyLine:
    line: Line
    cells: list[str]
    block_start: bool  # first line after a page break, the header, or a row-sized vertical gap
    after_break: bool  # first line after a page break

    @property
    def numbered(self) -> bool:
        return bool(_ROW_START.match(self.cells[0]))


def _body(items: list, start: int, starts: list[float], header_key: str) -> tuple[list[_BodyLine], int]:
    """The table's body lines from ``items[start]`` on, and the index where the table ends."""
    body: list[_BodyLine] = []
    j = start
    in_header = True  # skipping the header's wrapped lines
    broke = False
    while j < len(items) and isinstance(items[j], Line):
        line = items[j]
        if fold(line.text) == header_key:  # the header repeated on a new page
            in_header, broke = True, True
            j += 1
            continue
        if in_header and _is_header_line(line.text):
            j += 1
            continue
        in_header = False
        cells, across = _cut(line, starts)
        if across >= 2 or (cells[0] and not _ROW_START.match(cells[0])):
            break  # running text again
        prev = body[-1].line if body else None
        broke = broke or (prev is not None and line.page != prev.page)
        body.append(_BodyLine(line, cells, prev is None or broke, broke))
        broke = False
        j += 1
    _mark_row_gaps(body)
    return body, j


def _mark_row_gaps(body: list[_BodyLine]) -> None:
    """Mark lines that follow a gap larger than the line pitch (the padding between rows)."""
    steps = [
        b.line.top - a.line.top for a, b in zip(body, body[1:], strict=False) if a.line.page == b.line.page
    ]
    steps = [s for s in steps if s > 0]
    if not steps:
        return
    # The lower half of the steps are line-to-line steps inside cells (if rows are one line
    # each, they are the row pitch, and no step stands out: the row numbers decide alone).
    pitch = statistics.median(sorted(steps)[: len(steps) // 2 + 1])
    for a, b in zip(body, body[1:], strict=False):
        if a.line.page == b.line.page and b.line.top - a.line.top > ROW_GAP * pitch:
            b.block_start = True


def _rows(body: list[_BodyLine]) -> list[tuple[list[_BodyLine], bool]]:
    """Group body lines into rows: (lines, starts after a page break)."""
    numbered = [b for b in body if b.numbered]
    # Numbers at the top of their cells sit on the first line of a gap-separated block.
    top_aligned = sum(b.block_start for b in numbered) * 2 >= len(numbered)
    rows: list[tuple[list[_BodyLine], bool]] = []
    pending: list[_BodyLine] = []  # centred numbers: lines of a block before its number
    for b in body:
        if top_aligned:
            if b.numbered or not rows:
                rows.append(([b], b.after_break))
            else:
                rows[-1][0].append(b)
            continue
        if b.block_start:
            if pending:
                _attach(rows, pending)
            pending = []
        if b.numbered:
            rows.append(([*pending, b], (pending[0] if pending else b).after_break))
            pending = []
        elif b.block_start or pending:
            pending.append(b)
        elif rows:
            rows[-1][0].append(b)
        else:
            pending.append(b)
    if pending:
        _attach(rows, pending)
    return rows


def _attach(rows: list[tuple[list[_BodyLine], bool]], lines: list[_BodyLine]) -> None:
    """A block without a row number continues the row above (e.g. after a page break)."""
    if rows:
        rows[-1][0].extend(lines)
    else:
        rows.append((lines, lines[0].after_break))


def rebuild_positional_tables(items: list) -> list:
    """Replace runs of Lines under an unruled table header by PageTables."""
    out: list = []
    i = 0
    while i < len(items):
        item = items[i]
        if not (isinstance(item, Line) and is_table_header(item)):
            out.append(item)
            i += 1
            continue
        header_lines = [item]
        k = i + 1
        while k < len(items) and isinstance(items[k], Line) and _is_header_line(items[k].text):
            header_lines.append(items[k])
            k += 1
        starts = _column_starts(header_lines)
        body, end = _body(items, k, starts, fold(item.text)) if len(starts) >= 3 else ([], k)
        rows = _rows(body)
        if sum(any(b.numbered for b in lines) for lines, _ in rows) < 2:
            out.append(item)
            i += 1
            continue
        header = [[] for _ in starts]
        for line in header_lines:
            for column, text in enumerate(_cut(line, starts)[0]):
                if text:
                    header[column].append(Line(text, 0, 0, line.top, line.bottom, line.page))
        table_rows = [[segments(cell) for cell in header]]
        confidence = [[None for _ in starts]]
        row_pages = [item.page]
        breaks: set[int] = set()
        for lines, after_break in rows:
            cells: list[list] = [[] for _ in starts]
            section = any(_SECTION.match(b.cells[0]) for b in lines)
            for b in lines:
                texts = b.cells
                if section:  # the title is a merged cell: its words are not cut at column starts
                    texts = [b.cells[0], " ".join(t for t in b.cells[1:] if t)] + [""] * (len(starts) - 2)
                for column, text in enumerate(texts):
                    if text:
                        cells[column].append(
                            Line(
                                text,
                                0,
                                0,
                                b.line.top,
                                b.line.bottom,
                                b.line.page,
                                confidence=b.line.confidence,
                            )
                        )
            if after_break:
                breaks.add(len(table_rows))
            table_rows.append([segments(cell) for cell in cells])
            confidence.append([_confidence(cell) for cell in cells])
            row_pages.append(lines[0].line.page)
        table = PageTable(item.page, (starts[0], item.top, 0.0, 0.0), table_rows, starts, row_pages=row_pages)
        table.breaks = breaks
        if any(c is not None for row in confidence for c in row):
            table.confidence = confidence
        out.append(table)
        i = end
    return out


def _confidence(lines: list[Line]) -> float | None:
    return mean_confidence(lines, lambda line: line.text, lambda line: line.confidence)
