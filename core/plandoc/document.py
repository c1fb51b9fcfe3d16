"""The neutral shape every reader produces: a canonical text plus blocks that point into it.

Readers (text, DOCX, PDF) differ in how they find paragraphs and tables; extraction should not
care. Each reader therefore builds one canonical ``Document.text`` and a list of blocks whose
``Span`` offsets index that text. Provenance of every extracted field is a ``Span`` into the same
text, so the web view can highlight it beside the document, whatever the original format.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` in ``Document.text``; ``page`` is 1-based when known."""

    start: int
    end: int
    page: int | None = None

    def to_dict(self) -> dict:
        data = {"start": self.start, "end": self.end}
        if self.page is not None:
            data["page"] = self.page
        return data

    @staticmethod
    def cover(spans: list[Span | None]) -> Span | None:
        """The smallest span covering all given spans (``None`` entries are ignored)."""
        real = [s for s in spans if s is not None]
        if not real:
            return None
        return Span(min(s.start for s in real), max(s.end for s in real), real[0].page)


@dataclass
class Segment:
    """One logical line of a cell or paragraph (a list item, a ``<p>``, a wrapped line joined)."""

    text: str
    span: Span


@dataclass
class Cell:
    """A table cell: its cleaned text (segments joined by newlines) and the segments themselves.

    Merged cells keep the row on the table grid, so ``cells[i]`` is always grid column ``i`` while
    the merged text appears only once: a cell merged across columns has ``col_span`` > 1 and is
    followed by empty cells; the rows under a vertically merged cell hold an empty ``covered``
    placeholder (its text is in the row above).
    """

    text: str
    span: Span
    segments: list[Segment] = field(default_factory=list)
    col_span: int = 1
    covered: bool = False
    confidence: float | None = None  # OCR: mean confidence of the cell's words, 0-100


@dataclass
class Row:
    """A table row. ``after_break`` marks the first row after a page break (or a repeated header):
    when its number cell is empty it usually continues the row before it."""

    cells: list[Cell]
    span: Span
    after_break: bool = False


@dataclass
class Table:
    rows: list[Row]
    span: Span


@dataclass
class Paragraph:
    """A paragraph of running text. ``bold``/``italic``/``heading`` are hints, never required."""

    text: str
    span: Span
    bold: bool = False
    italic: bool = False
    heading: int | None = None
    # One segment per source line (markup removed), when the reader knows them: a paragraph of a
    # text file can hold several bulleted lines, and each needs its own span. Optional.
    lines: list[Segment] = field(default_factory=list)
    confidence: float | None = None  # OCR: mean confidence of the paragraph's words, 0-100


Block = Paragraph | Table


@dataclass
class Document:
    """A read document: ``text`` is canonical, blocks and spans index into it."""

    name: str
    text: str
    blocks: list[Block]
    format: str  # "text", "docx", "pdf" or "ocr" (read from a scan or a page image)
    warnings: list[str] = field(default_factory=list)
    # OCR only: mean word confidence of the whole document, 0-100 (None: the text was not OCR'd).
    ocr_confidence: float | None = None
    # How the file reached its reader, e.g. "doc" for a Word 97 file converted to DOCX.
    converted_from: str | None = None

    def slice(self, span: Span | None) -> str:
        return "" if span is None else self.text[span.start : span.end]

    def confidence_at(self, span: Span | None) -> float | None:
        """The lowest OCR confidence of the paragraphs and cells that ``span`` touches.

        ``None`` when the document was not OCR'd or the span touches no block with a confidence.
        Extraction keeps a ``Span`` for every field it reads, so this is how a field learns how
        sure the OCR was of the text it came from (``core.plandoc.confidence``).
        """
        if span is None or self.ocr_confidence is None:
            return None
        found = [
            conf for start, end, conf in self._confidence_ranges() if start < span.end and span.start < end
        ]
        if not found and span.start == span.end:
            found = [conf for start, end, conf in self._confidence_ranges() if start <= span.start <= end]
        return min(found) if found else None

    def _confidence_ranges(self) -> list[tuple[int, int, float]]:
        ranges = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                if block.confidence is not None:
                    ranges.append((block.span.start, block.span.end, block.confidence))
                continue
            for row in block.rows:
                for cell in row.cells:
                    if cell.confidence is not None and cell.span.end > cell.span.start:
                        ranges.append((cell.span.start, cell.span.end, cell.confidence))
        return ranges
