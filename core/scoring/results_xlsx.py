"""A round's results as an Excel workbook: the ranking, every criterion per unit, the weakest
criteria. Every cell goes through ``core.scoring.xlsx.put`` (unit names and titles are user text)."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from core.scoring.totals import Scheme, UnitResult, UnitScores, WeakCriterion
from core.scoring.xlsx import put

_BOLD = Font(bold=True)
_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
PERCENT = "0.00"


def _header(ws: Worksheet, row: int, headers: list[str], widths: list[float]) -> None:
    for col, (text, width) in enumerate(zip(headers, widths, strict=True), 1):
        cell = put(ws, row, col, text)
        cell.font, cell.fill, cell.alignment = _BOLD, _FILL, _WRAP
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = ws.cell(row + 1, 3)


def _ranking(ws: Worksheet, title: str, scheme: Scheme, results: list[UnitResult]) -> None:
    put(ws, 1, 1, title).font = Font(bold=True, size=13)
    areas = [f"{a.code}. {a.title} (tối đa {a.max_points:g})" for a in scheme.areas]
    headers = ["Xếp hạng", "Đơn vị", "Điểm tự chấm", "Điểm thẩm định", "Điểm khảo sát", "Tổng điểm"]
    headers += ["Điểm tối đa áp dụng", "Chỉ số (%)", "Xếp loại"] + areas
    _header(ws, 3, headers, [9, 30, 11, 11, 11, 11, 11, 10, 12] + [14] * len(areas))
    for r, res in enumerate(results, 4):
        values = [res.rank, res.unit, res.self_score, res.appraised_score, res.survey_score, res.total]
        values += [res.max, res.percent, res.band] + [
            res.areas.get(a.code, (None, 0))[0] for a in scheme.areas
        ]
        for col, value in enumerate(values, 1):
            cell = put(ws, r, col, value)
            if col == 8:
                cell.number_format = PERCENT


def _per_criterion(
    ws: Worksheet, scheme: Scheme, results: list[UnitResult], scores: dict[str, UnitScores]
) -> None:
    leaves = scheme.leaves
    _header(
        ws,
        1,
        ["Đơn vị"] + [f"{leaf.code} (tối đa {leaf.max_points:g})" for leaf in leaves],
        [30] + [11] * len(leaves),
    )
    for r, res in enumerate(results, 2):
        put(ws, r, 1, res.unit)
        s = scores.get(res.unit)
        for col, leaf in enumerate(leaves, 2):
            if s is None:
                continue
            if leaf.part == "survey":
                value = s.survey_points.get(leaf.code)
            elif leaf.code in s.final_na:
                value = "không áp dụng"
            else:
                value = s.final_points.get(leaf.code)
            put(ws, r, col, value)


def _weakest(ws: Worksheet, weak: list[WeakCriterion]) -> None:
    headers = [
        "Mã",
        "Tiêu chí",
        "Điểm tối đa",
        "Tỷ lệ điểm bình quân (%)",
        "Số đơn vị áp dụng",
        "Số đơn vị 0 điểm",
    ]
    _header(ws, 1, headers, [8, 60, 10, 14, 12, 12])
    for r, w in enumerate(weak, 2):
        for col, value in enumerate(
            [w.code, w.title, w.max_points, w.mean_percent, w.units, w.units_zero], 1
        ):
            put(ws, r, col, value).alignment = _WRAP


def build_results(
    title: str, scheme: Scheme, results: list[UnitResult], scores: list[UnitScores], weak: list[WeakCriterion]
) -> bytes:
    wb = Workbook()
    ranking = wb.active
    ranking.title = "Kết quả"
    _ranking(ranking, title, scheme, results)
    _per_criterion(wb.create_sheet("Theo tiêu chí"), scheme, results, {s.unit: s for s in scores})
    _weakest(wb.create_sheet("Tiêu chí đạt thấp"), weak)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
