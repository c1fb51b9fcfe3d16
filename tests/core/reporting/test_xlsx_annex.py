"""The statistics annex read back with openpyxl: print setup, widths, wrap, number formats, rows."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from core.reporting.xlsx_annex import HEADER_ROW, build_annex
from tests.core.reporting.sample import sample, with_communes


@pytest.fixture(scope="module")
def wb():
    return load_workbook(io.BytesIO(build_annex(sample())))


def test_sheets(wb):
    assert wb.sheetnames == ["Nhiệm vụ", "Tổng hợp", "Chỉ tiêu"]


def test_every_sheet_prints_on_landscape_a4_with_repeated_headers(wb):
    for ws in wb:
        assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}", ws.title
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert "&P" in ws.oddFooter.center.text


def test_column_widths_and_wrapping(wb):
    ws = wb["Nhiệm vụ"]
    assert ws.column_dimensions["C"].width == 48  # Nhiệm vụ
    assert ws.column_dimensions["A"].width == 6
    assert ws.cell(HEADER_ROW + 1, 3).alignment.wrap_text
    assert ws.cell(HEADER_ROW, 3).value == "Nhiệm vụ"


def test_task_rows_with_states_and_evidence(wb):
    ws = wb["Nhiệm vụ"]
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == 4
    assert rows[0][7] == "Hoàn thành đúng hạn" and "Báo cáo số 45/BC-PKT" in rows[0][10]
    assert rows[1][9] == "Chưa có báo cáo"


def test_indicator_rows_with_vietnamese_percent_format(wb):
    ws = wb["Chỉ tiêu"]
    row = HEADER_ROW + 1
    assert ws.cell(row, 6).value == pytest.approx(0.975)
    assert ws.cell(row, 6).number_format == "[$-42A]0.0%"
    assert ws.cell(row, 7).value == "Không đạt"
    assert ws.cell(row + 1, 6).value == "Chưa có số liệu"


def test_counts_sheet_totals(wb):
    ws = wb["Tổng hợp"]
    labels = [ws.cell(r, 1).value for r in range(HEADER_ROW + 1, ws.max_row + 1)]
    total_row = HEADER_ROW + 1 + labels.index("Tổng cộng")
    assert ws.cell(total_row, 2).value == 4


def test_compiled_annex_has_the_communes_sheet():
    wb = load_workbook(io.BytesIO(build_annex(with_communes(sample()))))
    ws = wb["Đơn vị cấp dưới"]
    assert ws.cell(HEADER_ROW + 1, 2).value == "xã An Một"
    assert ws.cell(HEADER_ROW + 1, 3).value == "Đã gửi đúng hạn"
