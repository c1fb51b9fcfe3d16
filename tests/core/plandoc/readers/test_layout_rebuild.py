"""Seed 003: the annex broken into one fragment per line is rebuilt into a table."""

from __future__ import annotations

from core.plandoc.document import Table
from core.plandoc.layout import rebuild_fragment_tables
from tests.core.plandoc.readers.conftest import tables


def _rows(doc):
    table = tables(doc)[0]
    return table, table.rows[1:]


def test_one_table_with_sections_and_task_rows(seed003):
    table, rows = _rows(seed003)
    assert [c.text for c in table.rows[0].cells] == [
        "STT", "Nhiệm vụ thực hiện", "Sản phẩm", "Công chức chủ trì\ntham mưu thực hiện", "Thời gian", "Ghi chú",
    ]  # fmt: skip
    sections = [r.cells[1].text for r in rows if r.cells[0].text in ("I", "II", "III", "IV", "V")]
    assert sections[0] == "CẢI CÁCH THỂ CHẾ" and len(sections) == 5
    numbered = [r for r in rows if r.cells[0].text.isdigit()]
    assert len(numbered) == 37


def test_page_numbers_and_wrapped_years_are_not_rows(seed003):
    _, rows = _rows(seed003)
    numbers = [r.cells[0].text for r in rows if r.cells[0].text.isdigit()]
    assert "2025" not in numbers
    section_iii = numbers[18:28]
    assert section_iii == [str(n) for n in range(1, 11)]  # the page number "9" is skipped


def test_continuation_rows_after_repeated_header(seed003):
    _, rows = _rows(seed003)
    continued = [r for r in rows if r.after_break and not r.cells[0].text]
    assert len(continued) >= 8
    first = continued[0]
    assert first.cells[2].text.startswith("- Các văn bản xử lý VBQPPL sau rà soát")


def test_specific_cells(seed003):
    _, rows = _rows(seed003)
    task = next(r for r in rows if r.cells[1].text.startswith("Ban hành Kế hoạch theo dõi"))
    assert [s.text for s in task.cells[2].segments] == [
        "- Kế hoạch theo dõi tình hình thi hành pháp luật năm 2025.",
        "- Báo cáo kết quả theo dõi thi hành pháp luật năm 2025",
    ]
    assert task.cells[3].text.replace("\n", " ") == "Công chức Tư pháp - HT"
    # judged by wrap width: the ~24-character time column, not the notes column
    assert task.cells[4].text == "Ban hành kế hoạch đúng thời gian quy định theo Kế hoạch của thị xã"
    assert task.cells[5].text == ""
    one_stop = next(r for r in rows if r.cells[1].text.startswith("Duy trì tỷ lệ"))
    assert one_stop.cells[3].text == "Bộ phận Một cửa" and one_stop.cells[4].text == "Thường xuyên"


def test_spans_index_the_unchanged_text(seed003):
    table, _ = _rows(seed003)
    for row in table.rows:
        for cell in row.cells:
            for segment in cell.segments:
                if "\n" not in seed003.slice(segment.span):
                    assert seed003.slice(segment.span) == segment.text


def test_idempotent_and_no_op_elsewhere(seed003):
    again = rebuild_fragment_tables(seed003)
    assert sum(isinstance(b, Table) for b in again.blocks) == 1
