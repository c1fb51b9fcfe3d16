"""The coverage matrix as an XLSX workbook an office prints: the header repeated on every page,
the unit column and header rows frozen on screen, widths set, landscape A3 fitted to the width.

Three sheets: tasks (units x superior tasks), targets (units x superior targets, weaker values
marked), and the list of superior tasks the column codes stand for.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apps.review.coverage import APPLIES_LABELS, STATUS_LABELS, STATUS_SYMBOLS, CoverageView
from cchc import clock
from core.xlsx_safe import workbook_bytes

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
FILLS = {
    "covered": PatternFill("solid", fgColor="DAFBE1"),
    "adapted": PatternFill("solid", fgColor="FFF8C5"),
    "missing": PatternFill("solid", fgColor="FFEBE9"),
}
WEAK_FONT = Font(bold=True, color="B3261E")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
HEADER_ROW = 4  # rows 1-3: title, superior plan, legend


def _named_styles(wb: Workbook) -> None:
    """One named style per kind of body cell. Setting fill, font, border one by one costs openpyxl a
    hash of each style object per cell (3.8 s for 200 x 60 cells); a named style is one copy."""
    for status, fill in FILLS.items():
        for suffix, font in (("", Font()), ("_na", Font(color="999999")), ("_weak", WEAK_FONT)):
            wb.add_named_style(
                NamedStyle(name=f"cv_{status}{suffix}", fill=fill, font=font, alignment=CENTER, border=BORDER)
            )
    wb.add_named_style(NamedStyle(name="cv_plain", border=BORDER))
    wb.add_named_style(NamedStyle(name="cv_wrap", border=BORDER, alignment=WRAP))


def _setup_print(ws: Worksheet, last_header_row: int, title_cols: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{last_header_row}"
    ws.print_title_cols = title_cols
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "Trang &P / &N"


def _title(ws: Worksheet, view: CoverageView, what: str, legend: str) -> None:
    ws["A1"] = f"{what} — {view.superior.org_unit}"
    ws["A1"].font = TITLE
    ws["A2"] = f"Kế hoạch cấp trên: {view.superior.title}"
    ws["A3"] = f"{legend} Xuất ngày {clock.today():%d/%m/%Y}."
    ws["A3"].font = Font(italic=True, size=9)


def _header(ws: Worksheet, row: int, col: int, value, *, width: float | None = None) -> None:
    cell = ws.cell(row=row, column=col, value=value)
    cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEADER_FILL, CENTER, BORDER
    if width is not None:
        ws.column_dimensions[get_column_letter(col)].width = width


def _tasks_sheet(ws: Worksheet, view: CoverageView) -> None:
    legend = "; ".join(f"{STATUS_SYMBOLS[k]} {v}" for k, v in STATUS_LABELS.items())
    areas = "; ".join(f"{short} = {label}" for short, label in view.area_legend())
    _title(
        ws,
        view,
        "Đối chiếu nhiệm vụ của kế hoạch cấp dưới",
        f"Ký hiệu: {legend}; ô mờ: không giao cấp dưới. Lĩnh vực: {areas}.",
    )
    top, sub = HEADER_ROW, HEADER_ROW + 1
    _header(ws, top, 1, "STT", width=5)
    _header(ws, top, 2, "Đơn vị", width=24)
    ws.merge_cells(start_row=top, start_column=1, end_row=sub, end_column=1)
    ws.merge_cells(start_row=top, start_column=2, end_row=sub, end_column=2)
    col = 3
    for short, label, span in view.area_groups():
        _header(ws, top, col, short if span < 3 else label)
        if span < 3:  # the full name of an abbreviated area shows when the cell is pointed at
            ws.cell(row=top, column=col).comment = Comment(label, "CCHC")
        if span > 1:
            ws.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + span - 1)
        col += span
    for j, column in enumerate(view.tasks):
        _header(ws, sub, 3 + j, column.no or "-", width=4.5)
    end = 3 + len(view.tasks)
    for k, label in enumerate(["Có", "Điều chỉnh", "Thiếu", "Tỷ lệ (%)"]):
        _header(ws, top, end + k, label, width=9)
        ws.merge_cells(start_row=top, start_column=end + k, end_row=sub, end_column=end + k)
    greyed = ["_na" if column.applies == "none" else "" for column in view.tasks]
    for i, row in enumerate(view.rows, start=1):
        r = sub + i
        ws.cell(row=r, column=1, value=i).style = "cv_plain"
        ws.cell(row=r, column=2, value=str(row.plan.org_unit)).style = "cv_wrap"
        for j, status in enumerate(row.cells):
            ws.cell(row=r, column=3 + j, value=STATUS_SYMBOLS[status]).style = f"cv_{status}{greyed[j]}"
        for k, value in enumerate(
            [row.counts["covered"], row.counts["adapted"], row.counts["missing"], row.rate]
        ):
            ws.cell(row=r, column=end + k, value=value).style = "cv_plain"
    ws.freeze_panes = ws.cell(row=sub + 1, column=3)
    _setup_print(ws, sub, "A:B")


def _targets_sheet(ws: Worksheet, view: CoverageView) -> None:
    _title(
        ws, view, "Chỉ tiêu của kế hoạch cấp dưới so với cấp trên", "Chữ đỏ đậm: thấp hơn mức cấp trên giao."
    )
    top, sub = HEADER_ROW, HEADER_ROW + 1
    _header(ws, top, 1, "STT", width=5)
    _header(ws, top, 2, "Đơn vị", width=24)
    _header(ws, sub, 1, "")
    _header(ws, sub, 2, "Mức cấp trên")
    for j, target in enumerate(view.targets):
        _header(ws, top, 3 + j, target.text[:120], width=16)
        _header(ws, sub, 3 + j, target.display or "(không định lượng)")
    ws.row_dimensions[top].height = 90
    for i, row in enumerate(view.rows, start=1):
        r = sub + i
        ws.cell(row=r, column=1, value=i).style = "cv_plain"
        ws.cell(row=r, column=2, value=str(row.plan.org_unit)).style = "cv_wrap"
        for j, cell_data in enumerate(row.targets):
            text = cell_data.text or STATUS_LABELS[cell_data.status]
            if cell_data.weaker:
                text += " (thấp hơn)"
            style = f"cv_{cell_data.status}{'_weak' if cell_data.weaker else ''}"
            ws.cell(row=r, column=3 + j, value=text).style = style
    ws.freeze_panes = ws.cell(row=sub + 1, column=3)
    _setup_print(ws, sub, "A:B")


def _list_sheet(ws: Worksheet, view: CoverageView) -> None:
    _title(ws, view, "Danh mục nhiệm vụ của kế hoạch cấp trên", "Mã cột dùng ở trang Nhiệm vụ.")
    heads = [("Mã", 9), ("Lĩnh vực", 22), ("Nội dung nhiệm vụ", 70), ("Giao cấp dưới", 16)]
    heads += [(f"Số đơn vị: {label}", 11) for label in STATUS_LABELS.values()]
    for k, (label, width) in enumerate(heads, start=1):
        _header(ws, HEADER_ROW, k, label, width=width)
    for i, column in enumerate(view.tasks, start=1):
        values = [column.code, column.area_label, column.content, APPLIES_LABELS[column.applies]]
        values += [column.counts[s] for s in STATUS_LABELS]
        for k, value in enumerate(values, start=1):
            ws.cell(row=HEADER_ROW + i, column=k, value=value).style = "cv_wrap"
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    _setup_print(ws, HEADER_ROW, "A:A")
    ws.page_setup.paperSize = ws.PAPERSIZE_A4


def coverage_workbook(view: CoverageView) -> bytes:
    wb = Workbook()
    _named_styles(wb)
    _tasks_sheet(wb.active, view)
    wb.active.title = "Nhiệm vụ"
    _targets_sheet(wb.create_sheet("Chỉ tiêu"), view)
    _list_sheet(wb.create_sheet("Danh mục nhiệm vụ cấp trên"), view)
    return workbook_bytes(wb)  # plan texts typed as formulas stay text
