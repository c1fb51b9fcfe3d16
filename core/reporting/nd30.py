"""The layout of an administrative document under Nghị định 30/2020/NĐ-CP (Phụ lục I), in pieces
every CCHC document reuses: the periodic report, the PAR INDEX self-assessment report, the
province's decision publishing the index.

A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; body 14 pt
justified with a 1.27 cm first-line indent and 6 pt after each paragraph; the header block of a
"văn bản có tên loại" (tên cơ quan and số ký hiệu on the left, quốc hiệu, tiêu ngữ and địa danh,
ngày tháng on the right); page numbers centred in the top margin from page 2; "Nơi nhận" left of
the signature block. Only python-docx is used; the one piece of raw XML is the PAGE field, which
python-docx has no API for.
"""

from __future__ import annotations

from datetime import date

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
NBSP = "\u00a0"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def run(paragraph, text: str, size: int | None = BODY_PT, *, bold=False, italic=False, underline=False):
    """A run in Times New Roman; ``size`` None leaves font and size to the paragraph style (table
    cells), which keeps big tables fast to build: every property is an element to place."""
    r = paragraph.add_run(text)
    if size is not None:
        r.font.name, r.font.size = FONT, Pt(size)
    # Only what differs from plain text: each property set is an element python-docx has to place.
    if bold:
        r.bold = True
    if italic:
        r.italic = True
    if underline:
        r.underline = True
    return r


def para(
    container,
    text: str = "",
    size: int = BODY_PT,
    *,
    bold=False,
    italic=False,
    align=None,
    indent: bool = False,
    after: float = 6,
    before: float = 0,
):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_after, fmt.space_before = Pt(after), Pt(before)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if align is None else align
    if indent:
        fmt.first_line_indent = Cm(1.27)
    if text:
        run(p, text, size, bold=bold, italic=italic)
    return p


def rule(container, length: int, size: int = 13):
    """A short solid line under a name or a title: underlined non-breaking spaces, centred."""
    p = para(container, align=CENTER, after=0)
    run(p, NBSP * length, size, underline=True)
    p.paragraph_format.line_spacing = Pt(6)
    return p


def text_block(doc, text: str) -> None:
    """Narrative text: one paragraph per line; lines starting with '-' or '+' are list items."""
    for line in (text or "").splitlines():
        if line.strip():
            para(doc, line.strip(), indent=True)


def setup_page(doc) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(BODY_PT)
    normal.paragraph_format.line_spacing = 1.15
    # Page numbers from page 2: page 1 has its own, empty, header.
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    r = run(header, "2")  # placeholder text, replaced by the page number when rendered
    field.append(r._r)  # python-docx has no API for fields: wrap the run in a PAGE field
    header._p.append(field)


def grid(doc, rows: int, cols: int, widths_cm: list[float], *, borders: bool = True):
    table = doc.add_table(rows=rows, cols=cols)
    if borders:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # Word reads each cell's width, LibreOffice (and the PDF made with it) the table's grid: both
    # are set, or the PDF prints a long task name in a column a fifth of the page wide.
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)
    for row in table.rows:
        for c, width in zip(row.cells, widths_cm, strict=False):
            c.width = Cm(width)
    return table


def cell(c, text: str, size: int = TABLE_PT, *, bold=False, italic=False, align=LEFT, explicit: bool = False):
    """Text in a table cell. Data tables take font and size from a paragraph style (fast for
    hundreds of rows); the header and signature blocks set them on the run (``explicit``)."""
    p = c.paragraphs[0]
    if explicit:
        p.paragraph_format.space_after = Pt(0)
    else:
        # python-docx's own setter below the public API: ``p.style = ...`` scans every style of the
        # document to see whether it is the default, once per cell (most of a big table's build time).
        p._p.style = _table_style(c.part, size).style_id
    if align != LEFT:
        p.alignment = align
    if text:
        run(p, text, size if explicit else None, bold=bold, italic=italic)
    return p


def _table_style(part, size: int):
    """A paragraph style per table font size: Times New Roman, no spacing after, single lines."""
    cache = part.__dict__.setdefault("_cchc_table_styles", {})
    if size not in cache:
        styles = part.styles
        style = styles.add_style(f"CCHC Bang {size}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.name, style.font.size = FONT, Pt(size)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.line_spacing = 1.0
        cache[size] = style
    return cache[size]


def header_row(doc, headers: list[str], widths_cm: list[float], size: int = TABLE_PT):
    """A bordered table with its bold, centred header row."""
    table = grid(doc, 1, len(headers), widths_cm)
    for c, text in zip(table.rows[0].cells, headers, strict=True):
        cell(c, text, size, bold=True, align=CENTER)
    return table


def header_block(doc, issuer: str, number_line: str, date_text: str, parent_body: str = "") -> None:
    """Tên cơ quan and số ký hiệu on the left; quốc hiệu, tiêu ngữ and địa danh, ngày on the right."""
    table = grid(doc, 1, 2, [5.9, 10.6], borders=False)  # quốc hiệu 13 pt bold on one line
    left, right = table.rows[0].cells
    if parent_body:
        cell(left, parent_body.upper(), 13, align=CENTER, explicit=True)
        p = left.add_paragraph()
    else:
        p = left.paragraphs[0]
    p.alignment = CENTER
    p.paragraph_format.space_after = Pt(0)
    run(p, issuer.upper(), 13, bold=True)
    rule(left, 14)
    p = left.add_paragraph()
    p.alignment = CENTER
    run(p, number_line, 13)
    cell(right, QUOC_HIEU, 13, bold=True, align=CENTER, explicit=True)
    p = right.add_paragraph()
    p.alignment = CENTER
    p.paragraph_format.space_after = Pt(6)
    run(p, TIEU_NGU, 14, bold=True, underline=True)  # the tiêu ngữ's rule is as long as its text
    p = right.add_paragraph()
    p.alignment = CENTER
    run(p, date_text, 14, italic=True)


def date_text(place: str, day: date | None, fallback_year: int) -> str:
    """ "Thường Xuân, ngày 05 tháng 01 năm 2025": leading zero for days < 10 and months 1-2;
    blanks to fill by hand when the day is not known yet."""
    place = place or "……"
    if day is None:
        return f"{place}, ngày      tháng      năm {fallback_year}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(number: str, kind: str, issuer_code: str = "UBND") -> str:
    """ "Số: 07/BC-UBND": numbers below 10 take a leading zero (Phụ lục I); a blank to fill by hand
    until the number is given, as offices print it."""
    number = (number or "").strip()
    if number.isdigit() and len(number) == 1:
        number = "0" + number
    return f"Số: {number or '      '}/{kind}-{issuer_code}"


def title_block(doc, kind: str, title: str) -> None:
    """Tên loại ("BÁO CÁO", "QUYẾT ĐỊNH") and trích yếu, centred and bold, with a short rule."""
    para(doc, kind, 14, bold=True, align=CENTER, before=18, after=0)
    para(doc, title, 14, bold=True, align=CENTER, after=0)
    rule(doc, 24)
    para(doc, after=6)


def closing(doc, recipients: list[str], authority: str, title: str, name: str) -> None:
    """Nơi nhận on the left (12 pt bold italic, recipients 11 pt, one per line), the signature
    block on the right (quyền hạn, chức vụ, space to sign, họ tên)."""
    table = grid(doc, 1, 2, [8.0, 8.5], borders=False)
    left, right = table.rows[0].cells
    cell(left, "Nơi nhận:", 12, bold=True, italic=True, explicit=True)
    recipients = recipients or ["Như trên;", "Lưu: VT."]
    for i, r in enumerate(recipients):
        p = left.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        text = r.strip().lstrip("-").strip()
        end = "." if i == len(recipients) - 1 else ";"
        run(p, f"- {text.rstrip(';.')}{end}", 11)
    cell(right, authority.upper(), 14, bold=True, align=CENTER, explicit=True)
    p = right.add_paragraph()
    p.alignment = CENTER
    run(p, title.upper(), 14, bold=True)
    for _ in range(4):
        right.add_paragraph()
    p = right.add_paragraph()
    p.alignment = CENTER
    run(p, name or "", 14, bold=True)
