"""Import org units and agencies from an XLSX sheet: all rows or none, with a report row by row.

The template has two sheets, "Đơn vị" and "Cơ quan". Every row is validated first against the
database and the rows above it; if any row is wrong nothing is saved and the official gets the list
of rows to fix.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException

from apps.accounts.policy import can
from apps.audit.context import acting_as
from apps.orgs.models import Agency, Alias, OrgUnit
from core.text import clean, fold
from core.xlsx_safe import workbook_bytes

UNIT_SHEET = "Đơn vị"
AGENCY_SHEET = "Cơ quan"
UNIT_HEADERS = ["Tên đơn vị", "Cấp (tỉnh/huyện/xã)", "Đơn vị cấp trên", "Mã đơn vị"]
AGENCY_HEADERS = [
    "Đơn vị hành chính",
    "Tên cơ quan",
    "Tên viết tắt",
    "Loại",
    "Tên gọi khác (cách nhau bởi dấu ;)",
]
LEVELS = {
    "tinh": "province",
    "thanh pho": "province",
    "huyen": "district",
    "thi xa": "district",
    "xa": "commune",
    "phuong": "commune",
    "dac khu": "commune",
    "province": "province",
    "district": "district",
    "commune": "commune",
}
KINDS = {fold(str(label)): value for value, label in Agency.Kind.choices} | {
    fold(v): v for v in Agency.Kind.values
}
MAX_ROWS = 5000


@dataclass
class ImportResult:
    errors: list[str] = field(default_factory=list)
    units_created: int = 0
    agencies_created: int = 0
    aliases_created: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def template_bytes() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = UNIT_SHEET
    ws.append(UNIT_HEADERS)
    ws.append(["tỉnh Thanh Hóa", "tỉnh", "", "38"])
    ws.append(["xã Ngọc Liên", "xã", "tỉnh Thanh Hóa", ""])
    ws2 = wb.create_sheet(AGENCY_SHEET)
    ws2.append(AGENCY_HEADERS)
    ws2.append(
        [
            "xã Ngọc Liên",
            "Phòng Văn hóa - Xã hội",
            "VHXH",
            "Phòng, ban chuyên môn",
            "Phòng VHXH; Phòng Văn hoá - Xã hội",
        ]
    )
    for sheet in (ws, ws2):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
        for col in "ABCDE":
            sheet.column_dimensions[col].width = 32
    return workbook_bytes(wb)


def _rows(ws):
    for index, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        values = [clean(str(v)) if v is not None else "" for v in row]
        if any(values):
            yield index, values + [""] * 5


class _Importer:
    def __init__(self, actor, result: ImportResult):
        self.actor = actor
        self.result = result
        self.units = {fold(u.name): u for u in OrgUnit.objects.all()}

    def error(self, sheet: str, row: int, message: str) -> None:
        self.result.errors.append(f'Trang "{sheet}", dòng {row}: {message}')

    def unit_rows(self, ws) -> None:
        for row, (name, level_text, parent_name, code, *_rest) in _rows(ws):
            level = LEVELS.get(fold(level_text))
            if not name:
                self.error(UNIT_SHEET, row, "thiếu tên đơn vị.")
                continue
            if level is None:
                self.error(UNIT_SHEET, row, f'cấp "{level_text}" không hợp lệ (ghi tỉnh, huyện hoặc xã).')
                continue
            parent = self.units.get(fold(parent_name)) if parent_name else None
            if parent_name and parent is None:
                self.error(
                    UNIT_SHEET,
                    row,
                    f'không tìm thấy đơn vị cấp trên "{parent_name}" (khai báo ở dòng trên hoặc đã có).',
                )
                continue
            if fold(name) in self.units:
                self.error(UNIT_SHEET, row, f'đơn vị "{name}" đã có.')
                continue
            unit = OrgUnit(name=name, level=level, parent=parent, code=code)
            if not self._allowed(unit, row, UNIT_SHEET):
                continue
            self.units[fold(name)] = unit
            self.result.units_created += 1

    def _allowed(self, unit: OrgUnit, row: int, sheet: str) -> bool:
        """May the actor add under ``unit``? Judged at its nearest saved ancestor (or itself)."""
        anchor = unit
        while anchor is not None and anchor.pk is None:
            anchor = anchor.parent
        if anchor is None:
            if not self.actor.is_superuser:
                self.error(sheet, row, "chỉ quản trị hệ thống được tạo đơn vị cấp cao nhất.")
                return False
            return True
        if not can(self.actor, "orgs.manage", anchor):
            self.error(sheet, row, f'bạn không quản trị đơn vị "{anchor}".')
            return False
        return True

    def agency_rows(self, ws) -> list[tuple[Agency, list[str]]]:
        planned: list[tuple[Agency, list[str]]] = []
        seen: set[tuple[str, str]] = set()
        existing = {(fold(u), fold(a)) for u, a in Agency.objects.values_list("org_unit__name", "name")}
        for row, (unit_name, name, short, kind_text, aliases, *_rest) in _rows(ws):
            unit = self.units.get(fold(unit_name))
            if unit is None:
                self.error(AGENCY_SHEET, row, f'không tìm thấy đơn vị "{unit_name}".')
                continue
            if not name:
                self.error(AGENCY_SHEET, row, "thiếu tên cơ quan.")
                continue
            key = (fold(unit.name), fold(name))
            if key in existing or key in seen:
                self.error(AGENCY_SHEET, row, f'{unit.name} đã có cơ quan "{name}" (trùng tên).')
                continue
            kind = KINDS.get(fold(kind_text), Agency.Kind.OTHER if kind_text else Agency.Kind.DIVISION)
            if not self._allowed(unit, row, AGENCY_SHEET):
                continue
            seen.add(key)
            planned.append(
                (
                    Agency(org_unit=unit, name=name, short_name=short, kind=kind),
                    [a for a in (clean(x) for x in aliases.split(";")) if a],
                )
            )
        return planned


def import_xlsx(actor, data: bytes) -> ImportResult:
    """Validate the whole workbook, then save everything in one transaction, or nothing."""
    result = ImportResult()
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError, zipfile.BadZipFile):
        result.errors.append("Không đọc được tệp: cần tệp Excel .xlsx theo mẫu.")
        return result
    if UNIT_SHEET not in wb.sheetnames and AGENCY_SHEET not in wb.sheetnames:
        result.errors.append(f'Tệp không có trang "{UNIT_SHEET}" hoặc "{AGENCY_SHEET}" như tệp mẫu.')
        return result
    if sum(ws.max_row or 0 for ws in wb.worksheets) > MAX_ROWS:
        result.errors.append(f"Tệp quá lớn: tối đa {MAX_ROWS} dòng mỗi lần nhập.")
        return result
    importer = _Importer(actor, result)
    if UNIT_SHEET in wb.sheetnames:
        importer.unit_rows(wb[UNIT_SHEET])
    planned = importer.agency_rows(wb[AGENCY_SHEET]) if AGENCY_SHEET in wb.sheetnames else []
    if result.errors:
        result.units_created = 0
        return result
    with acting_as(actor), transaction.atomic():
        for unit in importer.units.values():
            _save_new_unit(unit)
        for agency, aliases in planned:
            agency.org_unit = importer.units[fold(agency.org_unit.name)]
            agency.save()
            result.agencies_created += 1
            for text in aliases:
                if not Alias.objects.filter(org_unit=agency.org_unit, key=fold(text)).exists():
                    Alias.objects.create(org_unit=agency.org_unit, text=text, agency=agency, created_by=actor)
                    result.aliases_created += 1
    return result


def _save_new_unit(unit: OrgUnit) -> None:
    if unit.pk is not None:
        return
    if unit.parent is not None and unit.parent.pk is None:
        _save_new_unit(unit.parent)
    unit.save()
