"""The report as a Word document in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I).

The layout (page, header block, title, closing) is ``core.reporting.nd30``; the body follows the
usual đề cương of a CCHC report (I-V), each section carrying the facts of ``ReportData``.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from core.plandoc.model import AREAS
from core.reporting import nd30
from core.reporting.data import RESULT_AREAS, ReportData, TaskFact
from core.reporting.facts import TASK_STATE_LABELS, TaskState, agency_table, count_tasks, counts_by, percent

# The shared Nghị định 30 layout (core.reporting.nd30), under the names this module always used.
from core.reporting.nd30 import cell as _cell
from core.reporting.nd30 import grid as _grid
from core.reporting.nd30 import para as _para
from core.reporting.nd30 import run as _run
from core.reporting.targets import VERDICT_LABELS, number, target_text
from core.text import capitalise_first, capitalise_lines

TABLE_PT = nd30.TABLE_PT
SECTION_TITLES = {
    "I": "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    "II": "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
    "III": "III. ĐÁNH GIÁ CHUNG",
    "IV": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "V": "V. ĐỀ XUẤT, KIẾN NGHỊ",
}
STATE_COLUMNS = list(TaskState)


def _text_block(doc, text: str) -> None:
    """Narrative paragraphs, each starting with a capital letter: a narrative drafted before the
    draft capitalised its sentences, or typed that way, still prints as a document is written."""
    nd30.text_block(doc, capitalise_lines(text))


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
    widths = [1.2, 5.2, 2.8, 2.4, 4.9]  # STT fits on one line
    table = _grid(doc, 1, len(headers), widths)
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for i, t in enumerate(tasks, 1):
        cells = table.add_row().cells
        _cell(cells[0], t.no or str(i), align=WD_ALIGN_PARAGRAPH.CENTER)
        _cell(cells[1], capitalise_first(f"{t.unit}: {t.content}" if with_unit and t.unit else t.content))
        _cell(cells[2], ", ".join(t.lead) or "—")
        _cell(cells[3], TASK_STATE_LABELS.get(t.state, t.state))
        result = capitalise_first(t.result) or "Chưa có báo cáo."
        _cell(cells[4], result, italic=not t.result)
        for e in t.evidence:
            p = cells[4].add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            _run(p, f"Kiểm chứng: {e.title}" + (f" ({e.ref})" if e.ref else ""), 11, italic=True)


def _indicator_table(doc, data: ReportData) -> None:
    headers = ["STT", "Chỉ tiêu", "Mức chỉ tiêu", "Kết quả kỳ này", "Đánh giá", "Nguồn số liệu"]
    table = _grid(doc, 1, len(headers), [1.2, 5.8, 2.2, 2.2, 2.2, 2.9])
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
    table = _grid(doc, 1, len(headers), [1.2, 3.8, 2.6, 2.2, 1.7, 1.7, 1.6, 1.7])
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


def date_line(data: ReportData) -> str:
    """ "Thường Xuân, ngày 05 tháng 01 năm 2025": leading zero for days < 10 and months 1-2."""
    return nd30.date_text(data.place, data.report_date, data.period_end.year)


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
        rows, note = agency_table(data.tasks)
        _counts_table(doc, rows, "Cơ quan chủ trì")
        if note:
            _para(doc, note, 12, italic=True, before=3)
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


def build_docx(data: ReportData) -> bytes:
    """The report document as DOCX bytes."""
    doc = Document()
    nd30.setup_page(doc)
    nd30.header_block(doc, data.issuer, data.number_line, date_line(data), data.parent_body)
    nd30.title_block(doc, "BÁO CÁO", data.title)
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
    nd30.closing(doc, data.recipients, data.signer_authority, data.signer_title, data.signer_name)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
