"""Positioned words and ruling lines of a page -> tables and lines, then page-level clean-up.

Whatever produced the words (a PDF text layer through pdfium, or OCR of a scan), the page is
rebuilt the same way:
- ruled tables come from pdfplumber's line strategy; words are assigned to the cell that holds
  their centre, so merged cells (``None`` positions in pdfplumber's rows) are read once;
- a table continued on the next page (same columns, often with the header repeated) is joined;
- page numbers and lines repeated in the top/bottom margins of most pages are dropped.
"""

from __future__ import annotations

import re
from collections import Counter

from core.plandoc.readers.pdf_columns import is_table_header
from core.plandoc.readers.pdf_geometry import edge
from core.plandoc.readers.pdf_types import Line, PageTable, group_lines, mean_confidence, segments
from core.text import fold

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}
MARGIN = 0.08  # share of the page height treated as header/footer zone
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)


class _EdgePage:
    """What pdfplumber's ``TableFinder`` needs from a page: its bbox and its ruling edges.

    The table geometry (edges -> intersections -> cells -> tables) is pdfplumber's; the words
    never go through pdfplumber's own (slow, pure-Python) character parsing.
    """

    def __init__(self, width: float, height: float, edges: list[dict]) -> None:
        self.bbox = (0.0, 0.0, width, height)
        self.edges = edges


def close_open_grids(edges: list[dict], tolerance: float = 2.0) -> list[dict]:
    """Add the missing rule where several column lines end together without a horizontal line.

    A row split by a page break is drawn open at the bottom (and the continued part open at the
    top); without the closing rule the table finder drops that row and its text would leak into
    the running text. Where two or more vertical rules end at the same height and no horizontal
    rule runs there, we add one across them.
    """
    horizontals = [e for e in edges if e["orientation"] == "h"]
    verticals = [e for e in edges if e["orientation"] == "v"]
    ends: dict[int, list[float]] = {}
    for vertical in verticals:
        for y in (vertical["top"], vertical["bottom"]):
            ends.setdefault(round(y), []).append(vertical["x0"])
    added = []
    for y, xs in ends.items():
        if len(xs) < 2:
            continue
        x0, x1 = min(xs), max(xs)
        covered = any(
            abs(h["top"] - y) <= tolerance and h["x0"] <= x0 + tolerance and h["x1"] >= x1 - tolerance
            for h in horizontals
        )
        if not covered:
            added.append(edge("h", x0, x1, float(y), float(y)))
    return edges + added


def layout_page(
    words: list[dict], edges: list[dict], width: float, height: float, page_no: int
) -> list[Line | PageTable]:
    """The page's tables and free lines, top to bottom."""
    from pdfplumber.table import TableFinder

    edges = close_open_grids(edges)
    tables = []
    if len(edges) >= 4:
        finder = TableFinder(_EdgePage(width, height, edges), TABLE_SETTINGS)
        tables = [t for t in finder.tables if len(t.rows) >= 2 and len(t.rows[0].cells) >= 2]
    taken: set[int] = set()
    items: list[Line | PageTable] = []
    for table in tables:
        items.append(_fill_table(table, words, taken, page_no))
    free = [w for i, w in enumerate(words) if i not in taken]
    items.extend(group_lines(free, page_no))
    items.sort(key=lambda it: it.bbox[1] if isinstance(it, PageTable) else it.top)
    return items


def _fill_table(table, words: list[dict], taken: set[int], page_no: int) -> PageTable:
    """The words inside each cell of a pdfplumber table, as segments (marks the words taken)."""
    cells_x = sorted({round(c[0], 1) for r in table.rows for c in r.cells if c})
    rows: list[list[list[str] | None]] = []
    confidence: list[list[float | None]] = []
    for row in table.rows:
        cells: list[list[str] | None] = []
        confs: list[float | None] = []
        reach = -1.0  # right edge of the last real cell: a gap under it is a horizontal merge
        for bbox in row.cells:
            if bbox is None:
                # Inside a horizontal merge: an empty cell; else under a vertical merge: covered.
                x = cells_x[len(cells)] if len(cells) < len(cells_x) else 1e9
                cells.append([] if reach > x + 1 else None)
                confs.append(None)
                continue
            reach = bbox[2]
            x0, top, x1, bottom = bbox
            inside = []
            for i, w in enumerate(words):
                cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
                if i not in taken and x0 <= cx <= x1 and top <= cy <= bottom:
                    inside.append(w)
                    taken.add(i)
            cells.append(segments(group_lines(inside, page_no)))
            confs.append(mean_confidence(inside))
        rows.append(cells)
        confidence.append(confs)
    xs = sorted({round(c[0]) for r in table.rows for c in r.cells if c})
    has_conf = any(c is not None for row in confidence for c in row)
    return PageTable(
        page_no, table.bbox, rows, [float(x) for x in xs], confidence=confidence if has_conf else []
    )


def drop_running_heads(pages: list[list[Line | PageTable]], heights: list[float]) -> None:
    """Remove page numbers and lines repeated in the margins of most pages (headers/footers).

    A table header repeated at the top of every page of an unruled annex looks like a running
    head, but the positional table rebuild needs it (to find the columns, and to know the row
    goes on after the break), so table header lines are kept.
    """

    def in_margin(line: Line) -> bool:
        height = heights[line.page - 1]
        return line.top < height * MARGIN or line.bottom > height * (1 - MARGIN)

    def key(line: Line) -> str:
        return re.sub(r"\d+", "#", fold(line.text))

    counts = Counter(key(it) for items in pages for it in items if isinstance(it, Line) and in_margin(it))
    threshold = max(2, int(len(pages) * 0.4))
    for items in pages:
        items[:] = [
            it
            for it in items
            if not (
                isinstance(it, Line)
                and in_margin(it)
                and (_PAGE_NUMBER.match(it.text) or (len(pages) > 2 and counts[key(it)] >= threshold))
                and not is_table_header(it)
            )
        ]


def _same_table(first: PageTable, second: PageTable) -> bool:
    if len(first.rows[0]) != len(second.rows[0]) or len(first.col_xs) != len(second.col_xs):
        return False
    return all(abs(a - b) <= 4 for a, b in zip(first.col_xs, second.col_xs, strict=True))


def row_key(row: list[list[str] | None]) -> tuple[str, ...]:
    """A row's folded cell texts: equal keys mean a header printed again."""
    return tuple(fold(" ".join(cell)) for cell in row if cell is not None)


def join_across_pages(items: list[Line | PageTable]) -> list[Line | PageTable]:
    """A table that ends a page and one that starts the next, with the same columns, are one."""
    out: list[Line | PageTable] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            isinstance(item, PageTable)
            and isinstance(prev, PageTable)
            and item.page == prev.row_pages[-1] + 1
            and _same_table(prev, item)
        ):
            offset = len(prev.rows)
            if row_key(item.rows[0]) == row_key(prev.rows[0]):
                prev.repeated_headers.add(offset)
                prev.breaks.add(offset + 1)
            else:
                prev.breaks.add(offset)
            if prev.confidence or item.confidence:
                prev.confidence = _padded(prev.confidence, offset) + _padded(item.confidence, len(item.rows))
            prev.rows.extend(item.rows)
            prev.row_pages.extend(item.row_pages)
            continue
        out.append(item)
    return out


def _padded(confidence: list[list[float | None]], rows: int) -> list[list[float | None]]:
    return confidence if len(confidence) == rows else confidence + [[] for _ in range(rows - len(confidence))]
