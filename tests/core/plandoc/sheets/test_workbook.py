"""XLSX workbooks made by openpyxl read through the public entry point (``parse_plan``): the template
filled in, and sheets laid out as officials lay out their own annexes."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from core.plandoc import parse_plan
from core.plandoc.diagnose import MANUAL_ROUTE, NO_TARGETS
from core.plandoc.errors import PlanDocError, RowErrors
from core.plandoc.sheets.template import HEADER_SHEET, TARGET_SHEET, TASK_SHEET, template_bytes


def _save(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _filled_template() -> bytes:
    wb = load_workbook(io.BytesIO(template_bytes()))
    tasks = wb[TASK_SHEET]
    tasks.append(
        [
            1,
            "Cải cách thủ tục hành chính",
            "Rà soát, đơn giản hóa thủ tục hành chính",
            "- Báo cáo rà soát\n- Quyết định công bố",
            "Phòng Văn hóa - Xã hội",
            "Các phòng, ban, đơn vị cấp xã; Công an xã",
            "Quý II/2026",
            None,
        ]
    )
    tasks.append([2, None, "Tuyên truyền về cải cách hành chính", None, "Văn phòng HĐND và UBND", None,
                  datetime(2026, 12, 31), "Thường xuyên cập nhật"])  # fmt: skip
    tasks.append([3])  # a numbered line left empty
    targets = wb[TARGET_SHEET]
    targets.append(
        ["Cải cách thủ tục hành chính", "Tỷ lệ hồ sơ giải quyết đúng hạn", None, "≥", 0.95, None, 2026]
    )
    targets["E2"].number_format = "0%"
    targets.append([None, "Số cuộc kiểm tra công tác CCHC", None, None, "2", "cuộc", "2026"])
    header = wb[HEADER_SHEET]
    values = {"Tên kế hoạch": "Kế hoạch cải cách hành chính năm 2026", "Số ký hiệu": "12/KH-UBND",
              "Ngày ký": datetime(2026, 1, 15), "Người ký": "Lê Văn Bình", "Từ ngày": "01/01/2026",
              "Đến ngày": "31/12/2026"}  # fmt: skip
    for row in header.iter_rows(min_row=2):
        row[1].value = values.get(row[0].value)
    return _save(wb)


def test_filled_template_reads_tasks_targets_and_header():
    plan = parse_plan(_filled_template(), "ke-hoach.xlsx")
    assert [t.to_gold_dict() for t in plan.tasks] == [
        {
            "area": "tthc",
            "no": "1",
            "content": "Rà soát, đơn giản hóa thủ tục hành chính",
            "products": ["Báo cáo rà soát", "Quyết định công bố"],
            "lead": ["Phòng Văn hóa - Xã hội"],
            "coordinating": ["Các phòng, ban, đơn vị cấp xã", "Công an xã"],
            "deadline_text": "Quý II/2026",
            "notes": None,
        },
        {
            "area": None,
            "no": "2",
            "content": "Tuyên truyền về cải cách hành chính",
            "products": [],
            "lead": ["Văn phòng HĐND và UBND"],
            "coordinating": [],
            "deadline_text": "31/12/2026",
            "notes": "Thường xuyên cập nhật",
        },
    ]
    assert [t.to_gold_dict() for t in plan.targets] == [
        {"area": "tthc", "text": "Tỷ lệ hồ sơ giải quyết đúng hạn", "indicator": "on_time_rate",
         "comparator": ">=", "value": 95, "unit": "%", "year": 2026},
        {"area": None, "text": "Số cuộc kiểm tra công tác CCHC", "indicator": "other", "comparator": ">=",
         "value": 2, "unit": "cuộc", "year": 2026},
    ]  # fmt: skip
    assert plan.title == "Kế hoạch cải cách hành chính năm 2026"
    assert (plan.decision_number, plan.signer) == ("12/KH-UBND", "Lê Văn Bình")
    assert (plan.signed_date.isoformat(), plan.period_start.isoformat(), plan.period_end.isoformat()) == (
        "2026-01-15",
        "2026-01-01",
        "2026-12-31",
    )
    # The help sheet and the hidden lists are not data, and not worth a warning.
    assert plan.warnings == []


def test_every_span_points_at_its_cell_in_the_canonical_text():
    plan = parse_plan(_filled_template(), "ke-hoach.xlsx")
    text = plan.source_text
    task = plan.tasks[0]
    assert text[task.spans["content"].start : task.spans["content"].end] == task.content
    assert text[task.spans["lead.0"].start : task.spans["lead.0"].end] == "Phòng Văn hóa - Xã hội"
    assert text[task.spans["products.1"].start : task.spans["products.1"].end].endswith("Quyết định công bố")
    line_start = text.rfind("\n", 0, task.spans["content"].start) + 1
    assert text[line_start:].startswith(f"{TASK_SHEET}!A2\t1\t")  # the row as the official sees it
    target = plan.targets[0]
    assert text[target.spans["value"].start : target.spans["value"].end] == "95%"
    assert text[plan.spans["decision_number"].start : plan.spans["decision_number"].end] == "12/KH-UBND"


def test_any_sheet_whose_header_names_the_columns_in_any_order():
    wb = Workbook()
    ws = wb.active
    ws.title = "Cải cách TTHC"  # a sheet named after an area gives its rows that area
    ws.append(["DANH MỤC NHIỆM VỤ NĂM 2026"])
    ws.append(
        ["Tiến độ", "TT", "Đơn vị thực hiện", "Nội dung công việc", "Kết quả dự kiến", "Phối hợp", "Kinh phí"]
    )
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    ws.append(
        [
            "Quý I/2026",
            1,
            "Công an xã",
            "Cập nhật dữ liệu dân cư",
            "Báo cáo",
            "Trung tâm Phục vụ hành chính công",
            "Ngân sách xã",
        ]
    )
    ws.append([None, "II", None, "CẢI CÁCH THỂ CHẾ"])
    ws.append(["Năm 2026", 2, "Công chức Tư pháp - Hộ tịch", "Rà soát văn bản QPPL", None, None, None])
    plan = parse_plan(_save(wb), "phu-luc.xlsx")
    assert [(t.no, t.area, t.content, t.lead, t.coordinating, t.products, t.deadline_text) for t in plan.tasks] == [
        ("1", "tthc", "Cập nhật dữ liệu dân cư", ["Công an xã"], ["Trung tâm Phục vụ hành chính công"], ["Báo cáo"], "Quý I/2026"),
        ("2", "the_che", "Rà soát văn bản QPPL", ["Công chức Tư pháp - Hộ tịch"], [], [], "Năm 2026"),
    ]  # fmt: skip
    assert plan.warnings[0].startswith(f"{NO_TARGETS}: tệp không có trang chỉ tiêu")
    assert plan.warnings[-1] == MANUAL_ROUTE


def test_bad_rows_are_named_by_sheet_and_number_and_nothing_is_read():
    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    ws.append(["STT", "Lĩnh vực", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"])
    ws.append([1, "Cải cách thể chế", "Rà soát văn bản", "Phòng Văn hóa - Xã hội", "Quý I/2026"])
    ws.append([2, None, None, "Công an xã", "Quý II/2026"])
    ws.append([3, "Khoa học", "Ứng dụng công nghệ", None, None])
    targets = wb.create_sheet("Chỉ tiêu")
    targets.append(["Chỉ tiêu", "Giá trị", "Năm", "So sánh"])
    targets.append(["Tỷ lệ hồ sơ đúng hạn", "tám mươi", "202", "khoảng"])
    with pytest.raises(RowErrors) as caught:
        parse_plan(_save(wb), "sai.xlsx")
    assert caught.value.rows == [
        "Trang “Nhiệm vụ”, dòng 3: thiếu nội dung nhiệm vụ (cột “Nội dung nhiệm vụ”).",
        "Trang “Nhiệm vụ”, dòng 4: lĩnh vực “Khoa học” không thuộc 7 lĩnh vực CCHC (ví dụ “Cải cách thủ tục "
        "hành chính”); để trống nếu không rõ.",
        "Trang “Chỉ tiêu”, dòng 2: giá trị “tám mươi” không phải là một số (ví dụ 80 hoặc 80%).",
        "Trang “Chỉ tiêu”, dòng 2: so sánh “khoảng” không rõ: ghi ≥, >, ≤ hoặc < (hay “không dưới”, “trên”, "
        "“tối đa”, “dưới”).",
        "Trang “Chỉ tiêu”, dòng 2: năm “202” không hợp lệ (ghi một năm, ví dụ 2025).",
    ]
    assert "chưa nhập gì" in caught.value.message


def test_a_bad_header_field_and_a_reversed_period_are_row_errors():
    wb = Workbook()
    ws = wb.active
    ws.append(["Số ký hiệu", "5/KH-UBND"])
    ws.append(["Ngày ký", "31/02/2026"])
    ws.append(["Từ ngày", "01/06/2026"])
    ws.append(["Đến ngày", "01/01/2026"])
    tasks = wb.create_sheet("Nhiệm vụ")
    tasks.append(["Nội dung", "Chủ trì"])
    tasks.append(["Rà soát", "Phòng Kinh tế"])
    with pytest.raises(RowErrors) as caught:
        parse_plan(_save(wb), "sai.xlsx")
    assert caught.value.rows == [
        "Trang “Sheet”, dòng 2: ngày “31/02/2026” không hợp lệ (ghi ngày/tháng/năm, ví dụ 15/01/2025).",
        "Thông tin chung: “Đến ngày” (01/01/2026) trước “Từ ngày” (01/06/2026).",
    ]


def test_many_bad_rows_are_listed_up_to_a_limit():
    wb = Workbook()
    ws = wb.active
    ws.append(["Nội dung nhiệm vụ", "Cơ quan chủ trì"])
    for _ in range(80):
        ws.append([None, "Phòng Kinh tế"])
    with pytest.raises(RowErrors) as caught:
        parse_plan(_save(wb), "sai.xlsx")
    assert len(caught.value.rows) == RowErrors.MAX_LISTED + 1
    assert caught.value.rows[-1] == "… và 30 dòng khác."


def test_an_empty_workbook_is_refused_with_the_manual_route():
    with pytest.raises(PlanDocError) as caught:
        parse_plan(_save(Workbook()), "trong.xlsx")
    assert caught.value.code == "empty" and "các trang tính đều trống" in caught.value.message
    assert "tải tệp mẫu" in caught.value.message


def test_the_template_left_empty_is_refused():
    with pytest.raises(PlanDocError) as caught:
        parse_plan(template_bytes(), "mau.xlsx")
    assert caught.value.code == "empty" and "chỉ có dòng tiêu đề" in caught.value.message


def test_a_sheet_with_no_header_row_is_refused_naming_its_first_row():
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["Họ và tên", "Chức vụ", "Đơn vị"])
    ws.append(["Nguyễn Văn An", "Chủ tịch", "UBND xã"])
    with pytest.raises(PlanDocError) as caught:
        parse_plan(_save(wb), "danh-sach.xlsx")
    assert caught.value.code == "no_header"
    assert "trang “Danh sách” bắt đầu bằng “Họ và tên | Chức vụ | Đơn vị”" in caught.value.message
    assert "“Nội dung nhiệm vụ”" in caught.value.message and "tệp mẫu" in caught.value.message


def test_an_unread_sheet_beside_a_good_one_is_a_warning():
    wb = Workbook()
    wb.active.append(["Nội dung nhiệm vụ", "Thời hạn"])
    wb.active.append(["Rà soát thủ tục", "Quý I/2026"])
    other = wb.create_sheet("Ghi chép")
    other.append(["Ngày", "Việc"])
    plan = parse_plan(_save(wb), "k.xlsx")
    assert len(plan.tasks) == 1
    assert plan.warnings[0].startswith("Trang “Ghi chép” không được đọc")
    assert "dòng đầu của trang là “Ngày | Việc”" in plan.warnings[0]


def test_too_many_rows_are_refused(monkeypatch):
    monkeypatch.setattr("core.plandoc.readers.xlsx.MAX_DATA_ROWS", 10)
    wb = Workbook()
    for i in range(12):
        wb.active.append([f"Nhiệm vụ {i}", "Phòng Kinh tế"])
    with pytest.raises(PlanDocError) as caught:
        parse_plan(_save(wb), "lon.xlsx")
    assert caught.value.code == "too_large" and "tối đa 10 dòng" in caught.value.message


def test_a_zip_bomb_workbook_is_refused_before_it_is_opened():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * (60 * 1024 * 1024) + b"/>")
    with pytest.raises(PlanDocError) as caught:
        parse_plan(buffer.getvalue(), "bom.xlsx")
    assert caught.value.code == "zip_bomb"


def test_a_macro_workbook_is_refused_in_excel_words():
    wb = Workbook()
    wb.active.append(["Nội dung", "Chủ trì"])
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_save(wb))) as source, zipfile.ZipFile(data, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"\x00" * 64)
    with pytest.raises(PlanDocError) as caught:
        parse_plan(data.getvalue(), "macro.xlsm")
    assert caught.value.code == "macros" and ".xlsm" in caught.value.message


def test_a_corrupt_workbook_is_refused():
    data = _save(Workbook())
    with pytest.raises(PlanDocError) as caught:
        parse_plan(data[: len(data) // 2], "hong.xlsx")
    assert caught.value.code == "corrupt"
