"""The procedure catalogue from a spreadsheet: all rows or none, with the problems row by row.

Rows update the procedure with the same code (and create its sector when new), so importing the
provincial list again after a decision that amends it is the way to keep it current.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook

from apps.accounts.policy import require
from apps.audit.context import acting_as
from apps.dossiers.models import Procedure, Sector
from core.dossiers.catalogue import HEADERS, read_procedure
from core.dossiers.synthetic import PROCEDURES, SECTORS
from core.xlsx_safe import workbook_bytes

MAX_ROWS = 20000
MAX_BYTES = 10 * 1024 * 1024


@dataclass
class CatalogueResult:
    errors: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    sectors_created: int = 0


def template_bytes() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh mục TTHC"
    ws.append(list(HEADERS))
    sectors = dict(SECTORS)
    labels = {"full": "toàn trình", "partial": "một phần", "none": "không"}
    for p in PROCEDURES[:3]:
        ws.append([p.code, p.name, p.sector_code, sectors[p.sector_code], "xã", p.days, "ngày làm việc",
                   "có" if p.fee else "không", labels[p.online_level]])  # fmt: skip
    for i, width in enumerate((14, 60, 12, 30, 18, 12, 22, 14, 22)):
        ws.column_dimensions[chr(65 + i)].width = width
    return workbook_bytes(wb)


def _rows(data: bytes):
    if len(data) > MAX_BYTES:
        raise ValidationError("Tệp quá lớn (tối đa 10 MB).")
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise ValidationError("Tệp không phải Excel .xlsx.") from None
    ws = wb.worksheets[0]
    for number, values in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        if number > MAX_ROWS + 1:
            raise ValidationError(f"Tệp có quá {MAX_ROWS} dòng.")
        if any(v not in (None, "") for v in values):
            yield number, values


def import_catalogue(actor, data: bytes) -> CatalogueResult:
    """Import the catalogue sheet; nothing is saved when any row is wrong."""
    require(actor, "dossiers.catalogue")
    result = CatalogueResult()
    parsed = []
    seen: dict[str, int] = {}
    for number, values in _rows(data):
        row, errors = read_procedure(list(values))
        result.errors += [f"Dòng {number}: {e}" for e in errors]
        if row is not None:
            if row.code in seen:
                result.errors.append(f"Dòng {number}: mã TTHC {row.code} đã có ở dòng {seen[row.code]}.")
            seen[row.code] = number
            parsed.append(row)
    if result.errors or not parsed:
        if not parsed and not result.errors:
            result.errors.append("Tệp không có dòng thủ tục nào.")
        return result
    with transaction.atomic(), acting_as(actor):
        sectors = {s.code: s for s in Sector.objects.all()}
        for row in parsed:
            sector = sectors.get(row.sector_code)
            if sector is None:
                sector = sectors[row.sector_code] = Sector.objects.create(
                    code=row.sector_code, name=row.sector_name
                )
                result.sectors_created += 1
            _, created = Procedure.objects.update_or_create(
                code=row.code,
                defaults={
                    "name": row.name, "sector": sector, "level": row.level, "processing_time": row.processing_time,
                    "time_unit": row.time_unit, "has_fee": row.has_fee, "online_level": row.online_level,
                },
            )  # fmt: skip
            result.created += created
            result.updated += not created
    return result
