"""The PAR INDEX documents in Word, in the Nghị định 30 layout of ``core.reporting.nd30``: a unit's
self-assessment report (báo cáo tự đánh giá, chấm điểm) and the province's decision approving and
publishing the results (quyết định phê duyệt, công bố), with its annex of results. Both builders
take plain data, so a document is testable without a database.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date

from docx import Document
from docx.enum.section import WD_SECTION

from core.reporting import nd30
from core.reporting.nd30 import CENTER, cell, para
from core.reporting.targets import number
from core.scoring.rules import pts


def _p(value: float | None) -> str:
    return "—" if value is None else pts(value)


@dataclass
class CriterionLine:
    code: str
    title: str
    depth: int
    max_points: float
    is_leaf: bool = True
    self_points: float | None = None
    na: bool = False
    note: str = ""
    evidence: list[str] = field(default_factory=list)


@dataclass
class SelfReport:
    unit_name: str
    issuer: str
    place: str
    year: int
    framework_title: str
    framework_decision: str = ""
    day: date | None = None
    number: str = ""
    lines: list[CriterionLine] = field(default_factory=list)
    self_total: float = 0.0
    applicable_max: float = 0.0
    recipients: list[str] = field(default_factory=lambda: ["Sở Nội vụ;", "Lưu: VT."])
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    signer_title: str = "CHỦ TỊCH"
    signer_name: str = ""

    @property
    def number_line(self) -> str:
        return nd30.number_line(self.number, "BC")


def _area_table(doc, lines: list[CriterionLine]) -> None:
    table = nd30.header_row(doc, ["STT", "Lĩnh vực", "Điểm tối đa", "Điểm tự chấm"], [1.2, 10.0, 2.4, 2.4])
    for line in lines:
        if line.depth != 1:
            continue
        points = sum(
            (x.max_points if x.na else (x.self_points or 0))
            for x in lines
            if x.is_leaf and (x.code == line.code or x.code.startswith(line.code + "."))
        )
        values = [line.code, line.title, _p(line.max_points), _p(points)]
        for j, (c, text) in enumerate(zip(table.add_row().cells, values, strict=True)):
            cell(c, text, align=nd30.LEFT if j == 1 else CENTER)


def _criteria_table(doc, lines: list[CriterionLine]) -> None:
    headers = ["Mã", "Tiêu chí, tiêu chí thành phần", "Tối đa", "Tự chấm", "Giải thích, tài liệu kiểm chứng"]
    table = nd30.header_row(doc, headers, [1.3, 6.4, 1.4, 1.6, 5.8], size=11)
    for line in lines:
        cells = table.add_row().cells
        bold = not line.is_leaf
        cell(cells[0], line.code, 11, bold=bold, align=CENTER)
        cell(cells[1], line.title, 11, bold=bold)
        cell(cells[2], _p(line.max_points), 11, bold=bold, align=CENTER)
        if line.is_leaf:
            cell(cells[3], "Không áp dụng" if line.na else _p(line.self_points), 11, align=CENTER)
            notes = [line.note] if line.note else []
            notes += [f"Kiểm chứng: {e}" for e in line.evidence]
            cell(cells[4], "\n".join(notes), 11)


def build_self_report(r: SelfReport) -> bytes:
    """Báo cáo kết quả tự đánh giá, chấm điểm Chỉ số CCHC of one unit."""
    doc = Document()
    nd30.setup_page(doc)
    nd30.header_block(doc, r.issuer, r.number_line, nd30.date_text(r.place, r.day, r.year))
    nd30.title_block(
        doc, "BÁO CÁO", f"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {r.year}"
    )
    basis = r.framework_decision or r.framework_title
    para(
        doc,
        f"Thực hiện {basis} ({r.framework_title}), {r.unit_name} báo cáo kết quả tự đánh giá, chấm điểm "
        f"Chỉ số cải cách hành chính năm {r.year} như sau:",
        indent=True,
    )
    para(doc, "I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", bold=True, before=6)
    share = number(round(100 * r.self_total / r.applicable_max, 2), "%") if r.applicable_max else "—"
    para(
        doc,
        f"Tổng điểm tự đánh giá phần thẩm định: {_p(r.self_total)}/{_p(r.applicable_max)} điểm áp dụng "
        f"(đạt {share}). Điểm điều tra xã hội học do Sở Nội vụ xác định.",
        indent=True,
    )
    _area_table(doc, r.lines)
    para(doc, "II. CHI TIẾT THEO TIÊU CHÍ", bold=True, before=12)
    _criteria_table(doc, r.lines)
    para(
        doc,
        f"Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {r.year} "
        f"của {r.unit_name}./.",
        indent=True,
        before=12,
    )
    nd30.closing(doc, r.recipients, r.signer_authority, r.signer_title, r.signer_name)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@dataclass
class ResultLine:
    rank: int | None
    unit: str
    appraised: float | None
    survey: float | None
    total: float
    max: float
    percent: float | None
    band: str


@dataclass
class Decision:
    issuer: str  # "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"
    province: str  # "tỉnh Thanh Hóa"
    place: str
    year: int
    units_words: str  # "UBND các xã, phường"
    framework_title: str
    framework_decision: str = ""
    number: str = ""
    day: date | None = None
    lines: list[ResultLine] = field(default_factory=list)
    band_counts: list[tuple[str, int]] = field(default_factory=list)
    signer_authority: str = "KT. CHỦ TỊCH"
    signer_title: str = "PHÓ CHỦ TỊCH"
    signer_name: str = ""

    @property
    def number_line(self) -> str:
        return nd30.number_line(self.number, "QĐ")

    @property
    def subject(self) -> str:
        return (
            f"Phê duyệt và công bố Chỉ số cải cách hành chính năm {self.year} "
            f"của {self.units_words} trên địa bàn {self.province}"
        )


def _decision_body(doc, d: Decision) -> None:
    para(doc, f"CHỦ TỊCH ỦY BAN NHÂN DÂN {d.province.upper()}", bold=True, align=CENTER, after=12)
    bases = [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể "
        "cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
    ]
    if d.framework_decision:
        bases.append(f"Căn cứ {d.framework_decision} ban hành {d.framework_title};")
    bases.append("Theo đề nghị của Giám đốc Sở Nội vụ.")
    for line in bases:
        para(doc, line, italic=True, indent=True)
    para(doc, "QUYẾT ĐỊNH:", bold=True, align=CENTER, before=6)
    counts = "; ".join(f"{band}: {n} đơn vị" for band, n in d.band_counts if n)
    para(
        doc,
        f"Điều 1. Phê duyệt và công bố Chỉ số cải cách hành chính năm {d.year} của {len(d.lines)} "
        f"{d.units_words} trên địa bàn {d.province} (chi tiết tại Phụ lục kèm theo). Kết quả xếp loại: {counts}.",
        indent=True,
    )
    para(
        doc,
        f"Điều 2. Căn cứ kết quả Chỉ số cải cách hành chính được công bố, {d.units_words} xây dựng kế hoạch "
        "khắc phục tồn tại, hạn chế ở các tiêu chí đạt thấp; Sở Nội vụ theo dõi, đôn đốc việc thực hiện.",
        indent=True,
    )
    para(
        doc,
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, "
        f"Chủ tịch {d.units_words} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
        indent=True,
    )


def _annex(doc, d: Decision) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    para(doc, "PHỤ LỤC", bold=True, align=CENTER, after=0)
    para(
        doc,
        f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {d.year} CỦA {d.units_words.upper()}",
        bold=True,
        align=CENTER,
        after=0,
    )
    day = f"ngày {d.day:%d/%m/%Y}" if d.day else "ngày      /      /"
    para(
        doc,
        f"(Kèm theo Quyết định số {d.number or '      '}/QĐ-UBND {day} của Chủ tịch UBND {d.province})",
        italic=True,
        align=CENTER,
    )
    headers = [
        "Xếp hạng",
        "Đơn vị",
        "Điểm thẩm định",
        "Điểm điều tra XHH",
        "Tổng điểm",
        "Chỉ số (%)",
        "Xếp loại",
    ]
    table = nd30.header_row(doc, headers, [1.4, 4.6, 1.9, 1.9, 1.9, 1.8, 2.0], size=11)
    for line in d.lines:
        values = [
            str(line.rank or "—"),
            line.unit,
            _p(line.appraised),
            _p(line.survey),
            f"{_p(line.total)}/{_p(line.max)}",
            "—" if line.percent is None else number(line.percent),
            line.band,
        ]
        for j, (c, text) in enumerate(zip(table.add_row().cells, values, strict=True)):
            cell(c, text, 11, align=nd30.LEFT if j == 1 else CENTER)


def build_decision(d: Decision) -> bytes:
    """Quyết định phê duyệt và công bố Chỉ số CCHC, with the results annex."""
    doc = Document()
    nd30.setup_page(doc)
    nd30.header_block(doc, d.issuer, d.number_line, nd30.date_text(d.place, d.day, d.year + 1))
    nd30.title_block(doc, "QUYẾT ĐỊNH", d.subject)
    _decision_body(doc, d)
    nd30.closing(
        doc,
        ["Như Điều 3;", "Bộ Nội vụ (để báo cáo);", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Lưu: VT, SNV."],
        d.signer_authority,
        d.signer_title,
        d.signer_name,
    )
    _annex(doc, d)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
