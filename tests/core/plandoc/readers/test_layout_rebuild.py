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


def test_two_cells_printed_on_one_line_are_not_one_cell(seed003):
    """II.11: "- TLKC khác (nếu có) - Ban hành văn bản chỉ đạo" is a product beside a note."""
    _, rows = _rows(seed003)
    row = next(r for r in rows if any(s.text.startswith("- TLKC khác") for c in r.cells for s in c.segments))
    assert row.after_break and row.cells[0].text == ""
    assert [s.text for s in row.cells[2].segments] == ["- TLKC khác (nếu có)"]
    assert row.cells[5].text.startswith("- Ban hành văn bản chỉ đạo giải quyết")


def test_a_cell_that_ended_a_sentence_does_not_go_on_in_lower_case(seed003):
    """I.5 after the page break: the notes cell ended "…sân khấu hóa…)", so the lower-case line
    "pháp luật năm 2025." finishes the product above it, not the note."""
    _, rows = _rows(seed003)
    row = next(r for r in rows if r.cells[2].text.startswith("pháp luật trên website"))
    assert [s.text for s in row.cells[2].segments][-1] == (
        "- Báo cáo kết quả tuyên truyền, phổ biến giáo dục pháp luật năm 2025."
    )
    assert row.cells[5].text == ""


def test_split_pieces_are_marked_and_kept_apart():
    from core.plandoc.layout_columns import NO_WRAP, Fragment, _solve

    pieces = Fragment.split("- TLKC khác (nếu có) - Ban hành văn bản chỉ đạo", 100)
    assert [(p.text, p.start, p.beside) for p in pieces] == [
        ("- TLKC khác (nếu có)", 100, False),
        ("- Ban hành văn bản chỉ đạo", 121, True),
    ]
    widths = {"content": 20.0, "products": 20.0, "lead": NO_WRAP, "notes": 20.0}
    path = _solve(pieces, False, ["content", "products", "lead", "notes"], widths, {1: False, 3: False})
    assert path[0] != path[1]
