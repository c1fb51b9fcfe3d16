"""The PDF reader on what LibreOffice prints: bold faces and fallback-font letters.

The PDFs are made here, not taken from the code under test: python-docx writes a DOCX in Liberation
Serif (the font LibreOffice substitutes for Times New Roman) and LibreOffice prints it. Two
properties of such prints are checked:
- the bold face is embedded as "LiberationSerif-Bold" with a declared weight of 400, so only the
  font's name says it is bold; a bold heading that fills its line must stay its own paragraph;
- letters Liberation Serif lacks ("Ể", "ệ") are written in a fallback font after the rest of the
  line, and must be read back in their place in the word.
"""

from __future__ import annotations

import io

import pytest

from core import libreoffice
from core.plandoc import tools
from core.plandoc.document import Paragraph
from core.plandoc.readers.pdf import read_pdf
from tests.core.plandoc.readers.conftest import needs_office

FONT = "Liberation Serif"
SIZE_PT = 13
HEADING = "KẾ HOẠCH TRIỂN KHAI CÁC NHIỆM VỤ"
BODY = (
    "Các cơ quan, đơn vị rà soát quy trình nội bộ, cập nhật cơ sở dữ liệu dùng chung và báo cáo kết "
    "quả thực hiện theo định kỳ hằng quý để tổng hợp, theo dõi và đánh giá mức độ hoàn thành."
)


def _ink_width(data: bytes) -> float:
    """Width in points from the first to the last letter printed on page 1 (pdfium's glyph boxes)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    page = pdf[0]
    textpage = page.get_textpage()
    text = textpage.get_text_range(0, textpage.count_chars())
    boxes = [textpage.get_charbox(i) for i, ch in enumerate(text) if not ch.isspace()]
    textpage.close()
    page.close()
    pdf.close()
    return max(box[2] for box in boxes) - min(box[0] for box in boxes)


def _line_filled_by(heading: str) -> float:
    """A text width just wider than ``heading`` in bold: measured on a first print of it alone.

    Letters Liberation Serif lacks come from a wider fallback font, so the font file's own metrics
    would not tell the printed width.
    """
    return _ink_width(_print([(heading, True)])) * 1.04


def _print(paragraphs: list[tuple[str, bool]], text_width_pt: float | None = None) -> bytes:
    """A DOCX of (text, bold) paragraphs in Liberation Serif, printed to PDF by LibreOffice."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(SIZE_PT)
    style.paragraph_format.space_after = Pt(0)
    if text_width_pt is not None:
        section = document.sections[0]
        section.right_margin = section.page_width - section.left_margin - Pt(text_width_pt)
    for text, bold in paragraphs:
        document.add_paragraph().add_run(text).bold = bold
    buffer = io.BytesIO()
    document.save(buffer)
    return libreoffice.convert(tools.soffice(), buffer.getvalue(), "docx", "pdf:writer_pdf_Export", 120)


def _fallback_used(data: bytes) -> bool:
    """Whether LibreOffice set some letter in a font other than the one asked for."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    names = set()
    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        textpage = page.get_textpage()
        for i in range(textpage.count_chars()):
            buffer = ctypes.create_string_buffer(128)
            if pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, buffer, 128, None):
                names.add(buffer.value.decode("latin-1"))
        textpage.close()
    pdf.close()
    return any(name and "Liberation" not in name for name in names)


def _paragraphs(data: bytes) -> list[Paragraph]:
    return [b for b in read_pdf(data, "in.pdf").blocks if isinstance(b, Paragraph)]


@needs_office
def test_bold_heading_that_fills_its_line_is_not_joined_to_the_next_paragraph():
    # The line is set just wider than the heading: it runs to the right margin like wrapped text.
    found = _paragraphs(_print([(HEADING, True), (BODY, False)], text_width_pt=_line_filled_by(HEADING)))
    assert [p.text for p in found][:1] == [HEADING], [p.text for p in found]
    assert found[0].bold
    assert len(found) == 2 and found[1].text == BODY
    assert not found[1].bold  # regular text is not taken for bold


@needs_office
def test_regular_lines_that_fill_the_width_still_join_into_one_paragraph():
    """The denial: the split above comes from the weight, not from every full line ending a paragraph."""
    found = _paragraphs(_print([(BODY, False)], text_width_pt=_line_filled_by(HEADING)))
    assert [p.text for p in found] == [BODY]
    assert not found[0].bold


@needs_office
def test_letters_of_a_fallback_font_are_read_in_their_place():
    # One letter Liberation Serif lacks, inside the last word of its line: LibreOffice writes it
    # just after that word's last letter, a little to its left.
    lines = ["QUAN ĐIỂM", "Nông nghiệp", "Tài liệu"]
    data = _print([(line, False) for line in lines] + [(BODY, False)])
    if not _fallback_used(data):
        pytest.skip(f"{FONT} here has every Vietnamese letter: no fallback font to read back")
    assert [p.text for p in _paragraphs(data)] == [*lines, BODY]
