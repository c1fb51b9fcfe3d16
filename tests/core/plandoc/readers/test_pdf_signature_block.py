"""The signature block of a LibreOffice print: a borderless two-column table, read as two cells.

The PDFs are made here, not taken from the code under test: python-docx writes a plan ending in a
borderless table (left cell: "Nơi nhận:" and its list; right cell: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ
TỊCH", "PHÓ CHỦ TỊCH", the signer's name) and LibreOffice prints it. In the print the two cells'
words share baselines; read as whole lines they interleave, and a name that wraps in its cell is
cut by words of the list. The reader must give the two cells apart, so that the signer is read;
a plan signed without such a table, and running text, must read as before.
"""

from __future__ import annotations

import io

import pytest

from core import libreoffice
from core.plandoc import tools
from core.plandoc.document import Paragraph, Table
from core.plandoc.extract import extract_plan
from core.plandoc.readers.pdf import read_pdf
from tests.core.plandoc.readers.conftest import needs_office

FONT = "Liberation Serif"
SIGNER = "Nguyễn Văn Khánh"
TITLES = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
RECIPIENTS = [
    "Nơi nhận:",
    "- Thường trực Tỉnh ủy (b/c);",
    "- Thường trực HĐND tỉnh (b/c);",
    "- Chủ tịch, các Phó Chủ tịch UBND tỉnh;",
    "- Các sở, ban, ngành tỉnh;",
    "- UBND các xã, phường;",
    "- Lưu: VT, KGVX.",
]
BODY = [
    "KẾ HOẠCH",
    "Triển khai công tác cải cách hành chính năm 2026",
    "1. Sở Nội vụ chủ trì rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của "
    "tỉnh, hoàn thành trong quý II năm 2026 và báo cáo kết quả về Ủy ban nhân dân tỉnh.",
    "2. Các sở, ban, ngành và Ủy ban nhân dân các xã, phường tổ chức thực hiện nghiêm túc Kế hoạch "
    "này; trong quá trình thực hiện, nếu có vướng mắc, phản ánh kịp thời về Sở Nội vụ để tổng hợp./.",
]


def _document():
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    style.paragraph_format.space_after = Pt(0)
    for text in BODY:
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    return document, WD_ALIGN_PARAGRAPH


def _pdf(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return libreoffice.convert(tools.soffice(), buffer.getvalue(), "docx", "pdf:writer_pdf_Export", 120)


def _signature_table(right: list[str], after: str | None = None) -> bytes:
    """The plan ending in a borderless 1x2 table: the recipients left, ``right`` centred right."""
    document, align = _document()
    table = document.add_table(rows=1, cols=2)  # the default "Normal Table" style: no borders
    assert table.style is None or "Grid" not in table.style.name
    left_cell, right_cell = table.rows[0].cells
    left_cell.paragraphs[0].add_run(RECIPIENTS[0]).bold = True
    for text in RECIPIENTS[1:]:
        left_cell.add_paragraph(text)
    right_cell.paragraphs[0].text = right[0]
    for text in right[1:]:
        right_cell.add_paragraph(text)
    for paragraph in right_cell.paragraphs:
        paragraph.alignment = align.CENTER
        for run in paragraph.runs:
            run.bold = True
    if after:
        document.add_paragraph().add_run(after).bold = True
    return _pdf(document)


def _tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


@needs_office
def test_signature_table_reads_as_two_cells_and_gives_its_signer():
    # Two blank lines for the signature: the list on the left goes on beside them.
    data = _signature_table([*TITLES, "", "", SIGNER])
    doc = read_pdf(data, "plan.pdf")
    tables = _tables(doc)
    assert len(tables) == 1, [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    (row,) = tables[0].rows
    left, right = (cell.text for cell in row.cells)
    assert right.split() == " ".join([*TITLES, SIGNER]).split()
    assert left.split() == " ".join(RECIPIENTS).split()
    assert not any("Nơi nhận" in b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert extract_plan(doc).signer == SIGNER


def _tops(data: bytes, words: list[str]) -> list[float]:
    """Where each of ``words`` is printed on page 1: the top of its line (pdfium's word boxes)."""
    from core.plandoc.readers.pdf_geometry import open_pdf, page_words

    pdf = open_pdf(data)
    page = pdf[0]
    found = page_words(page, page.get_size()[1])
    page.close()
    pdf.close()
    return [next(w["top"] for w in found if w["text"] == word) for word in words]


@needs_office
def test_name_that_wraps_in_its_cell_is_read_whole():
    """The right cell is one paragraph (as in the printed corpus plans): its name wraps onto the
    next line, beside a list item; read line by line, the name's two halves are cut apart by the
    list and no signer is found."""
    signer = "Trương Thị Minh Khánh"
    document, _align = _document()
    table = document.add_table(rows=1, cols=2)
    left_cell, right_cell = table.rows[0].cells
    left_cell.paragraphs[0].text = " ".join(RECIPIENTS)
    right_cell.paragraphs[0].text = " ".join([*TITLES, signer])
    data = _pdf(document)
    first, last = _tops(data, [signer.split()[0], signer.split()[-1]])
    assert last > first  # the case under test: the name wraps in its cell
    doc = read_pdf(data, "plan.pdf")
    right = [cell.text for table in _tables(doc) for cell in table.rows[0].cells[1:]]
    assert [" ".join(text.split()) for text in right] == [" ".join([*TITLES, signer])]
    assert extract_plan(doc).signer == signer


@needs_office
def test_heading_printed_under_the_table_is_not_taken_into_its_cell():
    data = _signature_table([*TITLES, SIGNER], after="PHỤ LỤC")
    doc = read_pdf(data, "plan.pdf")
    (table,) = _tables(doc)
    assert "PHỤ LỤC" not in table.rows[0].cells[0].text
    assert any(b.text == "PHỤ LỤC" for b in doc.blocks if isinstance(b, Paragraph))


@needs_office
def test_plan_signed_without_a_table_still_gives_its_signer():
    """The denial: a signature block in plain paragraphs (the recipients under it) is not cut into
    columns, nor is the justified running text; the signer is read as before."""
    document, align = _document()
    for text in [*TITLES, "", SIGNER]:
        paragraph = document.add_paragraph()
        paragraph.alignment = align.RIGHT
        paragraph.add_run(text).bold = True
    for text in RECIPIENTS:
        document.add_paragraph(text)
    doc = read_pdf(_pdf(document), "plan.pdf")
    assert _tables(doc) == []
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert BODY[2] in texts and BODY[3] in texts  # wide justified spaces are no gutter
    assert extract_plan(doc).signer == SIGNER


@pytest.mark.parametrize("gap", [0.5, 3.0])
def test_gutter_must_be_wider_than_a_space_stretched_by_justification(gap):
    """Hand-made lines: two lines whose words leave a strip of ``gap`` em white at the same place
    are two cells only when the strip is wider than ``MIN_GUTTER``."""
    from core.plandoc.readers.pdf_layout_tables import MIN_GUTTER, rebuild_layout_tables
    from core.plandoc.readers.pdf_types import Line

    size = 13.0

    def line(top: float, left: list[str], right: list[str]) -> Line:
        """Left words set leftwards from x=300, right words rightwards from the strip's far side."""
        words, x = [], 300.0
        for text in reversed(left):
            words.insert(0, (x - 7 * len(text), x, text))
            x -= 7 * len(text) + 3
        x = 300.0 + gap * size
        for text in right:
            words.append((x, x + 7 * len(text), text))
            x += 7 * len(text) + 3
        return Line(" ".join(w[2] for w in words), words[0][0], words[-1][1], top, top + size, 1,
                    words=words)  # fmt: skip

    lines = [
        line(100, ["Nơi", "nhận:"], ["TM.", "ỦY", "BAN"]),
        line(115, ["-", "Sở", "Nội", "vụ;"], ["CHỦ", "TỊCH"]),
    ]
    out = rebuild_layout_tables(lines)
    assert (len(out) == 1) == (gap > MIN_GUTTER), out
