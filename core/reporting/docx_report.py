"""The report as a Word document in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I).

A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; body 14 pt
justified with a 1.27 cm first-line indent and 6 pt after each paragraph; the header block of a
"văn bản có tên loại" (tên cơ quan and số ký hiệu on the left, quốc hiệu, tiêu ngữ and địa danh,
ngày tháng on the right); page numbers centred in the top margin from page 2. The body follows the
usual đề cương of a CCHC report (I-V), each section carrying the facts of ``ReportData``.

Only python-docx is used; the one piece of raw XML is the PAGE field, which python-docx has no API for.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from core.plandoc.model import AREAS
from core.reporting.data import RESULT_AREAS, ReportData, TaskFact
from core.reporting.facts import TASK_STATE_LABELS, TaskState, by_lead_agency, count_tasks, counts_by, percent
from core.reporting.targets import VERDICT_LABELS, number, target_text

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
NBSP = "\u00a0"
SECTION_TITLES = {
    "I": "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    "II": "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    "III": "III. ĐÁNH GIÁ CHUNG",
    "IV": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "V": "V. ĐỀ XUẤT, KIẾN NGHỊ",
}
STATE_COLUMNS = list(TaskState)


def _run(paragraph, text: str, size: int | None = BODY_PT, *, bold=False, italic=False, underline=False):
    """A run in Times New Roman; ``size`` None leaves font and size to the paragraph style (table
    cells), which keeps big tables fast to build: every property is an element to place."""
    run = paragraph.add_run(text)
    if size is not None:
        run.font.name, run.font.size = FONT, Pt(size)
    # Only what differs from plain text: each property set is an element python-docx has to place.
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if underline:
        run.underline = True
    return run


def _para(
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
        _run(p, text, size, bold=bold, italic=italic)
    return p


def _rule(container, length: int, size: int = 13):
    """A short solid line under a name or a title: underlined non-breaking spaces, centred."""
    p = _para(container, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _run(p, NBSP * length, size, underline=True)
    p.paragraph_format.line_spacing = Pt(6)
    return p


def _text_block(doc, text: str) -> None:
    """Narrative text: one paragraph per line; lines starting with '-' or '+' are list items."""
    for line in (text or "").splitlines():
        if line.strip():
            _para(doc, line.strip(), indent=True)


def _page(doc) -> None:
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
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = _run(header, "2")  # placeholder text, replaced by the page number when rendered
    field.append(run._r)  # python-docx has no API for fields: wrap the run in a PAGE field
    header._p.append(field)


def _grid(doc, rows: int, cols: int, widths_cm: list[float], *, borders: bool = True):
    table = doc.add_table(rows=rows, cols=cols)
    if borders:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)
    return table


def _cell(
    cell,
    text: str,
    size: int = TABLE_PT,
    *,
    bold=False,
    italic=False,
    align=WD_ALIGN_PARAGRAPH.LEFT,
    explicit: bool = False,
):
    """Text in a table cell. Data tables take font and size from a paragraph style (fast for
    hundreds of rows); the header and signature blocks set them on the run (``explicit``)."""
    p = cell.paragraphs[0]
    if explicit:
        p.paragraph_format.space_after = Pt(0)
    else:
        # python-docx's own setter below the public API: ``p.style = ...`` scans every style of the
        # document to see whether it is the default, once per cell (most of a big table's build time).
        p._p.style = _table_style(cell.part, size).style_id
    if align != WD_ALIGN_PARAGRAPH.LEFT:
        p.alignment = align
    if text:
        _run(p, text, size if explicit else None, bold=bold, italic=italic)
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


def _header_block(doc, data: ReportData) -> None:
    table = _grid(doc, 1, 2, [6.5, 10.0], borders=False)
    left, right = table.rows[0].cells
    center = WD_ALIGN_PARAGRAPH.CENTER
    if data.parent_body:
        _cell(left, data.parent_body.upper(), 13, align=center, explicit=True)
        p = left.add_paragraph()
    else:
        p = left.paragraphs[0]
    p.alignment = center
    p.paragraph_format.space_after = Pt(0)
    _run(p, data.issuer.upper(), 13, bold=True)
    _rule(left, 14)
    p = left.add_paragraph()
    p.alignment = center
    _run(p, data.number_line, 13)
    _cell(right, QUOC_HIEU, 13, bold=True, align=center, explicit=True)
    p = right.add_paragraph()
    p.alignment = center
    p.paragraph_format.space_after = Pt(6)
    _run(p, TIEU_NGU, 14, bold=True, underline=True)  # the tiêu ngữ's rule is as long as its text
    p = right.add_paragraph()
    p.alignment = center
    _run(p, date_line(data), 14, italic=True)


def date_line(data: ReportData) -> str:
    """ "Thường Xuân, ngày 05 tháng 01 năm 2025": leading zero for days < 10 and months 1-2."""
    place = data.place or "……"
    d = data.report_date
    if d is None:
        return f"{place}, ngày      tháng      năm {data.period_end.year}"
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def _title(doc, data: ReportData) -> None:
    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc, "BÁO CÁO", 14, bold=True, align=center, before=18, after=0)
    _para(doc, data.title, 14, bold=True, align=center, after=0)
    _rule(doc, 24)
    _para(doc, after=6)


def _counts_table(doc, rows, first_header: str) -> None:
    headers = [
        first_header,
        "Tổng số",
        "Hoàn thành đúng hạn",
        "Hoàn thành trễ hạn",
        "Đang thực hiện",
        "Quá hạn",
        "Chưa có báo cáo",
        "Tỷ lệ hoàn thành",
    ]
    table = _grid(doc, 1, len(headers), [4.4] + [1.6] * 6 + [1.8])
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, 11, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for c in rows:
        cells = table.add_row().cells
        values = [c.label, str(c.total)] + [str(c[s]) for s in STATE_COLUMNS] + [percent(c.done, c.total)]
        for i, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell(
                cell,
                text,
                11,
                bold=c.label == "Tổng cộng",
                align=WD_ALIGN_PARAGRAPH.LEFT if i == 0 else WD_ALIGN_PARAGRAPH.CENTER,
            )


def _task_table(doc, tasks: list[TaskFact], with_unit: bool) -> None:
    headers = ["STT", "Nhiệm vụ", "Chủ trì", "Tình trạng", "Kết quả, tài liệu kiểm chứng"]
    widths = [1.0, 5.2, 2.8, 2.4, 5.1]
    table = _grid(doc, 1, len(headers), widths)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for i, t in enumerate(tasks, 1):
        cells = table.add_row().cells
        _cell(cells[0], t.no or str(i), align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell(cells[1], f"{t.unit}: {t.content}" if with_unit and t.unit else t.content)
        _cell(cells[2], ", ".join(t.lead) or "—")
        _cell(cells[3], TASK_STATE_LABELS.get(t.state, t.state))
        result = t.result or "Chưa có báo cáo."
        _cell(cells[4], result, italic=not t.result)
        for e in t.evidence:
            p = cells[4].add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            _run(p, f"Kiểm chứng: {e.title}" + (f" ({e.ref})" if e.ref else ""), 11, italic=True)


def _indicator_table(doc, data: ReportData) -> None:
    headers = ["STT", "Chỉ tiêu", "Mức chỉ tiêu", "Kết quả kỳ này", "Đánh giá", "Nguồn số liệu"]
    table = _grid(doc, 1, len(headers), [1.0, 6.0, 2.2, 2.2, 2.2, 2.9])
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for i, ind in enumerate(data.indicators, 1):
        cells = table.add_row().cells
        values = [
            str(i),
            ind.target_text or ind.name,
            target_text(ind.comparator, ind.target_value, ind.unit),
            number(ind.value, ind.unit),
            VERDICT_LABELS.get(ind.verdict, ind.verdict),
            ind.source or "—",
        ]
        for j, (cell, text) in enumerate(zip(cells, values, strict=True)):
            _cell(cell, text, align=WD_ALIGN_PARAGRAPH.LEFT if j in (1, 5) else WD_ALIGN_PARAGRAPH.CENTER)


def _communes_table(doc, data: ReportData) -> None:
    headers = ["STT", "Đơn vị", "Báo cáo", "Ngày gửi", "Số nhiệm vụ", "Hoàn thành", "Quá hạn", "Chỉ tiêu đạt"]
    table = _grid(doc, 1, len(headers), [1.0, 4.0, 2.6, 2.2, 1.7, 1.7, 1.6, 1.7])
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, 11, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for i, row in enumerate(data.communes, 1):
        total = sum(row.counts.values())
        done = row.counts.get(TaskState.DONE_ON_TIME, 0) + row.counts.get(TaskState.DONE_LATE, 0)
        values = [
            str(i),
            row.name,
            commune_status(row),
            row.submitted_on.strftime("%d/%m/%Y") if row.submitted_on else "—",
            str(total),
            str(done),
            str(row.counts.get(TaskState.OVERDUE, 0)),
            f"{row.indicators_met}/{row.indicators_with_data}" if row.indicators_with_data else "—",
        ]
        for j, (cell, text) in enumerate(zip(table.add_row().cells, values, strict=True)):
            _cell(cell, text, 11, align=WD_ALIGN_PARAGRAPH.LEFT if j == 1 else WD_ALIGN_PARAGRAPH.CENTER)


def commune_status(row) -> str:
    if row.status == "submitted":
        return "Đã gửi đúng hạn" if row.on_time else "Đã gửi trễ hạn"
    return "Chưa gửi"


def _section_one(doc, data: ReportData) -> None:
    _para(doc, SECTION_TITLES["I"], bold=True, before=6)
    _text_block(doc, data.narrative.direction)
    if data.communes:
        sent = [c for c in data.communes if c.status == "submitted"]
        on_time = sum(1 for c in sent if c.on_time)
        _para(
            doc,
            f"Tình hình báo cáo của cấp dưới: {len(sent)}/{len(data.communes)} đơn vị đã gửi báo cáo "
            f"trên hệ thống ({on_time} đúng hạn, {len(sent) - on_time} trễ hạn); "
            f"{len(data.communes) - len(sent)} đơn vị chưa gửi, số liệu lấy từ hệ thống.",
            indent=True,
        )
        _communes_table(doc, data)


def _section_two(doc, data: ReportData) -> None:
    _para(doc, SECTION_TITLES["II"], bold=True, before=6)
    with_unit = bool(data.communes)
    if data.tasks:
        _para(doc, "Tình hình thực hiện nhiệm vụ theo lĩnh vực:", italic=True, indent=True)
        rows = counts_by(data.tasks, lambda t: [AREAS.get(t.area, t.area)]) + [count_tasks(data.tasks)]
        _counts_table(doc, rows, "Lĩnh vực")
        _para(doc, "Tình hình thực hiện nhiệm vụ theo cơ quan chủ trì:", italic=True, indent=True, before=6)
        _counts_table(doc, counts_by(data.tasks, by_lead_agency), "Cơ quan chủ trì")
    for n, code in enumerate(RESULT_AREAS, 1):
        _para(doc, f"{n}. {AREAS[code]}", bold=True, before=6)
        _text_block(doc, data.narrative.areas.get(code, ""))
        tasks = [t for t in data.tasks if t.area == code]
        if tasks:
            _task_table(doc, tasks, with_unit)
    _para(doc, f"{len(RESULT_AREAS) + 1}. Kết quả thực hiện các chỉ tiêu", bold=True, before=6)
    if data.indicators:
        _indicator_table(doc, data)
    else:
        _para(doc, "Kế hoạch không có chỉ tiêu định lượng để theo dõi trong kỳ.", italic=True, indent=True)


def _closing(doc, data: ReportData) -> None:
    table = _grid(doc, 1, 2, [8.0, 8.5], borders=False)
    left, right = table.rows[0].cells
    _cell(left, "Nơi nhận:", 12, bold=True, italic=True, explicit=True)
    recipients = data.recipients or ["Như trên;", "Lưu: VT."]
    for i, r in enumerate(recipients):
        p = left.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        text = r.strip().lstrip("-").strip()
        end = "." if i == len(recipients) - 1 else ";"
        _run(p, f"- {text.rstrip(';.')}{end}", 11)
    center = WD_ALIGN_PARAGRAPH.CENTER
    _cell(right, data.signer_authority.upper(), 14, bold=True, align=center, explicit=True)
    p = right.add_paragraph()
    p.alignment = center
    _run(p, data.signer_title.upper(), 14, bold=True)
    for _ in range(4):
        right.add_paragraph()
    p = right.add_paragraph()
    p.alignment = center
    _run(p, data.signer_name or "", 14, bold=True)


def build_docx(data: ReportData) -> bytes:
    """The report document as DOCX bytes."""
    doc = Document()
    _page(doc)
    _header_block(doc, data)
    _title(doc, data)
    _para(
        doc,
        f"Số liệu tính từ ngày {data.period_start:%d/%m/%Y} đến ngày {data.period_end:%d/%m/%Y}.",
        italic=True,
        indent=True,
    )
    for statement in data.missing:
        _para(doc, f"Lưu ý về số liệu: {statement}", italic=True, indent=True)
    _section_one(doc, data)
    _section_two(doc, data)
    _para(doc, SECTION_TITLES["III"], bold=True, before=6)
    for label, text in (
        ("1. Kết quả đạt được", data.narrative.achievements),
        ("2. Tồn tại, hạn chế", data.narrative.limitations),
        ("3. Nguyên nhân", data.narrative.causes),
    ):
        _para(doc, label, bold=True)
        _text_block(doc, text)
    _para(doc, SECTION_TITLES["IV"], bold=True, before=6)
    _text_block(doc, data.narrative.next_tasks)
    _para(doc, SECTION_TITLES["V"], bold=True, before=6)
    _text_block(doc, data.narrative.proposals)
    _para(
        doc,
        f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {data.period_title} "
        f"của {data.unit_name}./.",
        indent=True,
    )
    _closing(doc, data)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
