"""Rows pasted from Excel into the review grid, and the grid read back after the official's fixes."""

from __future__ import annotations

from datetime import date

import pytest

from core.plandoc.sheets.paste import MAX_PASTE_ROWS, PasteTooLarge, grid_rows, parse_paste

YEAR = (date(2026, 1, 1), date(2026, 12, 31))
# What Excel puts on the clipboard: tabs between cells, a cell with a line break quoted.
COPIED = (
    "Thời hạn\tNội dung nhiệm vụ\tĐơn vị chủ trì\tSản phẩm\tNgười theo dõi\n"
    'Quý II/2026\tRà soát thủ tục hành chính\tPhòng Văn hóa - Xã hội\t"- Báo cáo\n- Quyết định"\tAn\n'
    "\t\t\t\t\n"
    "Hằng quý\tBáo cáo tình hình\tCông an xã\t\tBình\n"
)


def test_a_header_row_in_any_order_is_recognised_by_meaning():
    grid = parse_paste(COPIED, "tasks", YEAR)
    assert grid.kind == "tasks"
    assert grid.header[:3] == ["Thời hạn", "Nội dung nhiệm vụ", "Đơn vị chủ trì"]
    assert grid.ignored == ["Người theo dõi"]
    assert grid.errors == []
    first, second = grid.drafts
    assert (first.content, first.lead, first.products, first.deadline_text) == (
        "Rà soát thủ tục hành chính",
        ["Phòng Văn hóa - Xã hội"],
        ["Báo cáo", "Quyết định"],
        "Quý II/2026",
    )
    assert grid.rows[0].values["products"] == "Báo cáo\nQuyết định"  # shown as it was split
    assert grid.rows[0].dates == ["Quý II/2026: 30/06/2026"]
    assert second.content == "Báo cáo tình hình" and [r.number for r in grid.rows] == [1, 2]


def test_without_a_header_the_columns_follow_the_template():
    text = "1\tCải cách TTHC\tRà soát thủ tục\t\tPhòng Kinh tế\t\tQuý I/2026\n"
    grid = parse_paste(text, "tasks")
    assert grid.header is None
    task = grid.drafts[0]
    assert (task.no, task.area, task.content, task.lead, task.deadline_text) == (
        "1",
        "tthc",
        "Rà soát thủ tục",
        ["Phòng Kinh tế"],
        "Quý I/2026",
    )
    assert grid.rows[0].values["area"] == "Cải cách thủ tục hành chính"


def test_a_single_column_is_the_content():
    grid = parse_paste("Rà soát thủ tục\nTuyên truyền cải cách hành chính\n", "tasks")
    assert [t.content for t in grid.drafts] == ["Rà soát thủ tục", "Tuyên truyền cải cách hành chính"]


def test_group_rows_set_the_area_of_the_rows_below_and_are_not_tasks():
    text = "STT\tNội dung\tChủ trì\nI\tCẢI CÁCH THỂ CHẾ\t\n1\tRà soát văn bản\tCông chức Tư pháp - Hộ tịch\n"
    grid = parse_paste(text, "tasks")
    assert [(r.number, r.values["area"], r.values["content"]) for r in grid.rows] == [
        (1, "Cải cách thể chế", "Rà soát văn bản")
    ]


def test_a_targets_header_turns_the_grid_into_targets():
    grid = parse_paste("Chỉ tiêu\tGiá trị\tNăm\nTỷ lệ hồ sơ đúng hạn\t≥ 95,5%\t2026\n", "tasks")
    assert grid.kind == "targets"
    target = grid.drafts[0]
    assert (target.comparator, target.value, target.unit, target.year) == (">=", 95.5, "%", 2026)
    assert grid.rows[0].values["comparator"] == "≥"


def test_bad_rows_are_numbered_as_the_grid_shows_them_and_fixed_rows_pass():
    text = "Nội dung nhiệm vụ\tLĩnh vực\tChủ trì\nRà soát\tThể chế\tPhòng Kinh tế\n\tTTHC\tCông an xã\nHọp\tThể thao\t\n"
    grid = parse_paste(text, "tasks")
    assert grid.errors == [
        "Dòng 2: thiếu nội dung nhiệm vụ (cột “Nội dung nhiệm vụ”).",
        "Dòng 3: lĩnh vực “Thể thao” không thuộc 7 lĩnh vực CCHC (ví dụ “Cải cách thủ tục hành chính”); "
        "để trống nếu không rõ.",
    ]
    assert len(grid.drafts) == 1
    values = [dict(row.values) for row in grid.rows]
    values[1]["content"] = "Cập nhật dữ liệu dân cư"
    values[2]["area"] = ""
    fixed = grid_rows("tasks", values)
    assert fixed.errors == []
    assert [(t.area, t.content) for t in fixed.drafts] == [
        ("the_che", "Rà soát"),
        ("tthc", "Cập nhật dữ liệu dân cư"),
        (None, "Họp"),
    ]


def test_too_many_rows_are_refused_with_a_message():
    with pytest.raises(PasteTooLarge, match=f"tối đa {MAX_PASTE_ROWS} dòng"):
        parse_paste("Rà soát\n" * (MAX_PASTE_ROWS + 2), "tasks")


def test_nothing_pasted_gives_an_empty_grid():
    grid = parse_paste(" \n\t\n", "tasks")
    assert grid.rows == [] and grid.errors == []
