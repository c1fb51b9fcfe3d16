"""The statistics annex (phụ lục số liệu) as an Excel workbook, ready to print.

Each sheet prints on landscape A4, fitted to the page width, with its column-header row repeated
on every page (print titles), wrapped text, fixed column widths, page numbers in the footer, and
numbers in the Vietnamese locale (the ``[$-42A]`` prefix asks Excel for Vietnamese separators:
"97,5%", "1.250").
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.plandoc.model import AREAS
from core.reporting.data import ReportData
from core.reporting.docx_report import commune_status
from core.reporting.facts import TASK_STATE_LABELS, TaskState, agency_table, count_tasks, counts_by
from core.reporting.targets import COMPARATOR_TEXT, VERDICT_LABELS
from core.text import capitalise_first
from core.xlsx_safe import workbook_bytes

FONT = "Times New Roman"
HEADER_ROW = 4  # rows 1-3: title, unit and period, blank
PERCENT_FORMAT = "[$-42A]0.0%"
NUMBER_FORMAT = "[$-42A]#,##0.##"
INTEGER_FORMAT = "[$-42A]#,##0"
_thin = Side(style="thin", color="000000")
BORDER = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _sheet(
    wb: Workbook, title: str, heading: str, data: ReportData, columns: list[tuple[str, float]]
) -> Worksheet:
    ws = wb.create_sheet(title)
    ws["A1"] = heading
    ws["A1"].font = Font(name=FONT, size=13, bold=True)
    ws["A2"] = capitalise_first(
        f"{data.unit_name} — kỳ {data.period_title} (số liệu từ {data.period_start:%d/%m/%Y} đến {data.period_end:%d/%m/%Y})"
    )
    ws["A2"].font = Font(name=FONT, size=12, italic=True)
    last = get_column_letter(len(columns))
    ws.merge_cells(f"A1:{last}1")
    ws.merge_cells(f"A2:{last}2")
    for i, (name, width) in enumerate(columns, 1):
        cell = ws.cell(HEADER_ROW, i, name)
        cell.font = Font(name=FONT, size=11, bold=True)
        cell.alignment, cell.border = CENTER, BORDER
        cell.fill = PatternFill("solid", fgColor="E8F0F8")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.freeze_panes = f"A{HEADER_ROW + 1}"  # a string: ws.cell() would create an empty row
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left, ws.page_margins.right = 0.6, 0.4
    ws.oddFooter.center.text = "Trang &P/&N"
    return ws


def _row(ws: Worksheet, values: list, formats: dict[int, str] | None = None, bold: bool = False) -> None:
    r = ws.max_row + 1
    for i, value in enumerate(values, 1):
        cell = ws.cell(r, i, value)
        cell.font = Font(name=FONT, size=11, bold=bold)
        cell.alignment, cell.border = WRAP, BORDER
        if formats and i in formats and isinstance(value, int | float):
            cell.number_format = formats[i]


def _as_number(value: float | None, unit: str):
    """A value as Excel stores it: percentages as fractions (shown "97,5%"), others as is."""
    if value is None:
        return "Chưa có số liệu"
    return value / 100 if unit == "%" else value


def _tasks(wb: Workbook, data: ReportData) -> None:
    columns = [
        ("STT", 6),
        ("Lĩnh vực", 18),
        ("Nhiệm vụ", 48),
        ("Cơ quan chủ trì", 20),
        ("Cơ quan phối hợp", 18),
        ("Thời hạn", 16),
        ("Hạn gần nhất", 12),
        ("Tình trạng", 16),
        ("Tiến độ", 9),
        ("Kết quả thực hiện", 48),
        ("Tài liệu kiểm chứng", 30),
    ]
    if data.communes:
        columns.insert(1, ("Đơn vị", 18))
    ws = _sheet(wb, "Nhiệm vụ", "BIỂU 1. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", data, columns)
    pct_col = len(columns) - 2
    for i, t in enumerate(data.tasks, 1):
        values = [
            i,
            AREAS.get(t.area, t.area),
            capitalise_first(t.content),
            ", ".join(t.lead),
            ", ".join(t.coordinating),
            t.deadline_text,
            t.due.strftime("%d/%m/%Y") if t.due else "",
            TASK_STATE_LABELS.get(t.state, t.state),
            t.percent / 100 if t.percent is not None else "",
            capitalise_first(t.result) or "Chưa có báo cáo",
            "\n".join(f"{e.title} {e.ref}".strip() for e in t.evidence),
        ]
        if data.communes:
            values.insert(1, t.unit)
        _row(ws, values, {pct_col: PERCENT_FORMAT})
    if not data.tasks:
        _row(ws, ["", "Chưa có nhiệm vụ nào trên hệ thống trong kỳ."] + [""] * (len(columns) - 2))


def _counts(wb: Workbook, data: ReportData) -> None:
    columns = [("Lĩnh vực / cơ quan chủ trì", 44), ("Tổng số", 10)] + [
        (TASK_STATE_LABELS[s], 14) for s in TaskState
    ]
    columns.append(("Tỷ lệ hoàn thành", 12))
    ws = _sheet(
        wb, "Tổng hợp", "BIỂU 2. TỔNG HỢP SỐ NHIỆM VỤ THEO LĨNH VỰC VÀ CƠ QUAN CHỦ TRÌ", data, columns
    )
    formats = {i: INTEGER_FORMAT for i in range(2, len(columns))} | {len(columns): PERCENT_FORMAT}

    def emit(rows, bold_total=False):
        for c in rows:
            rate = c.done / c.total if c.total else ""
            _row(
                ws,
                [c.label, c.total] + [c[s] for s in TaskState] + [rate],
                formats,
                bold=bold_total and c.label == "Tổng cộng",
            )

    emit(counts_by(data.tasks, lambda t: [AREAS.get(t.area, t.area)]) + [count_tasks(data.tasks)], True)
    _row(ws, ["Theo cơ quan chủ trì"] + [""] * (len(columns) - 1), bold=True)
    rows, note = agency_table(data.tasks)
    emit(rows, True)
    if note:
        _row(ws, [note] + [""] * (len(columns) - 1))
        r = ws.max_row
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(columns))
        ws.cell(r, 1).font = Font(name=FONT, size=11, italic=True)


def _indicators(wb: Workbook, data: ReportData) -> None:
    columns = [
        ("STT", 6),
        ("Chỉ tiêu", 50),
        ("Chỉ số", 22),
        ("So sánh", 8),
        ("Mức chỉ tiêu", 12),
        ("Kết quả kỳ này", 13),
        ("Đánh giá", 14),
        ("Nguồn số liệu", 24),
        ("Ghi chú, kiểm chứng", 30),
    ]
    ws = _sheet(wb, "Chỉ tiêu", "BIỂU 3. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", data, columns)
    for i, ind in enumerate(data.indicators, 1):
        fmt = PERCENT_FORMAT if ind.unit == "%" else NUMBER_FORMAT
        target = _as_number(ind.target_value, ind.unit) if ind.target_value is not None else ""
        _row(
            ws,
            [
                i,
                ind.target_text or ind.name,
                ind.name,
                COMPARATOR_TEXT.get(ind.comparator, ind.comparator),
                target,
                _as_number(ind.value, ind.unit),
                VERDICT_LABELS.get(ind.verdict, ind.verdict),
                ind.source,
                ind.evidence_note,
            ],
            {5: fmt, 6: fmt},
        )
    if not data.indicators:
        _row(ws, ["", "Kế hoạch không có chỉ tiêu định lượng để theo dõi."] + [""] * (len(columns) - 2))


def _communes(wb: Workbook, data: ReportData) -> None:
    columns = [
        ("STT", 6),
        ("Đơn vị", 26),
        ("Báo cáo", 16),
        ("Hạn gửi", 12),
        ("Ngày gửi", 12),
        ("Nguồn số liệu", 20),
        ("Số nhiệm vụ", 11),
        ("Hoàn thành", 11),
        ("Quá hạn", 10),
        ("Chỉ tiêu đạt", 11),
        ("Chỉ tiêu có số liệu", 12),
    ]
    ws = _sheet(
        wb, "Đơn vị cấp dưới", "BIỂU 4. TÌNH HÌNH BÁO CÁO VÀ KẾT QUẢ CỦA CÁC ĐƠN VỊ CẤP DƯỚI", data, columns
    )
    formats = {i: INTEGER_FORMAT for i in range(7, 12)}
    for i, c in enumerate(data.communes, 1):
        done = c.counts.get(TaskState.DONE_ON_TIME, 0) + c.counts.get(TaskState.DONE_LATE, 0)
        _row(
            ws,
            [
                i,
                c.name,
                commune_status(c),
                c.due.strftime("%d/%m/%Y") if c.due else "",
                c.submitted_on.strftime("%d/%m/%Y") if c.submitted_on else "",
                c.source,
                sum(c.counts.values()),
                done,
                c.counts.get(TaskState.OVERDUE, 0),
                c.indicators_met,
                c.indicators_with_data,
            ],
            formats,
        )


def build_annex(data: ReportData) -> bytes:
    """The annex workbook as XLSX bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    _tasks(wb, data)
    _counts(wb, data)
    _indicators(wb, data)
    if data.communes:
        _communes(wb, data)
    return workbook_bytes(wb)  # texts typed as formulas stay text
