"""A sheet of text cells as a ``Document``: one line of canonical text per row, so spans point at cells.

Each row is written as its address and its cells, tab-separated ("Nhiệm vụ!A5<TAB>1<TAB>Rà soát …"),
the way the official sees the row in Excel; a line break inside a cell is written " ↵ ". The blocks
are ``SheetTable``s: the tables every reader produces, plus the sheet name and the printed number
of each row, so a message can say "Trang “Nhiệm vụ”, dòng 5".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.plandoc.document import Cell, Document, Row, Segment, Span, Table

CELL_BREAK = " ↵ "


@dataclass
class SheetTable(Table):
    """A sheet as a table: ``numbers[i]`` is the printed row number of ``rows[i]``."""

    sheet: str = ""
    numbers: list[int] = field(default_factory=list)


@dataclass
class SheetRows:
    """A sheet as read: its name and its non-empty rows as (row number, cell texts)."""

    name: str
    rows: list[tuple[int, list[str]]] = field(default_factory=list)


def sheet_document(name: str, sheets: list[SheetRows], fmt: str = "xlsx") -> Document:
    """The canonical text and ``SheetTable`` blocks of ``sheets`` (empty sheets are kept, with no row)."""
    parts: list[str] = []
    offset = 0
    blocks = []

    def write(text: str) -> Span:
        nonlocal offset
        parts.append(text)
        start, offset = offset, offset + len(text)
        return Span(start, offset)

    for sheet in sheets:
        start = offset
        table = SheetTable(rows=[], span=Span(start, start), sheet=sheet.name)
        for number, texts in sheet.rows:
            row_start = offset
            write(f"{sheet.name}!A{number}")
            cells = []
            for text in texts:
                write("\t")
                cells.append(_cell(text, write))
            write("\n")
            table.rows.append(Row(cells=cells, span=Span(row_start, offset - 1)))
            table.numbers.append(number)
        table.span = Span(start, offset)
        blocks.append(table)
        write("\n")
    return Document(name=name, text="".join(parts), blocks=blocks, format=fmt)


def _cell(text: str, write) -> Cell:
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    segments = []
    for index, line in enumerate(lines):
        if index:
            write(CELL_BREAK)
        segments.append(Segment(line, write(line)))
    if not segments:
        return Cell(text="", span=write(""))
    return Cell(text="\n".join(lines), span=Span.cover([s.span for s in segments]), segments=segments)
