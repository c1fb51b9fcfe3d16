"""DOCX reader on the generated seed files: real tables, merged cells once, split tables joined."""

from __future__ import annotations

from core.plandoc.document import Paragraph, Table
from tests.core.plandoc.readers.conftest import tables


def test_annex_is_found_as_one_table_although_split_across_pages(docx_docs):
    # 001's annex is written as several Word tables after page breaks, the header repeated.
    found = tables(docx_docs["001"])
    assert len(found) == 1
    header = [c.text for c in found[0].rows[0].cells]
    assert header == [
        "TT",
        "Nội dung thực hiện",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
    ]
    assert sum(r.after_break for r in found[0].rows) >= 1
    assert not any([c.text for c in r.cells] == header for r in found[0].rows[1:])  # repeats left out


def test_merged_section_cell_appears_once_and_keeps_the_grid(docx_docs):
    table = tables(docx_docs["001"])[0]
    section = next(r for r in table.rows if r.cells[1].text == "Cải cách thể chế")
    assert len(section.cells) == 5
    assert section.cells[1].col_span == 4
    assert [c.text for c in section.cells[2:]] == ["", "", ""]
    assert docx_docs["001"].text.count("Cải cách thể chế\t") == 1


def test_body_order_and_canonical_text(docx_docs):
    doc = docx_docs["000"]
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds.index("Table") > kinds.index("Paragraph")
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            assert doc.slice(block.span) == block.text
        else:
            for row in block.rows:
                assert "\n" not in doc.slice(row.span)
                for cell in row.cells:
                    for segment in cell.segments:
                        assert doc.slice(segment.span) == segment.text


def test_cell_paragraphs_are_segments(docx_docs):
    table = tables(docx_docs["000"])[0]
    row = table.rows[1]
    products = row.cells[2]
    assert [s.text for s in products.segments][:2] == [
        "- Các văn bản có liên quan.",
        "- Báo cáo kết quả tự kiểm tra, rà soát văn bản QPPL.",
    ]


def test_headings_are_hinted(docx_docs):
    headings = [b for b in docx_docs["001"].blocks if isinstance(b, Paragraph) and b.heading]
    assert any("Phụ lục" in h.text for h in headings)


def test_fragment_seed_written_as_docx_reads_back_as_its_table(docx_docs):
    table = tables(docx_docs["003"])
    assert len(table) == 1 and isinstance(table[0], Table)
    numbers = [r.cells[0].text for r in table[0].rows]
    assert numbers.count("1") == 5  # one per section I-V
