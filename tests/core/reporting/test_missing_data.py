"""No plan, no tasks, no reports, no values: the report says so plainly and still builds."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from openpyxl import load_workbook

from core.reporting.data import ReportData
from core.reporting.docx_report import build_docx
from core.reporting.draft import PLACEHOLDER, draft_narrative, missing_statements
from core.reporting.xlsx_annex import build_annex


def test_statements():
    assert (
        "chưa có kế hoạch CCHC"
        in missing_statements(
            has_plan=False, n_tasks=0, n_reported=0, n_indicators=0, n_values=0, period_label="Quý III/2025"
        )[0]
    )
    no_reports = missing_statements(
        has_plan=True, n_tasks=12, n_reported=0, n_indicators=2, n_values=0, period_label="Quý III/2025"
    )
    assert "Chưa có cơ quan nào gửi báo cáo tiến độ cho 12 nhiệm vụ" in no_reports[0]
    assert "Chưa nhập số liệu chỉ số nào cho kỳ Quý III/2025" in no_reports[1]
    assert (
        missing_statements(
            has_plan=True, n_tasks=3, n_reported=3, n_indicators=1, n_values=1, period_label="x"
        )
        == []
    )


def test_empty_report_still_builds_and_says_what_is_missing():
    missing = missing_statements(
        has_plan=False, n_tasks=0, n_reported=0, n_indicators=0, n_values=0, period_label="Quý I/2026"
    )
    data = ReportData(
        unit_name="xã Mới",
        issuer="ỦY BAN NHÂN DÂN XÃ MỚI",
        period_code="2026-Q1",
        period_title="quý I năm 2026",
        period_start=date(2025, 12, 15),
        period_end=date(2026, 3, 14),
        due=date(2026, 3, 20),
        missing=missing,
    )
    data.narrative = draft_narrative(data)
    assert data.narrative.causes == PLACEHOLDER
    doc = Document(io.BytesIO(build_docx(data)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Lưu ý về số liệu: Đơn vị chưa có kế hoạch CCHC" in text
    assert "Kế hoạch không có chỉ tiêu định lượng" in text
    assert "Số:       /BC-UBND" in "\n".join(c.text for c in doc.tables[0].rows[0].cells)
    wb = load_workbook(io.BytesIO(build_annex(data)))
    assert "Chưa có nhiệm vụ nào" in wb["Nhiệm vụ"].cell(5, 2).value
