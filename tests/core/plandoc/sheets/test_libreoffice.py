"""Workbooks saved by LibreOffice Calc, a real producer: shared strings, its own styles, percentages
and dates typed as such, two-paragraph cells. ``fixtures/manual/ke-hoach-libreoffice.xlsx`` was made
from the hand-written ``ke-hoach.fods`` by ``tools/make_manual_fixtures.py``; the last test makes it
again when LibreOffice Calc is installed here."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.plandoc import parse_plan
from tools.make_manual_fixtures import convert, soffice

MANUAL = Path(__file__).resolve().parents[4] / "fixtures" / "manual"
EXPECTED_TASKS = [
    {
        "area": "the_che",
        "no": "1",
        "content": "Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
        "products": ["Báo cáo kết quả rà soát"],
        "lead": ["Công chức Tư pháp - Hộ tịch"],
        "coordinating": ["Các phòng chuyên môn"],
        "deadline_text": "Quý III/2026",
        "notes": None,
    },
    {
        "area": "tthc",
        "no": "2",
        "content": "Niêm yết công khai thủ tục hành chính tại Trung tâm Phục vụ hành chính công xã",
        "products": ["Danh mục thủ tục niêm yết", "Báo cáo kết quả"],
        "lead": ["Trung tâm Phục vụ hành chính công"],
        "coordinating": ["Phòng Văn hóa - Xã hội", "Công an xã"],
        "deadline_text": "30/06/2026",
        "notes": None,
    },
]
EXPECTED_TARGET = {
    "area": None,
    "text": "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
    "indicator": "on_time_rate",
    "comparator": ">=",
    "value": 98,
    "unit": "%",
    "year": 2026,
}


def _check(data: bytes) -> None:
    plan = parse_plan(data, "ke-hoach-libreoffice.xlsx")
    assert [t.to_gold_dict() for t in plan.tasks] == EXPECTED_TASKS
    assert [t.to_gold_dict() for t in plan.targets] == [EXPECTED_TARGET]
    assert plan.warnings == []
    lead = plan.tasks[1].spans["coordinating.1"]
    assert plan.source_text[lead.start : lead.end] == "Công an xã"


def test_the_workbook_libreoffice_saved_is_read():
    _check((MANUAL / "ke-hoach-libreoffice.xlsx").read_bytes())


def test_libreoffice_converts_the_source_again_and_it_is_read(tmp_path):
    if soffice() is None:
        pytest.skip("LibreOffice chưa được cài (cần libreoffice-calc-nogui): bỏ qua việc tạo lại tệp XLSX")
    try:
        produced = convert(MANUAL / "ke-hoach.fods", "xlsx", tmp_path)
    except RuntimeError as exc:
        pytest.skip(f"LibreOffice Calc không chuyển được tệp (cần gói libreoffice-calc-nogui): {exc}")
    _check(produced.read_bytes())
