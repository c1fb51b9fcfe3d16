"""The radar chart and the Word builders on plain data (no database)."""

import io
import re
from datetime import date

from docx import Document

from core.reporting.radar import radar_svg
from core.scoring.documents import (
    CriterionLine,
    Decision,
    ResultLine,
    SelfReport,
    build_decision,
    build_self_report,
)


def test_radar_has_one_axis_per_area_and_labels_its_values():
    svg = radar_svg(
        ["A", "B", "C", "D"], [("Xã", [100, 50, None, 0]), ("Bình quân", [80, 80, 80, 80])], title="T <x>"
    )
    assert svg.startswith('<svg class="radar"') and "T &lt;x&gt;" in svg
    assert svg.count("<line ") == 4 and svg.count("<circle ") == 4
    assert "<title>—</title>" in svg and "stroke-dasharray" in svg
    assert "style=" not in svg and "<script" not in svg  # the CSP allows neither


def test_bars_when_fewer_than_three_areas():
    svg = radar_svg(["A", "B"], [("Xã", [40, None])])
    assert 'class="radar bars"' in svg and svg.count("<rect ") == 2


def test_decision_document_lays_out_the_header_body_and_annex():
    d = Decision(
        issuer="ỦY BAN NHÂN DÂN TỈNH AN",
        province="tỉnh An",
        place="An",
        year=2025,
        units_words="UBND các xã, phường",
        framework_title="Bộ chỉ số",
        number="7",
        day=date(2026, 1, 5),
        lines=[
            ResultLine(1, "xã A", 60, 28, 88, 100, 88, "Tốt"),
            ResultLine(2, "xã B", 50, None, 50, 70, 71.43, "Khá"),
        ],
        band_counts=[("Tốt", 1), ("Khá", 1), ("Yếu", 0)],
        signer_name="Trần B",
    )
    doc = Document(io.BytesIO(build_decision(d)))
    left, right = doc.tables[0].rows[0].cells
    assert "Số: 07/QĐ-UBND" in left.text  # a leading zero below 10
    assert "An, ngày 05 tháng 01 năm 2026" in right.text
    body = "\n".join(p.text for p in doc.paragraphs)
    assert (
        "Điều 1." in body and "Tốt: 1 đơn vị; Khá: 1 đơn vị" in body and "Yếu" not in body.split("Điều 2.")[0]
    )
    annex = doc.tables[-1]
    assert [c.text for c in annex.rows[2].cells] == ["2", "xã B", "50", "—", "50/70", "71,43", "Khá"]
    assert len(doc.sections) == 2  # the annex starts on a new page


def test_self_report_lists_criteria_with_evidence():
    r = SelfReport(
        unit_name="UBND xã A",
        issuer="ỦY BAN NHÂN DÂN XÃ A",
        place="A",
        year=2025,
        framework_title="Bộ chỉ số",
        lines=[
            CriterionLine("1", "Chỉ đạo", 1, 3, is_leaf=False),
            CriterionLine("1.1", "Kế hoạch", 2, 1, self_points=1, evidence=["KH số 5"]),
            CriterionLine("1.2", "Kiểm tra", 2, 2, na=True, note="Không phát sinh"),
        ],
        self_total=1,
        applicable_max=1,
    )
    doc = Document(io.BytesIO(build_self_report(r)))
    area = doc.tables[1]
    assert [c.text for c in area.rows[1].cells] == ["1", "Chỉ đạo", "3", "3"]  # 1 + 2 (not applicable: full)
    detail = doc.tables[2]
    cells = [[c.text for c in row.cells] for row in detail.rows]
    assert cells[2][3] == "1" and cells[2][4] == "Kiểm chứng: KH số 5"
    assert cells[3][3] == "Không áp dụng" and cells[3][4] == "Không phát sinh"
    assert re.search(r"đạt 100%", "\n".join(p.text for p in doc.paragraphs))
