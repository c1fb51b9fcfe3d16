"""The downloadable template: its header rows name the gold schema's fields in Vietnamese, and it
opens as a real workbook with drop-down lists behind the area, indicator and comparator columns."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from core.plandoc.sheets.fields import sheet_kind
from core.plandoc.sheets.template import (
    HEADER_SHEET,
    HELP_SHEET,
    LISTS_SHEET,
    TARGET_SHEET,
    TASK_SHEET,
    template_bytes,
)


def test_template_sheets_and_headers():
    wb = load_workbook(io.BytesIO(template_bytes()))
    assert wb.sheetnames == [TASK_SHEET, TARGET_SHEET, HEADER_SHEET, HELP_SHEET, LISTS_SHEET]
    tasks = [c.value for c in wb[TASK_SHEET][1]]
    assert tasks == ["STT", "Lĩnh vực", "Nội dung nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                     "Thời hạn", "Ghi chú"]  # fmt: skip
    targets = [c.value for c in wb[TARGET_SHEET][1]]
    assert targets == ["Lĩnh vực", "Chỉ tiêu", "Chỉ số", "So sánh", "Giá trị", "Đơn vị", "Năm"]
    labels = [row[0].value for row in wb[HEADER_SHEET].iter_rows(min_row=2)]
    assert labels == [
        "Tên kế hoạch",
        "Cơ quan ban hành",
        "Số ký hiệu",
        "Ngày ký",
        "Người ký",
        "Từ ngày",
        "Đến ngày",
    ]
    # Each header row is what the reader recognises: the template and the reader agree.
    assert sheet_kind(tasks)[1] == [
        "no",
        "area",
        "content",
        "products",
        "lead",
        "coordinating",
        "deadline",
        "notes",
    ]
    assert sheet_kind(targets)[1] == ["area", "text", "indicator", "comparator", "value", "unit", "year"]


def test_template_drop_downs_point_at_the_hidden_lists():
    wb = load_workbook(io.BytesIO(template_bytes()))
    assert wb[LISTS_SHEET].sheet_state == "hidden"
    areas = [row[0].value for row in wb[LISTS_SHEET].iter_rows(min_row=2) if row[0].value]
    assert areas[2] == "Cải cách thủ tục hành chính" and len(areas) == 7
    rules = {str(dv.sqref): dv.formula1 for dv in wb[TARGET_SHEET].data_validations.dataValidation}
    assert rules["A2:A501"] == "'Danh mục'!$A$2:$A$8"
    assert rules["D2:D501"] == "'Danh mục'!$C$2:$C$5"
