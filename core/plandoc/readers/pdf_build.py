"""Tables and lines of a rebuilt PDF (text layer or OCR) -> the canonical ``Document``.

Running text lines are merged into paragraphs when a line runs to the right margin and the next
one does not start a list item or a heading; tables become ``Table`` blocks whose rows carry
``after_break`` where a page break (or a repeated header) cut them. OCR confidence, where the
words have one, is kept per paragraph and per cell.
"""

from __future__ import annotations

from core.plandoc.document import Cell, Document, Paragraph, Row, Segment, Span, Table
from core.plandoc.readers.pdf_layout import row_key
from core.plandoc.readers.pdf_types import STARTS_ITEM, Line, PageTable, mean_confidence


def paragraphs(
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
            if full and close and not centred and not STARTS_ITEM.match(line.text) and prev.bold == line.bold:
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


class _Text:
    """The canonical text being written, and the span of each piece added to it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str, page: int | None) -> Span:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return Span(start, self.pos, page)

    def newline(self) -> None:
        if self.pos:
            self.add("\n", None)


def build_document(items: list[Line | PageTable], name: str, fmt: str = "pdf") -> Document:
    lines = [it for it in items if isinstance(it, Line)]
    pages = {ln.page for ln in lines}
    right = {p: max(ln.x1 for ln in lines if ln.page == p) for p in pages}
    left = {p: min(ln.x0 for ln in lines if ln.page == p) for p in pages}
    out = _Text()
    blocks: list[Paragraph | Table] = []
    run: list[Line] = []

    def flush() -> None:
        for group in paragraphs(run, right, left):
            out.newline()
            text = " ".join(ln.text for ln in group)
            blocks.append(
                Paragraph(text, out.add(text, group[0].page), bold=all(ln.bold for ln in group),
                          confidence=mean_confidence(group, lambda ln: ln.text, lambda ln: ln.confidence))
            )  # fmt: skip
        run.clear()

    for item in items:
        if isinstance(item, Line):
            run.append(item)
            continue
        flush()
        table = _table(item, out)
        if table is not None:
            blocks.append(table)
    flush()
    return Document(name=name, text="".join(out.parts), blocks=blocks, format=fmt)


def _table(item: PageTable, out: _Text) -> Table | None:
    rows: list[Row] = []
    table_start = None
    header_key = row_key(item.rows[0])
    for index, raw in enumerate(item.rows):
        page = item.row_pages[index]
        if index and row_key(raw) == header_key and any(header_key):
            item.repeated_headers.add(index)  # a header repeated by the page layout
            item.breaks.add(index + 1)
        if not any(raw_cell for raw_cell in raw):
            continue
        out.newline()
        row_start = out.pos
        table_start = row_start if table_start is None else table_start
        cells: list[Cell] = []
        for k, raw_cell in enumerate(raw):
            if k:
                out.add("\t", None)
            segs: list[Segment] = []
            for j, text in enumerate(raw_cell or []):
                if j:
                    out.add(" ", None)
                segs.append(Segment(text, out.add(text, page)))
            span = Span.cover([s.span for s in segs]) or Span(out.pos, out.pos, page)
            cells.append(
                Cell("\n".join(s.text for s in segs), span, segs, covered=raw_cell is None,
                     confidence=item.cell_confidence(index, k))
            )  # fmt: skip
        if index not in item.repeated_headers:
            rows.append(Row(cells, Span(row_start, out.pos, page), after_break=index in item.breaks))
    return Table(rows, Span(table_start, out.pos, item.page)) if rows else None
