"""A framework as an Excel workbook, both ways: the template officials fill, the export they edit.

Three sheets: "Thông tin" (name, year, level, issuing province, the split of points), "Tiêu chí"
(one row per lĩnh vực, tiêu chí or tiêu chí thành phần, with dotted codes), "Xếp loại" (bands).
Reading never raises on bad cells: every problem becomes a Vietnamese message naming the sheet and
row, and the caller saves nothing unless the list is empty. Writing routes every cell through
``put`` so that text typed by users (a title starting with "=") can never become a formula.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from core.reporting.targets import number
from core.scoring.framework import (
    KIND_LABELS,
    LEVEL_LABELS,
    NA_LABELS,
    PART_LABELS,
    Band,
    CriterionSpec,
    FrameworkSpec,
    NotApplicable,
    Part,
    ScoreLevel,
    ScoringKind,
    parse_levels,
    parse_number,
)
from core.text import fold, nfc
from core.xlsx_safe import protect

INFO_SHEET, CRITERIA_SHEET, BANDS_SHEET, HELP_SHEET = "Thông tin", "Tiêu chí", "Xếp loại", "Hướng dẫn"
INFO_ROWS = [
    ("title", "Tên bộ chỉ số"),
    ("year", "Năm áp dụng"),
    ("level", "Cấp áp dụng (xã / sở)"),
    ("province", "Tỉnh, thành phố ban hành"),
    ("decision", "Quyết định ban hành (số, ngày)"),
    ("source", "Nguồn, căn cứ xây dựng"),
    ("total_max", "Tổng điểm tối đa"),
    ("appraisal_max", "Điểm tối đa phần thẩm định"),
    ("survey_max", "Điểm tối đa phần khảo sát (điều tra xã hội học)"),
]
COLUMNS = [
    ("Mã", 8),
    ("Lĩnh vực, tiêu chí, tiêu chí thành phần", 50),
    ("Điểm tối đa", 10),
    ("Phương pháp chấm điểm", 45),
    ("Cách chấm (có/không; theo mức; theo tỷ lệ; chấm trực tiếp)", 16),
    ("Các mức điểm (mức: điểm; ...)", 34),
    ("Tỷ lệ đạt điểm tối đa (%)", 12),
    ("Tỷ lệ dưới mức không tính điểm (%)", 12),
    ("Mã số liệu tự động", 18),
    ("Bắt buộc tài liệu kiểm chứng (có/không)", 12),
    ("Khi không áp dụng (đủ điểm / trừ khỏi điểm tối đa)", 18),
    ("Phần (thẩm định / khảo sát), ghi ở dòng lĩnh vực", 14),
]
MAX_ROWS = 2000
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def put(ws: Worksheet, row: int, col: int, value):
    """Write one cell; text that Excel could read as a formula stays text (``core.xlsx_safe``)."""
    cell = ws.cell(row, col)
    cell.value = value
    return protect(cell)


# --- reading ---------------------------------------------------------------------------------------


@dataclass
class ReadResult:
    spec: FrameworkSpec | None = None
    errors: list[str] = field(default_factory=list)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    lines = [line.strip() for line in nfc(str(value)).replace("\r", "").split("\n")]
    return "\n".join(line for line in lines if line)


def _code(value) -> str:
    """Codes typed as numbers come back as floats: 1.1 is "1.1", but 1.10 would be read as 1.1 too,
    so the template formats the code column as text."""
    if isinstance(value, float):
        return f"{value:g}"
    return _text(value).rstrip(".").replace(" ", "")


_KINDS = {
    "co/khong": ScoringKind.YES_NO,
    "co khong": ScoringKind.YES_NO,
    "dat/khong dat": ScoringKind.YES_NO,
    "yes_no": ScoringKind.YES_NO,
    "theo muc": ScoringKind.LEVELS,
    "muc": ScoringKind.LEVELS,
    "levels": ScoringKind.LEVELS,
    "theo ty le": ScoringKind.RATE,
    "ty le": ScoringKind.RATE,
    "rate": ScoringKind.RATE,
    "cham truc tiep": ScoringKind.MANUAL,
    "thu cong": ScoringKind.MANUAL,
    "manual": ScoringKind.MANUAL,
    "": ScoringKind.MANUAL,
}
_NA = {
    "": NotApplicable.NOT_ALLOWED,
    "khong": NotApplicable.NOT_ALLOWED,
    "none": NotApplicable.NOT_ALLOWED,
    "du diem": NotApplicable.FULL_POINTS,
    "tinh du diem": NotApplicable.FULL_POINTS,
    "full": NotApplicable.FULL_POINTS,
    "tru khoi diem toi da": NotApplicable.REMOVED,
    "tru diem toi da": NotApplicable.REMOVED,
    "loai khoi diem toi da": NotApplicable.REMOVED,
    "removed": NotApplicable.REMOVED,
}
_PARTS = {
    "": None,
    "tham dinh": Part.APPRAISAL,
    "appraisal": Part.APPRAISAL,
    "khao sat": Part.SURVEY,
    "dieu tra xa hoi hoc": Part.SURVEY,
    "survey": Part.SURVEY,
}
_YES = {"co", "x", "1", "yes", "bat buoc"}
_NO = {"", "khong", "0", "no"}
_LEVELS = {"xa": "commune", "cap xa": "commune", "commune": "commune", "so": "department"}
_LEVELS |= {"department": "department", "so, ban, nganh": "department", "so ban nganh": "department"}


def _lookup(table: dict, text: str):
    key = fold(text).replace(" / ", "/").strip(" .")
    if key in table:
        return table[key]
    for name, value in table.items():
        if name and key.startswith(name):
            return value
    raise KeyError(text)


def levels_text(levels) -> str:
    return "; ".join(f"{lv.label}: {number(lv.points)}" for lv in levels)


class _Reader:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, sheet: str, row: int, message: str) -> None:
        self.errors.append(f"Trang “{sheet}”, dòng {row}: {message}")

    def number(self, sheet: str, row: int, what: str, value) -> float | None:
        try:
            return parse_number(value)
        except ValueError:
            self.error(sheet, row, f"{what} “{value}” không phải là số.")
            return None

    def info(self, ws: Worksheet) -> dict:
        by_label = {fold(label): key for key, label in INFO_ROWS}
        out: dict = {}
        for r, row in enumerate(ws.iter_rows(min_row=1, max_col=2, values_only=True), 1):
            label, value = (row + (None, None))[:2]
            key = by_label.get(fold(_text(label)))
            if key is None:
                continue
            if key in ("total_max", "appraisal_max", "survey_max", "year"):
                out[key] = self.number(INFO_SHEET, r, label, value)
            else:
                out[key] = _text(value)
        return out

    def criterion(self, r: int, cells: list) -> CriterionSpec | None:
        code, title, mx, method, kind, levels, full_at, zero_below, measure, evidence, na, part = cells[:12]
        code = _code(code)
        where = f"mã {code}" if code else "dòng không có mã"
        try:
            kind_v = _lookup(_KINDS, _text(kind))
        except KeyError:
            self.error(
                CRITERIA_SHEET,
                r,
                f"{where}: cách chấm “{kind}” không hợp lệ ({', '.join(KIND_LABELS.values()).lower()}).",
            )
            kind_v = ScoringKind.MANUAL
        try:
            na_v = _lookup(_NA, _text(na))
        except KeyError:
            self.error(
                CRITERIA_SHEET,
                r,
                f"{where}: “{na}” không hợp lệ ở cột khi không áp dụng (để trống, đủ điểm, trừ khỏi điểm tối đa).",
            )
            na_v = NotApplicable.NOT_ALLOWED
        try:
            part_v = _lookup(_PARTS, _text(part))
        except KeyError:
            self.error(CRITERIA_SHEET, r, f"{where}: phần “{part}” không hợp lệ (thẩm định hoặc khảo sát).")
            part_v = None
        ev = fold(_text(evidence))
        if ev not in _YES | _NO:
            self.error(CRITERIA_SHEET, r, f"{where}: cột bắt buộc tài liệu kiểm chứng ghi “có” hoặc “không”.")
        try:
            levels_v = parse_levels(_text(levels))
        except ValueError as exc:
            self.error(CRITERIA_SHEET, r, f"{where}: mức điểm “{exc}” phải viết dạng “tên mức: điểm”.")
            levels_v = ()
        measure_v = _text(measure)
        if measure_v and not re.fullmatch(r"[a-z0-9_.]{2,40}", measure_v):
            self.error(CRITERIA_SHEET, r, f"{where}: mã số liệu “{measure_v}” không hợp lệ.")
        return CriterionSpec(
            code=code,
            title=_text(title),
            max_points=self.number(CRITERIA_SHEET, r, "Điểm tối đa", mx),
            method=_text(method),
            kind=kind_v,
            levels=levels_v,
            full_at=self.number(CRITERIA_SHEET, r, "Tỷ lệ đạt điểm tối đa", full_at),
            zero_below=self.number(CRITERIA_SHEET, r, "Tỷ lệ không tính điểm", zero_below),
            measure=measure_v,
            evidence_required=ev in _YES,
            not_applicable=na_v,
            part=part_v if "." not in code else None,
            row=r,
        )

    def criteria(self, ws: Worksheet) -> list[CriterionSpec]:
        out = []
        for r, row in enumerate(ws.iter_rows(min_row=2, max_col=len(COLUMNS), values_only=True), 2):
            cells = list(row) + [None] * (len(COLUMNS) - len(row))
            if all(v is None or str(v).strip() == "" for v in cells):
                continue
            c = self.criterion(r, cells)
            if c is not None:
                out.append(c)
        return out

    def bands(self, ws: Worksheet) -> list[Band]:
        out = []
        for r, row in enumerate(ws.iter_rows(min_row=2, max_col=2, values_only=True), 2):
            label, low = (tuple(row) + (None, None))[:2]
            if not _text(label) and low is None:
                continue
            value = self.number(BANDS_SHEET, r, "Ngưỡng", low)
            if value is None:
                self.error(BANDS_SHEET, r, f"mức “{_text(label)}” chưa có ngưỡng (%).")
                continue
            out.append(Band(_text(label), value))
        return out


def read_framework(data: bytes, *, year: int, level: str, province: str) -> ReadResult:
    """The framework in an uploaded workbook, or the list of what is wrong with it."""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, KeyError, OSError, ValueError, TypeError, zipfile.BadZipFile):
        return ReadResult(errors=["Không đọc được tệp: cần tệp Excel .xlsx theo mẫu bộ chỉ số."])
    missing = [s for s in (INFO_SHEET, CRITERIA_SHEET, BANDS_SHEET) if s not in wb.sheetnames]
    if missing:
        names = ", ".join(f"“{s}”" for s in missing)
        return ReadResult(errors=[f"Tệp thiếu trang {names} như tệp mẫu."])
    if (wb[CRITERIA_SHEET].max_row or 0) > MAX_ROWS:
        return ReadResult(errors=[f"Trang “{CRITERIA_SHEET}” quá lớn: tối đa {MAX_ROWS} dòng."])
    reader = _Reader()
    info = reader.info(wb[INFO_SHEET])
    _check_declared(reader, info, year, level, province)
    spec = FrameworkSpec(
        title=info.get("title", ""),
        year=year,
        level=level,
        province=province,
        total_max=info.get("total_max"),
        appraisal_max=info.get("appraisal_max"),
        survey_max=info.get("survey_max") or 0.0,
        decision=info.get("decision", ""),
        source=info.get("source", ""),
        bands=reader.bands(wb[BANDS_SHEET]),
        criteria=reader.criteria(wb[CRITERIA_SHEET]),
    )
    wb.close()
    return ReadResult(spec, reader.errors)


def _check_declared(reader: _Reader, info: dict, year: int, level: str, province: str) -> None:
    """The sheet may say year, level and province; when it does, it must agree with the import."""
    if info.get("year") is not None and int(info["year"]) != year:
        reader.errors.append(f"Tệp ghi năm áp dụng {int(info['year'])} nhưng đang nhập cho năm {year}.")
    if info.get("level"):
        try:
            declared = _lookup(_LEVELS, info["level"])
        except KeyError:
            reader.errors.append(f"Cấp áp dụng “{info['level']}” không hợp lệ (xã hoặc sở).")
        else:
            if declared != level:
                reader.errors.append(
                    f"Tệp ghi cấp áp dụng “{info['level']}” nhưng đang nhập cho {LEVEL_LABELS[level].lower()}."
                )
    if info.get("province") and fold(info["province"]) != fold(province):
        reader.errors.append(f"Tệp ghi tỉnh ban hành “{info['province']}” nhưng đang nhập cho {province}.")


# --- writing ---------------------------------------------------------------------------------------


def _head(ws: Worksheet, headers: list[tuple[str, float]]) -> None:
    for i, (name, width) in enumerate(headers, 1):
        cell = put(ws, 1, i, name)
        cell.font, cell.fill, cell.alignment = Font(bold=True), _HEADER_FILL, _WRAP
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"


def _criterion_row(c: CriterionSpec) -> list:
    return [
        c.code,
        c.title,
        c.max_points,
        c.method,
        KIND_LABELS[c.kind] if c.kind is not ScoringKind.MANUAL or c.depth > 1 else "",
        levels_text(c.levels),
        c.full_at,
        c.zero_below,
        c.measure,
        "có" if c.evidence_required else "",
        ""
        if c.not_applicable is NotApplicable.NOT_ALLOWED
        else NA_LABELS[c.not_applicable].split(" thì ")[-1],
        PART_LABELS[c.part].split(" (")[0].lower() if c.part else "",
    ]


def write_framework(spec: FrameworkSpec) -> bytes:
    """The framework as a workbook that ``read_framework`` reads back to the same framework."""
    wb = Workbook()
    info = wb.active
    info.title = INFO_SHEET
    level_word = "xã" if spec.level == "commune" else "sở"
    values = {
        "title": spec.title,
        "year": spec.year,
        "level": level_word,
        "province": spec.province,
        "decision": spec.decision,
        "source": spec.source,
        "total_max": spec.total_max,
        "appraisal_max": spec.appraisal_max,
        "survey_max": spec.survey_max,
    }
    for r, (key, label) in enumerate(INFO_ROWS, 1):
        put(info, r, 1, label).font = Font(bold=True)
        put(info, r, 2, values[key]).alignment = _WRAP
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 42, 80
    ws = wb.create_sheet(CRITERIA_SHEET)
    _head(ws, COLUMNS)
    for r, c in enumerate(spec.criteria, 2):
        for col, value in enumerate(_criterion_row(c), 1):
            cell = put(ws, r, col, value)
            cell.alignment = _WRAP
            if col == 1:
                cell.number_format = "@"
            if c.depth == 1:
                cell.font = Font(bold=True)
    bands = wb.create_sheet(BANDS_SHEET)
    _head(bands, [("Xếp loại", 20), ("Từ (%)", 10)])
    for r, b in enumerate(sorted(spec.bands, key=lambda b: -b.min_percent), 2):
        put(bands, r, 1, b.label)
        put(bands, r, 2, b.min_percent)
    _help(wb.create_sheet(HELP_SHEET))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


HELP_LINES = [
    "Mỗi dòng của trang “Tiêu chí” là một lĩnh vực (mã 1, 2, ...), tiêu chí (1.1) hoặc tiêu chí thành phần (1.1.1).",
    "Điểm tối đa của một dòng phải bằng tổng điểm tối đa các dòng ngay bên dưới nó; các lĩnh vực cộng lại bằng điểm tối đa của phần đó.",
    "Chỉ chấm điểm ở dòng không có dòng con. Cách chấm: có/không; theo mức; theo tỷ lệ; chấm trực tiếp (để trống).",
    "Các mức điểm: “Ban hành đúng hạn: 1; Ban hành chậm: 0,5; Không ban hành: 0”. Mức chọn theo tỷ lệ: “≥ 95%: 2; ≥ 80%: 1; < 80%: 0”.",
    "Theo tỷ lệ: đạt điểm tối đa khi tỷ lệ từ mức ở cột “Tỷ lệ đạt điểm tối đa” (mặc định 100%), thấp hơn thì tính tỷ lệ thuận; dưới mức ở cột sau thì 0 điểm.",
    "Mã số liệu tự động: tiêu chí được tính từ dữ liệu của hệ thống (ví dụ task_on_time_rate, report_on_time_rate, plan_on_time, on_time_rate); khi chưa có số liệu, đơn vị chấm trực tiếp.",
    "Khi không áp dụng: để trống (không có ngoại lệ), “đủ điểm” (tính đủ điểm), “trừ khỏi điểm tối đa” (không tính vào điểm tối đa của đơn vị).",
    "Phần: ghi ở dòng lĩnh vực, “thẩm định” (đơn vị tự chấm, Hội đồng thẩm định) hoặc “khảo sát” (điểm điều tra xã hội học nhập theo đơn vị).",
    "Trang “Xếp loại”: mỗi mức một dòng với ngưỡng từ (%) của chỉ số; phải có một mức từ 0%.",
]


def _help(ws: Worksheet) -> None:
    ws.column_dimensions["A"].width = 120
    for r, line in enumerate(HELP_LINES, 1):
        put(ws, r, 1, line).alignment = _WRAP


def template_spec(year: int, level: str, province: str) -> FrameworkSpec:
    """A small framework that passes validation: the downloadable template."""
    yes = ScoringKind.YES_NO
    return FrameworkSpec(
        title=f"Bộ Chỉ số cải cách hành chính {LEVEL_LABELS[level].lower()} năm {year}",
        year=year,
        level=level,
        province=province,
        total_max=10,
        appraisal_max=7,
        survey_max=3,
        decision="Quyết định số .../QĐ-UBND ngày .../.../....",
        source="Ghi căn cứ xây dựng bộ chỉ số",
        bands=[Band("Tốt", 80), Band("Khá", 65), Band("Trung bình", 50), Band("Yếu", 0)],
        criteria=[
            CriterionSpec("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 7, part=Part.APPRAISAL),
            CriterionSpec("1.1", "Kế hoạch cải cách hành chính năm", 3),
            CriterionSpec(
                "1.1.1",
                "Ban hành kế hoạch đúng thời gian quy định",
                1,
                "Ban hành đúng hạn: 1 điểm; chậm: 0 điểm",
                yes,
                measure="plan_on_time",
                evidence_required=True,
            ),
            CriterionSpec(
                "1.1.2",
                "Mức độ hoàn thành kế hoạch",
                2,
                "Hoàn thành 100% nhiệm vụ đúng hạn: 2 điểm; thấp hơn: tính tỷ lệ",
                ScoringKind.RATE,
                full_at=100,
                zero_below=50,
                measure="task_on_time_rate",
            ),
            CriterionSpec(
                "1.2",
                "Thực hiện chế độ báo cáo CCHC định kỳ",
                2,
                "Đủ, đúng hạn: 2; đủ nhưng chậm: 1; thiếu: 0",
                ScoringKind.LEVELS,
                levels=(
                    ScoreLevel("Đủ, đúng hạn", 2),
                    ScoreLevel("Đủ nhưng có báo cáo chậm", 1),
                    ScoreLevel("Thiếu báo cáo", 0),
                ),
                evidence_required=True,
            ),
            CriterionSpec(
                "1.3",
                "Tổ chức kiểm tra công tác CCHC",
                2,
                "Có kế hoạch và kiểm tra đủ theo kế hoạch: 2",
                ScoringKind.MANUAL,
                not_applicable=NotApplicable.REMOVED,
            ),
            CriterionSpec("2", "Mức độ hài lòng của người dân (điều tra xã hội học)", 3, part=Part.SURVEY),
            CriterionSpec(
                "2.1",
                "Chỉ số hài lòng về sự phục vụ hành chính",
                3,
                "Điểm khảo sát do Sở Nội vụ cung cấp",
                not_applicable=NotApplicable.REMOVED,
            ),
        ],
    )
