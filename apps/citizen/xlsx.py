"""The results of a survey round as an Excel workbook: per factor and unit (responses, percent,
95% interval), per question, the official SIPAS of the year in separate columns, and the responses.

Every cell goes through ``put``, the one place user text enters a sheet: a string is stored as
text, never as a formula, and one that a spreadsheet would read as a formula (= + - @, a leading
tab or carriage return) gets Excel's quote prefix, so ``=HYPERLINK(...)`` typed in a comment stays
words. (Branch ``sec`` adds the project-wide helper ``core/xlsx_safe``; once it is on main, ``put``
calls its ``protect``.)
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from apps.citizen.survey_results import RoundResults
from core.satisfaction import FACTORS, LIKERT

RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r")
PERCENT = "0.00"
BOLD = Font(bold=True)


def put(ws, row: int, col: int, value, *, number_format: str | None = None, bold: bool = False):
    """Write one cell; strings are text (quote-prefixed when they look like a formula)."""
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(RISKY_STARTS):
            cell.quotePrefix = True
    if number_format:
        cell.number_format = number_format
    if bold:
        cell.font = BOLD
    return cell


def _header(ws, row: int, names: list[str], widths: list[int]) -> None:
    for i, (name, width) in enumerate(zip(names, widths, strict=True), 1):
        put(ws, row, i, name, bold=True).alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width


def _estimate(ws, row: int, col: int, est) -> None:
    put(ws, row, col, est.n)
    for j, v in enumerate((est.percent, est.low, est.high), 1):
        put(ws, row, col + j, v, number_format=PERCENT)


def _factors_sheet(wb: Workbook, res: RoundResults) -> None:
    ws = wb.active
    ws.title = "Theo yếu tố"
    put(ws, 1, 1, f"Kết quả khảo sát: {res.round.title}", bold=True)
    put(
        ws,
        2,
        1,
        "Khảo sát của địa phương (không phải Chỉ số SIPAS của Bộ Nội vụ); khoảng tin cậy 95% (Wilson).",
    )
    names = ["Đơn vị", "Yếu tố", "Số phiếu", "Tỷ lệ hài lòng (%)", "Cận dưới (%)", "Cận trên (%)",
             "SIPAS chính thức (%)"]  # fmt: skip
    _header(ws, 4, names, [28, 44, 10, 14, 12, 12, 16])
    row = 5
    for unit, result in [*res.units, (None, res.overall)]:
        label = unit.name if unit else "Tất cả đơn vị"
        official = res.official.get(unit.pk, {}) if unit else {}
        for f in result.factors:
            put(ws, row, 1, label)
            put(ws, row, 2, f.name)
            _estimate(ws, row, 3, f.estimate)
            put(ws, row, 7, official.get(f.factor), number_format=PERCENT)
            row += 1
        put(ws, row, 1, label)
        put(ws, row, 2, "Chỉ số chung (trung bình 5 yếu tố)", bold=True)
        _estimate(ws, row, 3, result.index)
        put(ws, row, 7, official.get("index"), number_format=PERCENT)
        row += 1


def _items_sheet(wb: Workbook, res: RoundResults) -> None:
    ws = wb.create_sheet("Theo câu hỏi")
    _header(ws, 1, ["Yếu tố", "Câu hỏi", "Số phiếu", "Tỷ lệ hài lòng (%)", "Cận dưới (%)", "Cận trên (%)"],
            [30, 70, 10, 14, 12, 12])  # fmt: skip
    row = 2
    for f in res.overall.factors:
        for key, est in f.items.items():
            put(ws, row, 1, FACTORS.get(f.factor, f.factor))
            put(ws, row, 2, res.questions.get(key, key))
            _estimate(ws, row, 3, est)
            row += 1


def _responses_sheet(wb: Workbook, res: RoundResults) -> None:
    ws = wb.create_sheet("Phiếu")
    keys = [i.key for i in res.items]
    _header(ws, 1, ["Đơn vị", "Kênh", "Số phiếu giấy", "Ngày", *[f"Câu {n}" for n in range(1, len(keys) + 1)],
                    "Ý kiến khác"], [24, 12, 12, 12, *[8] * len(keys), 50])  # fmt: skip
    rows = res.round.responses.select_related("org_unit").order_by("created_at", "pk")
    for r, resp in enumerate(rows.iterator(chunk_size=2000), start=2):
        put(ws, r, 1, resp.org_unit.name)
        put(ws, r, 2, resp.get_channel_display())
        put(ws, r, 3, resp.form_number)
        put(ws, r, 4, resp.created_at.date(), number_format="DD/MM/YYYY")
        for c, key in enumerate(keys, start=5):
            put(ws, r, c, resp.answers.get(key))
        put(ws, r, 5 + len(keys), resp.comment)
    legend = ws.max_row + 2
    put(ws, legend, 1, "Mức trả lời: " + "; ".join(f"{k} = {v}" for k, v in LIKERT.items()))


def round_workbook(res: RoundResults) -> bytes:
    wb = Workbook()
    _factors_sheet(wb, res)
    _items_sheet(wb, res)
    _responses_sheet(wb, res)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
