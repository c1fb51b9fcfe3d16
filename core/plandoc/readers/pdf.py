"""Read a PDF plan (its text layer) into a ``Document``, with spans that know their page.

A PDF has no paragraphs or cells, only positioned words. We rebuild them:
- ruled tables come from pdfplumber's line strategy; words are assigned to the cell that holds
  their centre, so merged cells (``None`` positions in pdfplumber's rows) are read once;
- a table continued on the next page (same columns, often with the header repeated) is joined;
- running text lines are merged into paragraphs when a line runs to the right margin and the
  next one does not start a list item or a heading;
- page numbers and lines repeated in the top/bottom margins of most pages are dropped;
- tables printed without ruling lines are rebuilt from the header row's column x-ranges
  (``readers.pdf_columns``).
A PDF without a text layer (a scan) is refused: we do not OCR official plans.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from core.plandoc.document import Cell, Document, Paragraph, Row, Segment, Span, Table
from core.plandoc.errors import PlanDocError
from core.text import fold, nfc

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}
MARGIN = 0.08  # share of the page height treated as header/footer zone
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.IGNORECASE)
_STARTS_ITEM = re.compile(
    r"^(?:[-+•*–]\s?|\d+(?:\.\d+)*[.)]\s|[IVXLC]+[.)]\s|[a-zđ][.)]\s|Điều\s+\d|Phụ lục|PHỤ LỤC)"
)


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    bold: bool = False
    words: list[tuple[float, float, str]] = field(default_factory=list, repr=False)  # (x0, x1, text)


@dataclass
class PageTable:
    page: int
    bbox: tuple[float, float, float, float]
    rows: list[list[list[str] | None]]  # per row, per grid column: segments, or None when covered
    col_xs: list[float] = field(default_factory=list)
    repeated_headers: set[int] = field(default_factory=set)
    breaks: set[int] = field(default_factory=set)  # first row index of each continued piece
    row_pages: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.row_pages:
            self.row_pages = [self.page] * len(self.rows)


def _open(data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise PlanDocError("encrypted", detail=f"pdfium: {exc}") from None
        raise PlanDocError("corrupt", detail=f"pdfium: {exc}") from None


class _EdgePage:
    """What pdfplumber's ``TableFinder`` needs from a page: its bbox and its ruling edges.

    Text and paths come from pdfium (C++, ~20x faster than parsing every character object in
    Python); the table geometry (edges -> intersections -> cells -> tables) is pdfplumber's.
    """

    def __init__(self, width: float, height: float, edges: list[dict]) -> None:
        self.bbox = (0.0, 0.0, width, height)
        self.edges = edges


def _edges(page, height: float) -> tuple[list[dict], bool]:
    """Ruling lines (thin path objects, rectangle sides) as pdfplumber edge dicts; and any images."""
    import pypdfium2.raw as pdfium_c

    edges: list[dict] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        x0, x1, y0, y1 = left, right, height - top, height - bottom
        w, h = x1 - x0, y1 - y0
        sides = []
        if h <= 2.5 and w > 3:
            sides.append(("h", x0, x1, (y0 + y1) / 2, (y0 + y1) / 2))
        elif w <= 2.5 and h > 3:
            sides.append(("v", (x0 + x1) / 2, (x0 + x1) / 2, y0, y1))
        elif w > 3 and h > 3:  # a rectangle: its four sides may rule a table
            sides += [
                ("h", x0, x1, y0, y0),
                ("h", x0, x1, y1, y1),
                ("v", x0, x0, y0, y1),
                ("v", x1, x1, y0, y1),
            ]
        for orientation, a0, a1, t, b in sides:
            edges.append(
                {"x0": a0, "x1": a1, "top": t, "bottom": b, "width": a1 - a0, "height": b - t,
                 "orientation": orientation, "object_type": "line"}
            )  # fmt: skip
    images = any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    return _close_open_grids(edges), images


def _close_open_grids(edges: list[dict], tolerance: float = 2.0) -> list[dict]:
    """Add the missing rule where several column lines end together without a horizontal line.

    A row split by a page break is drawn open at the bottom (and the continued part open at the
    top); without the closing rule the table finder drops that row and its text would leak into
    the running text. Where two or more vertical rules end at the same height and no horizontal
    rule runs there, we add one across them.
    """
    horizontals = [e for e in edges if e["orientation"] == "h"]
    verticals = [e for e in edges if e["orientation"] == "v"]
    ends: dict[int, list[float]] = {}
    for edge in verticals:
        for y in (edge["top"], edge["bottom"]):
            ends.setdefault(round(y), []).append(edge["x0"])
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
            added.append(
                {"x0": x0, "x1": x1, "top": float(y), "bottom": float(y), "width": x1 - x0, "height": 0.0,
                 "orientation": "h", "object_type": "line"}
            )  # fmt: skip
    return edges + added


def _words(page, height: float) -> list[dict]:
    """Words from pdfium's text page: runs of non-space characters on one baseline."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    words: list[dict] = []
    current: dict | None = None
    for i in range(min(count, len(text))):
        ch = text[i]
        if ch.isspace() or ch == "\x00":
            current = None
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        y0, y1 = height - top, height - bottom
        size = max(y1 - y0, 1.0)
        if (
            current is not None
            and abs(current["top"] - y0) < size * 0.4
            and left - current["x1"] < size * 0.25
        ):
            current["text"] += ch
            current["x1"] = max(current["x1"], right)
            current["bottom"] = max(current["bottom"], y1)
            continue
        weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, i)
        current = {"text": ch, "x0": left, "x1": right, "top": y0, "bottom": y1, "bold": weight >= 600}
        words.append(current)
    textpage.close()
    return words


def _group_lines(words: list[dict], page_no: int, tolerance: float = 3.0) -> list[Line]:
    """Words to lines: cluster by ``top``, order by ``x0``."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    out = []
    for group in lines:
        group.sort(key=lambda w: w["x0"])
        text = nfc(" ".join(w["text"] for w in group)).strip()
        if not text:
            continue
        bold = all(w.get("bold") for w in group)
        out.append(
            Line(text, group[0]["x0"], max(w["x1"] for w in group), min(w["top"] for w in group),
                 max(w["bottom"] for w in group), page_no, bold,
                 [(w["x0"], w["x1"], nfc(w["text"])) for w in group])
        )  # fmt: skip
    return out


def _segments(lines: list[Line]) -> list[str]:
    """A cell's lines joined into logical segments: a bullet or number starts a new one."""
    segments: list[str] = []
    for line in lines:
        if segments and not _STARTS_ITEM.match(line.text):
            segments[-1] += " " + line.text
        else:
            segments.append(line.text)
    return segments


def _read_page(page, page_no: int) -> tuple[list[Line | PageTable], int, bool]:
    from pdfplumber.table import TableFinder

    width, height = page.get_size()
    words = _words(page, height)
    edges, has_images = _edges(page, height)
    tables = []
    if len(edges) >= 4:
        finder = TableFinder(_EdgePage(width, height, edges), TABLE_SETTINGS)
        tables = [t for t in finder.tables if len(t.rows) >= 2 and len(t.rows[0].cells) >= 2]
    taken: set[int] = set()
    items: list[Line | PageTable] = []
    for table in tables:
        cells_x = sorted({round(c[0], 1) for r in table.rows for c in r.cells if c})
        rows: list[list[list[str] | None]] = []
        for row in table.rows:
            cells: list[list[str] | None] = []
            reach = -1.0  # right edge of the last real cell: a gap under it is a horizontal merge
            for bbox in row.cells:
                if bbox is None:
                    # Inside a horizontal merge: an empty cell; else under a vertical merge: covered.
                    cells.append(
                        []
                        if reach > (cells_x[len(cells)] if len(cells) < len(cells_x) else 1e9) + 1
                        else None
                    )
                    continue
                reach = bbox[2]
                x0, top, x1, bottom = bbox
                inside = []
                for i, w in enumerate(words):
                    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
                    if i not in taken and x0 <= cx <= x1 and top <= cy <= bottom:
                        inside.append(w)
                        taken.add(i)
                cells.append(_segments(_group_lines(inside, page_no)))
            rows.append(cells)
        xs = sorted({round(c[0]) for r in table.rows for c in r.cells if c})
        items.append(PageTable(page_no, table.bbox, rows, [float(x) for x in xs]))
    free = [w for i, w in enumerate(words) if i not in taken]
    items.extend(_group_lines(free, page_no))
    items.sort(key=lambda it: it.bbox[1] if isinstance(it, PageTable) else it.top)
    return items, len(words), has_images


def _drop_running_heads(pages: list[list[Line | PageTable]], heights: list[float]) -> None:
    """Remove page numbers and lines repeated in the margins of most pages (headers/footers).

    A table header repeated at the top of every page of an unruled annex looks like a running
    head, but the positional table rebuild needs it (to find the columns, and to know the row
    goes on after the break), so table header lines are kept.
    """
    from core.plandoc.readers.pdf_columns import is_table_header

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


def _row_key(row: list[list[str] | None]) -> tuple[str, ...]:
    return tuple(fold(" ".join(cell)) for cell in row if cell is not None)


def _join_across_pages(items: list[Line | PageTable]) -> list[Line | PageTable]:
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
            if _row_key(item.rows[0]) == _row_key(prev.rows[0]):
                prev.repeated_headers.add(offset)
                prev.breaks.add(offset + 1)
            else:
                prev.breaks.add(offset)
            prev.rows.extend(item.rows)
            prev.row_pages.extend(item.row_pages)
            continue
        out.append(item)
    return out


def _paragraphs(
    lines: list[Line], right_edges: dict[int, float], left_edges: dict[int, float]
) -> list[list[Line]]:
    """Merge wrapped lines of running text into paragraphs."""
    groups: list[list[Line]] = []
    for line in lines:
        if groups:
            prev = groups[-1][-1]
            width = max(right_edges[prev.page] - left_edges[prev.page], 1)
            full = prev.x1 >= right_edges[prev.page] - 0.12 * width
            height = max(prev.bottom - prev.top, 1)
            close = line.page != prev.page or 0 <= line.top - prev.bottom <= 1.2 * height
            centred = line.x0 - left_edges[line.page] > 0.15 * width
            if (
                full
                and close
                and not centred
                and not _STARTS_ITEM.match(line.text)
                and prev.bold == line.bold
            ):
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


def read_pdf(data: bytes, name: str) -> Document:
    """Read PDF bytes into a ``Document`` (format "pdf"); refuse scans and locked files."""
    from core.plandoc.readers.pdf_columns import rebuild_positional_tables

    pdf = _open(data)
    try:
        per_page: list[list[Line | PageTable]] = []
        heights: list[float] = []
        total_words = 0
        images = False
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            heights.append(float(page.get_size()[1]))
            items, n_words, has_images = _read_page(page, number)
            page.close()
            per_page.append(items)
            total_words += n_words
            images = images or has_images
    except PlanDocError:
        raise
    except Exception as exc:
        raise PlanDocError("corrupt", detail=f"{type(exc).__name__}: {exc}") from None
    finally:
        pdf.close()
    if total_words < 5 * max(1, len(per_page)) // 2:
        raise PlanDocError("scanned_pdf", detail=f"{total_words} words, images={images}")
    _drop_running_heads(per_page, heights)
    items = _join_across_pages([it for page_items in per_page for it in page_items])
    items = rebuild_positional_tables(items)
    return _build(items, name)


def _build(items: list[Line | PageTable], name: str) -> Document:
    lines = [it for it in items if isinstance(it, Line)]
    right = {p: max((ln.x1 for ln in lines if ln.page == p), default=0.0) for p in {ln.page for ln in lines}}
    left = {p: min((ln.x0 for ln in lines if ln.page == p), default=0.0) for p in {ln.page for ln in lines}}
    parts: list[str] = []
    pos = 0
    blocks: list[Paragraph | Table] = []

    def add(text: str, page: int | None) -> Span:
        nonlocal pos
        start = pos
        parts.append(text)
        pos += len(text)
        return Span(start, pos, page)

    def newline() -> None:
        if pos:
            add("\n", None)

    run: list[Line] = []

    def flush() -> None:
        for group in _paragraphs(run, right, left):
            newline()
            text = " ".join(ln.text for ln in group)
            blocks.append(Paragraph(text, add(text, group[0].page), bold=all(ln.bold for ln in group)))
        run.clear()

    for item in items:
        if isinstance(item, Line):
            run.append(item)
            continue
        flush()
        rows: list[Row] = []
        table_start = None
        header_key = _row_key(item.rows[0])
        for index, raw in enumerate(item.rows):
            page = item.row_pages[index]
            if index and _row_key(raw) == header_key and any(header_key):
                item.repeated_headers.add(index)  # a header repeated by the page layout
                item.breaks.add(index + 1)
            if not any(raw_cell for raw_cell in raw):
                continue
            newline()
            row_start = pos
            table_start = row_start if table_start is None else table_start
            cells: list[Cell] = []
            for k, raw_cell in enumerate(raw):
                if k:
                    add("\t", None)
                segs: list[Segment] = []
                for j, text in enumerate(raw_cell or []):
                    if j:
                        add(" ", None)
                    segs.append(Segment(text, add(text, page)))
                span = Span.cover([s.span for s in segs]) or Span(pos, pos, page)
                cells.append(Cell("\n".join(s.text for s in segs), span, segs, covered=raw_cell is None))
            if index not in item.repeated_headers:
                rows.append(Row(cells, Span(row_start, pos, page), after_break=index in item.breaks))
        if rows:
            blocks.append(Table(rows, Span(table_start, pos, item.page)))
    flush()
    return Document(name=name, text="".join(parts), blocks=blocks, format="pdf")
