"""The indicator dashboard and the late-dossier list as Excel workbooks (user text kept as text)."""

from __future__ import annotations

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from apps.indicators import selectors
from apps.indicators.engine import Evaluation
from core import qd766
from core.xlsx_safe import safe_row, workbook_bytes


def _percent(value):
    return None if value is None else round(value / 100, 4)


def dashboard_xlsx(evaluation: Evaluation, rows: list, row_title: str, trend: list) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ số QĐ 766"
    ws.append(
        [
            f"Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) — {evaluation.unit.name}, {evaluation.period.label}"
        ]
    )
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([evaluation.scheme.label])
    ws.append([])
    ws.append(
        [
            "Mã",
            "Chỉ số",
            "Tử số",
            "Mẫu số",
            "Giá trị",
            "Đơn vị",
            "Điểm",
            "Điểm tối đa",
            "Ngưỡng đủ điểm",
            "Nguồn",
        ]
    )
    for r in evaluation.results:
        d = r.definition
        value = _percent(r.value) if d.unit == "%" else r.value
        source = r.source or ("" if d.source == qd766.DOSSIERS else qd766.SOURCE_LABELS[d.source])
        if not r.applies:
            source = (source + "; " if source else "") + "không áp dụng cấp xã (tính đủ điểm)"
        ws.append([d.key, d.name, r.numerator, r.denominator, value, d.unit, r.points, d.max_points,
                   f"{d.threshold:g}%" if d.threshold else "", source])  # fmt: skip
        if d.unit == "%":
            ws.cell(ws.max_row, 5).number_format = "0.00%"
    ws.append(["", "Tổng điểm", "", "", "", "", evaluation.total_points, evaluation.scheme.max_total])
    for col, width in zip("ABCDEFGHIJ", (7, 60, 10, 10, 10, 14, 8, 10, 12, 40), strict=True):
        ws.column_dimensions[col].width = width
    detail = wb.create_sheet(row_title[:31])
    detail.append([row_title, "Hồ sơ tiếp nhận", "Đúng hạn", "Nộp trực tuyến", "Thanh toán trực tuyến",
                   "Kết quả điện tử", "Sử dụng lại dữ liệu", "Điểm từ hồ sơ"])  # fmt: skip
    for row in rows:
        detail.append([row.label, row.received, *[_percent(v) for v in row.values], row.dossier_points])
        for c in range(3, 8):
            detail.cell(detail.max_row, c).number_format = "0.00%"
    detail.column_dimensions["A"].width = 50
    months = wb.create_sheet("Theo tháng")
    months.append(["Tháng", "Giá trị"])
    for label, value in trend:
        months.append([label, value])
    return workbook_bytes(wb)


def late_xlsx(unit, period, rows) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Hồ sơ trễ hạn")
    ws.append(safe_row(ws, [f"Hồ sơ trễ hạn chưa có phiếu xin lỗi — {unit.name}, {period.label}"]))
    ws.append(safe_row(ws, ["Mã hồ sơ", "Thủ tục", "Đơn vị", "Cơ quan xử lý", "Ngày tiếp nhận", "Ngày hẹn trả",
                            "Ngày kết thúc xử lý", "Số lần yêu cầu bổ sung"]))  # fmt: skip
    tz = timezone.get_current_timezone()

    def day(moment):
        return timezone.localtime(moment, tz).replace(tzinfo=None) if moment else None

    for chunk in _chunks(rows, 2000):
        for r in selectors.with_names(chunk):
            proc = r.procedure_obj
            ws.append(safe_row(ws, [r.code, f"{proc.code} — {proc.name}" if proc else "", r.unit_name, r.agency_label,
                                    day(r.received_at), day(r.due_at), day(r.finished_at), r.supplement_count]))  # fmt: skip
    return workbook_bytes(wb)


def _chunks(queryset, size: int):
    batch = []
    for row in queryset.iterator(chunk_size=size):
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
