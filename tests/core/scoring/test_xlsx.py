"""The framework workbook: written by us, read back identical; read from a hand-made file with errors."""

import io
from dataclasses import replace

from openpyxl import Workbook, load_workbook

from core.scoring.framework import validate
from core.scoring.xlsx import (
    BANDS_SHEET,
    COLUMNS,
    CRITERIA_SHEET,
    INFO_SHEET,
    parse_levels,
    read_framework,
    template_spec,
    write_framework,
)

ARGS = {"year": 2025, "level": "commune", "province": "tỉnh An"}


def test_round_trip_keeps_every_field():
    spec = template_spec(2025, "commune", "tỉnh An")
    back = read_framework(write_framework(spec), **ARGS)
    assert back.errors == []
    assert [replace(c, row=None) for c in back.spec.criteria] == spec.criteria
    assert back.spec.bands == sorted(spec.bands, key=lambda b: -b.min_percent)
    assert (back.spec.total_max, back.spec.appraisal_max, back.spec.survey_max) == (10, 7, 3)


def _workbook(rows, info=None, bands=(("Tốt", 80), ("Yếu", 0))) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = INFO_SHEET
    for label, value in info or [
        ("Tên bộ chỉ số", "Thử"),
        ("Tổng điểm tối đa", 3),
        ("Điểm tối đa phần thẩm định", 3),
    ]:
        ws.append([label, value])
    c = wb.create_sheet(CRITERIA_SHEET)
    c.append([name for name, _ in COLUMNS])
    for row in rows:
        c.append(row)
    b = wb.create_sheet(BANDS_SHEET)
    b.append(["Xếp loại", "Từ (%)"])
    for band in bands:
        b.append(list(band))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_hand_made_file_with_text_numbers_and_comma_decimals():
    data = _workbook(
        [
            ["1", "Chỉ đạo", "3", None, None, None, None, None, None, None, None, "Thẩm định"],
            ["1.1", "Kế hoạch", "1,5", "Đúng hạn", "Có/không", None, None, None, "plan_on_time", "Có"],
            [
                "1.2",
                "Báo cáo",
                1.5,
                None,
                "Theo mức",
                "Đủ: 1,5; Thiếu: 0",
                None,
                None,
                None,
                None,
                "Trừ khỏi điểm tối đa",
            ],
        ]
    )
    r = read_framework(data, **ARGS)
    assert r.errors == [] and validate(r.spec) == []
    leaf = r.spec.criteria[1]
    assert leaf.max_points == 1.5 and leaf.evidence_required and leaf.measure == "plan_on_time"
    assert r.spec.criteria[2].levels[0].points == 1.5


def test_bad_cells_are_reported_row_by_row():
    data = _workbook(
        [
            ["1", "Chỉ đạo", "ba", None, "tùy ý"],
            ["1.1", "Kế hoạch", 3, None, "theo mức", "không có điểm", None, None, "Mã Sai!", "có lẽ"],
        ]
    )
    errors = read_framework(data, **ARGS).errors
    assert any("dòng 2" in e and "“ba” không phải là số" in e for e in errors), errors
    assert any("dòng 2" in e and "cách chấm “tùy ý”" in e for e in errors)
    assert any("dòng 3" in e and "tên mức: điểm" in e for e in errors)
    assert any("dòng 3" in e and "mã số liệu" in e for e in errors)
    assert any("dòng 3" in e and "“có” hoặc “không”" in e for e in errors)


def test_declared_year_level_and_province_must_match_the_import():
    info = [("Năm áp dụng", 2024), ("Cấp áp dụng (xã / sở)", "sở"), ("Tỉnh, thành phố ban hành", "tỉnh Bình")]
    errors = read_framework(_workbook([], info=info), **ARGS).errors
    assert any("năm áp dụng 2024" in e for e in errors)
    assert any("cấp áp dụng “sở”" in e for e in errors)
    assert any("tỉnh Bình" in e for e in errors)


def test_not_a_workbook_and_missing_sheets():
    assert "Không đọc được tệp" in read_framework(b"%PDF-1.4 ...", **ARGS).errors[0]
    wb = Workbook()
    out = io.BytesIO()
    wb.save(out)
    assert "thiếu trang" in read_framework(out.getvalue(), **ARGS).errors[0]


def test_text_starting_like_a_formula_is_written_as_text():
    spec = template_spec(2025, "commune", "tỉnh An")
    spec.criteria[0] = replace(spec.criteria[0], title='=HYPERLINK("http://x","bấm")')
    data = write_framework(spec)
    ws = load_workbook(io.BytesIO(data))[CRITERIA_SHEET]
    cell = ws["B2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert read_framework(data, **ARGS).spec.criteria[0].title.startswith("=HYPERLINK")


def test_levels_with_rate_thresholds():
    levels = parse_levels("≥ 95%: 2; >= 80,5%: 1; < 80%: 0")
    assert [(lv.points, lv.min_rate) for lv in levels] == [(2, 95), (1, 80.5), (0, None)]
