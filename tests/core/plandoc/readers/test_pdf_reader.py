"""PDF reader on the generated seed PDFs: ruled tables, page numbers dropped, spans with pages."""

from __future__ import annotations

import re

from tests.core.plandoc.readers.conftest import tables


def test_ruled_annex_is_one_table_across_pages(pdf_docs):
    found = tables(pdf_docs["001"])
    assert len(found) == 1
    pages = {row.span.page for row in found[0].rows}
    assert len(pages) >= 5
    header = [c.text for c in found[0].rows[0].cells]
    assert header == [
        "TT",
        "Nội dung thực hiện",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
    ]
    assert not any([c.text for c in r.cells] == header for r in found[0].rows[1:])


def test_page_numbers_are_dropped(pdf_docs):
    doc = pdf_docs["001"]
    assert not any(re.fullmatch(r"\d{1,2}", line.strip()) for line in doc.text.splitlines())


def test_spans_carry_pages_and_index_the_text(pdf_docs):
    doc = pdf_docs["003"]
    table = tables(doc)[0]
    assert table.rows[-1].span.page > table.rows[1].span.page
    for row in table.rows:
        for cell in row.cells:
            for segment in cell.segments:
                assert segment.span.page is not None
                assert doc.slice(segment.span) == segment.text


def test_wrapped_lines_become_paragraphs(pdf_docs):
    doc = pdf_docs["001"]
    assert (
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về việc ban hành Chương trình tổng thể"
        in doc.text
    )


def test_section_rows_are_read_once(pdf_docs):
    table = tables(pdf_docs["003"])[0]
    section = next(r for r in table.rows if r.cells[0].text == "II")
    assert section.cells[1].text == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    assert [c.text for c in section.cells[2:]] == ["", "", "", ""]


def test_unruled_table_is_rebuilt_from_header_x_ranges():
    from core.plandoc.readers import read_document
    from tests.core.plandoc.readers.conftest import SEEDS

    path = next((SEEDS / "pdf").glob("000_*_unruled.pdf"))
    doc = read_document(path.read_bytes(), path.name)
    found = tables(doc)
    assert found, "no table rebuilt from positions"
    first = found[0]
    assert len(first.rows[0].cells) == 6
    assert first.rows[0].cells[1].text.startswith("Nội dung thực hiện")
    assert [r.cells[0].text for r in first.rows[1:4]] == ["1", "2", "3"]
    assert first.rows[1].cells[3].text.startswith("VP HĐND")
