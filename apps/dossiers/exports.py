"""Files the dossier register hands out: the canonical import template and the error report."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from apps.dossiers.models import DossierImport
from core.dossiers.fields import ALL_COLUMNS, CANONICAL_COLUMNS, COLUMN_HELP, REQUIRED_COLUMNS
from core.xlsx_safe import safe_row, workbook_bytes

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXAMPLE = ["000.00.20.H56-250701-0001", "1.001193", "Đăng ký khai sinh", "HT", "xã Ngọc Liên", "2",
           "20250701080510", "20250701081502", "20250702170000", "20250702101500", "20250702143000", "10",
           "0", "0", "0", "", "", "1", "1", "0"]  # fmt: skip


def template_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CANONICAL_COLUMNS)
    writer.writerow(EXAMPLE)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # the BOM makes Excel read UTF-8


def template_xlsx() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Hồ sơ"
    ws.append(list(CANONICAL_COLUMNS))
    ws.append(EXAMPLE)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for i in range(1, len(CANONICAL_COLUMNS) + 1):
        ws.cell(2, i).number_format = "@"  # codes and dates stay text, as exported
        ws.column_dimensions[ws.cell(1, i).column_letter].width = 20
    guide = wb.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Ý nghĩa", "Bắt buộc"])
    for column in ALL_COLUMNS:
        guide.append([column, COLUMN_HELP[column], "có" if column in REQUIRED_COLUMNS else ""])
    guide.append([])
    guide.append(["Ngày", "yyyyMMddHHmmss, yyyy-mm-dd hoặc dd/mm/yyyy (có thể kèm giờ:phút)", ""])
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 26, 80
    return workbook_bytes(wb)


def _error_rows(imp: DossierImport):
    return imp.row_errors.order_by("row", "id").values_list("row", "code", "column", "message").iterator(2000)


def errors_csv(imp: DossierImport) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Dòng", "Mã hồ sơ", "Cột", "Lỗi"])
    for row in _error_rows(imp):
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def errors_xlsx(imp: DossierImport) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Lỗi")
    ws.append(safe_row(ws, [f"Báo cáo lỗi nhập tệp {imp.file_name}"]))
    ws.append(safe_row(ws, ["Dòng", "Mã hồ sơ", "Cột", "Lỗi"]))
    for row in _error_rows(imp):
        ws.append(safe_row(ws, list(row)))
    return workbook_bytes(wb)
