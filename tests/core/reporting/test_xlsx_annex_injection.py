"""The annex builder writes every text of a ReportData as text (issue 10, defect 2)."""

from __future__ import annotations

from core.reporting.data import EvidenceRef
from core.reporting.xlsx_annex import build_annex
from tests.core.reporting.sample import sample
from tests.core.test_xlsx_safe import assert_all_text


def test_texts_that_look_like_formulas_stay_text():
    data = sample(unit_name="=xã Thường Xuân")
    data.tasks[0].content = "=1+2"
    data.tasks[0].lead = ["@Phòng Kinh tế"]
    data.tasks[0].result = '=HYPERLINK("http://evil.example","Bấm")'
    data.tasks[0].evidence = [EvidenceRef("-hoso", "+x.pdf")]
    data.indicators[0].source = "\t=1+2"
    assert_all_text(build_annex(data), ["=1+2", "@Phòng Kinh tế", "=HYPERLINK", "-hoso", "\t=1+2"])
