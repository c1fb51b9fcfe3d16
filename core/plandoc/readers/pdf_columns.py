"""Tables printed without ruling lines: rebuild the columns from the header row's x-ranges.

Some plans draw their annex with spaces and tab stops instead of cell borders, so the PDF has no
lines for the table finder. The header row still tells where each column starts ("TT",
"Nội dung", "Sản phẩm", "Cơ quan chủ trì", ...). Every following line is cut at those x
positions; a line whose number column holds a number (or a Roman numeral) starts a new row,
others continue the current row; a line with a word straddling a column start is running text
again and ends the table. A header repeated at the top of the next page is skipped.
"""

from __future__ import annotations

import re

from core.plandoc.layout import _HEADER_VOCAB, _header_kinds
from core.text import fold

_ROW_START = re.compile(r"^(\d{1,3}\.?|[IVXL]{1,5}\.?)$")
GAP = 6.0  # points between two header cells on one line (words of one cell are ~3 pt apart)


def _column_starts(line) -> list[float]:
    starts: list[float] = []
    last_x1 = None
    for x0, x1, _text in sorted(line.words):
        if last_x1 is None or x0 - last_x1 > GAP:
            starts.append(x0)
        last_x1 = x1
    return starts


def _is_header_line(text: str) -> bool:
    words = fold(text).split()
    return bool(words) and all(w in _HEADER_VOCAB for w in words)


def is_table_header(line) -> bool:
    """A header row of an annex table: "TT", "Nội dung" and at least one more column name."""
    kinds = {kind for kind, _ in _header_kinds(line.text)}
    return "no" in kinds and "content" in kinds and len(kinds) >= 3 and _is_header_line(line.text)


def _cut(line, starts: list[float]) -> list[str] | None:
    """The line's text per column, or None when a word straddles a column start (running text)."""
    cells = [""] * len(starts)
    for x0, x1, text in line.words:
        if any(x0 < s - 2 < x1 - 2 for s in starts[1:]):
            return None
        column = max((i for i, s in enumerate(starts) if s <= x0 + 2), default=0)
        cells[column] = f"{cells[column]} {text}".strip()
    return cells


def rebuild_positional_tables(items: list) -> list:
    """Replace runs of Lines under an unruled table header by PageTables (from ``readers.pdf``)."""
    from core.plandoc.readers.pdf import Line, PageTable, _segments

    out: list = []
    i = 0
    while i < len(items):
        item = items[i]
        if not (isinstance(item, Line) and is_table_header(item)):
            out.append(item)
            i += 1
            continue
        starts = _column_starts(item)
        if len(starts) < 3:
            out.append(item)
            i += 1
            continue
        header_key = fold(item.text)
        rows: list[list[list[Line]]] = [[[] for _ in starts]]
        row_pages = [item.page]
        breaks: set[int] = set()
        j = i
        in_header = True
        while j < len(items) and isinstance(items[j], Line):
            line = items[j]
            if j > i and fold(line.text) == header_key:  # header repeated on a new page
                in_header = True
                breaks.add(len(rows))
                j += 1
                continue
            cells = _cut(line, starts)
            if cells is None:
                break
            if in_header and j > i and not _is_header_line(line.text):
                in_header = False
            if not in_header and (_ROW_START.match(cells[0]) or len(rows) == 1):
                rows.append([[] for _ in starts])
                row_pages.append(line.page)
            elif j > i and in_header and len(rows) > 1:
                j += 1
                continue  # the repeated header's wrapped lines
            for k, text in enumerate(cells):
                if text:
                    rows[-1][k].append(Line(text, 0, 0, line.top, line.bottom, line.page))
            j += 1
        if len(rows) < 3:
            out.append(item)
            i += 1
            continue
        table_rows = [[_segments(cell) for cell in row] for row in rows]
        table = PageTable(item.page, (starts[0], item.top, 0.0, 0.0), table_rows, starts, row_pages=row_pages)
        table.breaks = breaks
        out.append(table)
        i = j
    return out
