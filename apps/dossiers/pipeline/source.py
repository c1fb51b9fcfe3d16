"""Open an export file: what it is (by content, not by name), its encoding, delimiter and header, and
which of its columns are the canonical ones.

A file that cannot be imported at all (not CSV/XLSX, too large, a required column missing, two
columns claiming the same field) is refused here, before any row is read, with one Vietnamese
sentence saying what to fix.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from openpyxl import load_workbook

from core.dossiers.fields import ALL_COLUMNS, COLUMN_HELP, REQUIRED_COLUMNS
from core.text import fold

SNIFF_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t", "|")


class SourceError(Exception):
    """The whole file is refused; the message says why, in Vietnamese."""


def column_key(name: str) -> str:
    """A header compared loosely: "Mã hồ sơ", "ma_ho_so" and "MaHoSo" are the same column."""
    return "".join(ch for ch in fold(name or "") if ch.isalnum())


CANONICAL_KEYS: dict[str, str] = {column_key(c): c for c in ALL_COLUMNS}


def max_bytes() -> int:
    return int(getattr(settings, "DOSSIER_IMPORT_MAX_BYTES", 1024 * 1024 * 1024))


@dataclass
class Source:
    path: Path
    kind: str  # "csv" | "xlsx"
    header: list[str]
    columns: dict[str, int]  # canonical name -> position in the file
    ignored: list[str] = field(default_factory=list)  # file columns matched to nothing
    encoding: str = "utf-8"
    delimiter: str = ","
    data_offset: int = 0  # first byte after the header line (CSV)
    size: int = 0

    @property
    def pg_encoding(self) -> str:
        return {"utf-8": "UTF8", "utf-8-sig": "UTF8", "cp1258": "WIN1258"}[self.encoding]


def _detect_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut by the sample's end
            return "utf-8"
    try:
        head.decode("cp1258")
        return "cp1258"
    except UnicodeDecodeError:
        raise SourceError("Không đọc được bảng mã của tệp (cần UTF-8 hoặc Windows-1258).") from None


def _header_line(text: str) -> tuple[str, str]:
    """The header line (up to the first line break outside quotes) and the delimiter."""
    reader_text = text.split("\n", 1)[0].rstrip("\r")
    counts = {d: reader_text.count(d) for d in DELIMITERS}
    delimiter = max(counts, key=counts.get) if any(counts.values()) else ","
    return reader_text, delimiter


def match_columns(header: list[str], mapping: dict[str, str] | None) -> tuple[dict[str, int], list[str]]:
    """Canonical column -> file position, by a remembered mapping (canonical -> file header) or by
    name (accents, case, spaces and underscores ignored). Refuses missing or doubled columns."""
    positions = {column_key(h): i for i, h in enumerate(header) if h.strip()}
    found: dict[str, int] = {}
    if mapping:
        for canonical, name in mapping.items():
            if canonical in ALL_COLUMNS and name and column_key(name) in positions:
                found[canonical] = positions[column_key(name)]
    for i, h in enumerate(header):
        canonical = CANONICAL_KEYS.get(column_key(h))
        if canonical and canonical not in found and i not in found.values():
            found[canonical] = i
    doubled = [c for c in set(found) if list(found.values()).count(found[c]) > 1]
    if doubled:
        raise SourceError(f"Một cột của tệp được gán cho nhiều trường: {', '.join(sorted(doubled))}.")
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        shown = ", ".join(f"“{h}”" for h in header[:30] if h.strip())
        raise SourceError(
            f"Thiếu cột bắt buộc: {', '.join(missing)} ({'; '.join(COLUMN_HELP[m] for m in missing)}). "
            f"Tệp có các cột: {shown}. Dùng mẫu chuẩn, hoặc khai báo ánh xạ cột cho nguồn dữ liệu này."
        )
    used = set(found.values())
    ignored = [h for i, h in enumerate(header) if i not in used and h.strip()]
    return found, ignored


def open_source(path: Path, mapping: dict[str, str] | None = None) -> Source:
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError as exc:
        raise SourceError(f"Không mở được tệp: {exc.strerror or exc}.") from exc
    limit = max_bytes()
    if size > limit:
        raise SourceError(
            f"Tệp quá lớn ({size / 1024**3:.1f} GB; tối đa {limit / 1024**3:.1f} GB). "
            "Hãy tách theo tháng hoặc theo đơn vị rồi nhập từng tệp."
        )
    if not head.strip():
        raise SourceError("Tệp rỗng.")
    if head.startswith(b"PK\x03\x04"):
        return _open_xlsx(path, size, mapping)
    if b"\x00" in head:
        raise SourceError("Tệp không phải CSV hay Excel .xlsx (nội dung nhị phân).")
    encoding = _detect_encoding(head)
    text = head.decode(encoding, errors="ignore")
    line, delimiter = _header_line(text)
    header = next(csv.reader([line], delimiter=delimiter))
    columns, ignored = match_columns(header, mapping)
    offset = len(line.encode(encoding)) + (3 if encoding == "utf-8-sig" else 0)
    rest = head[offset:]
    offset += 2 if rest.startswith(b"\r\n") else (1 if rest[:1] in (b"\n", b"\r") else 0)
    return Source(path, "csv", header, columns, ignored, encoding, delimiter, offset, size)


def _open_xlsx(path: Path, size: int, mapping) -> Source:
    try:
        with zipfile.ZipFile(path) as z:
            if "xl/workbook.xml" not in z.namelist():
                raise SourceError("Tệp nén không phải Excel .xlsx.")
    except zipfile.BadZipFile:
        raise SourceError("Tệp Excel bị hỏng hoặc không phải .xlsx.") from None
    header = next(_xlsx_rows(path), (1, []))[1]
    columns, ignored = match_columns([_cell_text(v) for v in header], mapping)
    return Source(path, "xlsx", [_cell_text(v) for v in header], columns, ignored, size=size)


def _cell_text(value) -> str:
    return "" if value is None else str(value).strip()


def _xlsx_rows(path: Path) -> Iterator[tuple[int, list]]:
    """(spreadsheet row number, values) of the first sheet's non-empty rows, streamed."""
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            if any(v not in (None, "") for v in row):
                yield number, list(row)
    finally:
        wb.close()


def data_rows(source: Source) -> Iterator[tuple[int, list]]:
    """(row number as a spreadsheet shows it, values) of every data row after the header."""
    if source.kind == "xlsx":
        rows = _xlsx_rows(source.path)
        next(rows, None)
        yield from rows
        return
    with source.path.open("rb") as raw:
        raw.seek(source.data_offset)
        text = io.TextIOWrapper(raw, encoding=source.encoding, errors="replace", newline="")
        number = 1
        for values in csv.reader(text, delimiter=source.delimiter):
            number += 1
            if values and any(v.strip() for v in values):
                yield number, values
