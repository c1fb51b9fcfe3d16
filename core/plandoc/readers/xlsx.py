"""Read an XLSX workbook (already checked by ``readers.check_zip``) into a ``Document`` of sheets.

openpyxl's read-only mode streams each sheet's XML row by row, so a large workbook is never held
in memory as cell objects; the zip guards have already bounded what the XML can expand to. Values
become the text the official sees in Excel: dates as dd/mm/yyyy, percentages as "80%" (Excel stores
0.8 with a "%" format), whole numbers without ".0". Hidden sheets (lists behind drop-downs) are
skipped. What the rows mean is decided later, by ``core.plandoc.sheets.workbook``.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date, datetime, time

from core.plandoc.document import Document
from core.plandoc.errors import PlanDocError
from core.plandoc.sheets.grid import SheetRows, sheet_document

MAX_COLUMNS = 40
MAX_DATA_ROWS = 5_000  # rows with text, over the whole workbook
MAX_SCANNED_ROWS = 50_000  # rows looked at, empty ones included (formatting can declare a million)
TOO_MANY_ROWS = (
    "Tệp Excel quá lớn: mỗi lần nhập tối đa {limit} dòng có dữ liệu; vui lòng tách thành nhiều tệp."
)


def read_xlsx(data: bytes, filename: str) -> Document:
    """The visible sheets of the workbook, one ``SheetTable`` each; ``PlanDocError`` on bad input."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError) as exc:
        raise PlanDocError("corrupt", detail=f"openpyxl: {exc}") from None
    try:
        sheets = _read_sheets(book)
    except (KeyError, ValueError, TypeError, IndexError, zipfile.BadZipFile) as exc:
        raise PlanDocError("corrupt", detail=f"openpyxl rows: {exc}") from None
    finally:
        book.close()
    if not any(sheet.rows for sheet in sheets):
        raise PlanDocError(
            "empty",
            "Tệp Excel không có dữ liệu: các trang tính đều trống. Hãy tải tệp mẫu, điền nhiệm vụ, "
            "chỉ tiêu rồi tải lên lại.",
        )
    return sheet_document(filename, sheets)


def _read_sheets(book) -> list[SheetRows]:
    sheets: list[SheetRows] = []
    data_rows = scanned = 0
    for ws in book.worksheets:
        if getattr(ws, "sheet_state", "visible") != "visible":
            continue
        sheet = SheetRows(ws.title)
        number = 0
        for row in ws.iter_rows(max_col=MAX_COLUMNS):
            number = next((c.row for c in row if getattr(c, "row", None)), number + 1)
            scanned += 1
            if scanned > MAX_SCANNED_ROWS:
                raise PlanDocError(
                    "too_large", TOO_MANY_ROWS.format(limit=f"{MAX_DATA_ROWS:,}".replace(",", "."))
                )
            texts = [cell_text(c.value, getattr(c, "number_format", None)) for c in row]
            while texts and not texts[-1]:
                texts.pop()
            if not texts:
                continue
            data_rows += 1
            if data_rows > MAX_DATA_ROWS:
                raise PlanDocError(
                    "too_large", TOO_MANY_ROWS.format(limit=f"{MAX_DATA_ROWS:,}".replace(",", "."))
                )
            sheet.rows.append((number, texts))
        sheets.append(sheet)
    return sheets


def cell_text(value: object, number_format: str | None = None) -> str:
    """A cell's value as the text Excel shows for it (the part of its format that carries meaning)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, int | float):
        if number_format and "%" in number_format:
            return f"{plain_number(value * 100)}%"
        return plain_number(value)
    text = unicodedata.normalize("NFC", str(value)).replace("_x000D_", "")
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def plain_number(value: float) -> str:
    """1 -> "1", 2.5 -> "2.5", 80.00000000001 -> "80" (float noise of a percentage times 100)."""
    rounded = round(float(value), 6)
    if rounded.is_integer():
        return str(int(rounded))
    return f"{rounded:.6f}".rstrip("0").rstrip(".")
