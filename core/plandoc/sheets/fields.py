"""What a sheet's columns mean, and one row read into a task, a target or a plan header field.

Task columns use the annex vocabulary (``extract.roles.role_of``: "TT", "Nội dung", "Đơn vị thực
hiện", "Tiến độ", "Kết quả dự kiến" …) plus "Lĩnh vực". Target columns have words of their own
("Chỉ số", "So sánh", "Giá trị", "Đơn vị", "Năm"). A cell that cannot mean what its column says (a
year "202", an area that is none of the seven) is a message for its row, never a guess.

A row arrives as ``{field: (text, span)}``; the span (its cell in the canonical text, or None for a
pasted row) becomes the field's provenance.
"""

from __future__ import annotations

import re
from datetime import date

from core.indicators import INDICATORS, classify
from core.plandoc.document import Span
from core.plandoc.extract.areas import area_of_heading
from core.plandoc.extract.roles import role_of
from core.plandoc.extract.textutil import fold  # cached: the same header words come again and again
from core.plandoc.model import AREAS
from core.text import collapse

Cells = dict[str, tuple[str, Span | None]]

# The template's columns, in its order: field name and the header printed in Vietnamese.
TASK_COLUMNS: tuple[tuple[str, str], ...] = (
    ("no", "STT"),
    ("area", "Lĩnh vực"),
    ("content", "Nội dung nhiệm vụ"),
    ("products", "Sản phẩm"),
    ("lead", "Cơ quan chủ trì"),
    ("coordinating", "Cơ quan phối hợp"),
    ("deadline", "Thời hạn"),
    ("notes", "Ghi chú"),
)
TARGET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("area", "Lĩnh vực"),
    ("text", "Chỉ tiêu"),
    ("indicator", "Chỉ số"),
    ("comparator", "So sánh"),
    ("value", "Giá trị"),
    ("unit", "Đơn vị"),
    ("year", "Năm"),
)
HEADER_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Tên kế hoạch"),
    ("issuer", "Cơ quan ban hành"),
    ("decision_number", "Số ký hiệu"),
    ("signed_date", "Ngày ký"),
    ("signer", "Người ký"),
    ("period_start", "Từ ngày"),
    ("period_end", "Đến ngày"),
)
TASK_LABELS = dict(TASK_COLUMNS)
TARGET_LABELS = dict(TARGET_COLUMNS)
HEADER_LABELS = dict(HEADER_FIELDS)

# Longest text each stored field takes (the database columns of apps.plans).
MAX_LENGTHS = {"no": 20, "deadline": 500, "agency": 300, "unit": 20, "text": 10_000, "content": 10_000}
HEADER_MAX_LENGTHS = {"title": 500, "issuer": 200, "decision_number": 60, "signer": 150}


# -- column vocabulary ------------------------------------------------------------------------------


def task_column(text: str) -> str | None:
    """The task field a header cell names ("Đơn vị thực hiện" -> "lead"), or None."""
    if fold(text).startswith("linh vuc"):
        return "area"
    role = role_of(text)
    return None if role == "funding" else role


_TARGET_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("area", ("linh vuc",)),
    ("indicator", ("chi so", "ma chi so", "loai chi tieu")),
    ("comparator", ("so sanh", "toan tu", "dieu kien")),
    ("value", ("gia tri", "muc", "ty le", "so lieu", "con so")),
    ("unit", ("don vi", "dvt")),
    ("year", ("nam", "den nam", "nam dat")),
    ("text", ("chi tieu", "noi dung", "ten chi tieu", "muc tieu")),
)


def target_column(text: str) -> str | None:
    """The target field a header cell names ("Đơn vị tính" -> "unit"), or None."""
    folded = fold(text).strip(" .:*")
    for name, words in _TARGET_WORDS:
        if any(folded == word or folded.startswith(word + " ") for word in words):
            return name
    return None


def sheet_kind(header: list[str]) -> tuple[str, list[str | None]] | None:
    """("tasks" | "targets", field of each column) when ``header`` is a header row, else None.

    Targets: a "Chỉ tiêu" column with a value, indicator, comparator, unit or year column, and no
    agency or deadline column (a "Chỉ tiêu | Chủ trì" table assigns work: tasks, as in annexes).
    Tasks: a content column and at least one other task column.
    """
    target_fields = [target_column(cell) for cell in header]
    task_fields = [task_column(cell) for cell in header]
    measured = {"value", "indicator", "comparator", "unit", "year"} & set(target_fields)
    assigns = {"lead", "coordinating", "deadline"} & set(task_fields)
    if "text" in target_fields and measured and not assigns:
        return "targets", _first_only(target_fields)
    named = {f for f in task_fields if f}
    if "content" in named and len(named) >= 2:
        return "tasks", _first_only(task_fields)
    return None


def _first_only(fields: list[str | None]) -> list[str | None]:
    """Each field read from its first column only (a second "Ghi chú" column is ignored)."""
    seen: set[str] = set()
    out: list[str | None] = []
    for name in fields:
        out.append(name if name and name not in seen else None)
        if name:
            seen.add(name)
    return out


def header_field(text: str) -> str | None:
    """The plan header field a label names ("Số, ký hiệu" -> "decision_number"), or None."""
    folded = fold(text).strip(" .:*")
    table = (
        ("title", ("ten ke hoach", "ten van ban", "trich yeu", "tieu de")),
        ("issuer", ("co quan ban hanh", "don vi ban hanh", "noi ban hanh")),
        ("decision_number", ("so ky hieu", "so hieu", "so van ban", "so ky hieu van ban", "so")),
        ("signed_date", ("ngay ky", "ngay ban hanh")),
        ("signer", ("nguoi ky",)),
        ("period_start", ("tu ngay", "ngay bat dau", "thoi gian bat dau")),
        ("period_end", ("den ngay", "ngay ket thuc", "thoi gian ket thuc")),
    )
    for name, words in table:
        if folded in words or any(folded.startswith(w + " ") for w in words if len(w) > 2):
            return name
    return None


# -- values -------------------------------------------------------------------------------------------


_AREA_NAMES = {fold(name): code for code, name in AREAS.items()}


def parse_area(text: str) -> str | None:
    """An area code from its code, its name or a heading naming it; ValueError when none fits."""
    text = collapse(text)
    if not text:
        return None
    if text in AREAS:
        return text
    code = _AREA_NAMES.get(fold(text)) or area_of_heading(text)
    if code is None:
        raise ValueError(
            f"lĩnh vực “{text}” không thuộc 7 lĩnh vực CCHC (ví dụ “Cải cách thủ tục hành chính”); "
            "để trống nếu không rõ"
        )
    return code


_COMPARATORS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        ">=",
        ("khong duoi", "khong thap hon", "toi thieu", "it nhat", "tu", "tro len", "dat", "lon hon hoac bang"),
    ),
    ("<=", ("toi da", "khong qua", "khong vuot qua", "khong cao hon", "tro xuong", "nho hon hoac bang")),
    (">", ("tren", "hon", "lon hon", "cao hon")),
    ("<", ("duoi", "nho hon", "thap hon", "it hon")),
)
_SYMBOLS = {"≥": ">=", ">=": ">=", "=>": ">=", "≤": "<=", "<=": "<=", "=<": "<=", ">": ">", "<": "<"}


def parse_comparator(text: str) -> str | None:
    text = collapse(text)
    if not text:
        return None
    if text in _SYMBOLS:
        return _SYMBOLS[text]
    folded = fold(text)
    for comparator, words in _COMPARATORS:
        if folded in words:
            return comparator
    raise ValueError(
        f"so sánh “{text}” không rõ: ghi ≥, >, ≤ hoặc < (hay “không dưới”, “trên”, “tối đa”, “dưới”)"
    )


_VALUE = re.compile(r"^(?P<cmp>≥|≤|>=|<=|=>|=<|>|<)?\s*(?P<num>\d[\d.,]*)\s*(?P<unit>%?)$")


def parse_value(text: str) -> tuple[str | None, float | None, str | None]:
    """(comparator, value, unit) of a value cell: "80", "80%", "≥ 95,5%", "1.250"; ValueError else."""
    text = collapse(text)
    if not text:
        return None, None, None
    match = _VALUE.match(text)
    number = _number(match.group("num")) if match else None
    if number is None or number >= 10**10:
        raise ValueError(f"giá trị “{text}” không phải là một số (ví dụ 80 hoặc 80%)")
    comparator = _SYMBOLS.get(match.group("cmp") or "")
    return comparator, number, match.group("unit") or None


def _number(text: str) -> float | None:
    """Vietnamese or English notation: "95,5", "95.5", "1.250" (thousands), "1.250,5"."""
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".") if text.count(",") == 1 else text.replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")
    try:
        return float(text)
    except ValueError:
        return None


def parse_year(text: str) -> int | None:
    text = collapse(text)
    if not text:
        return None
    years = re.findall(r"(?<!\d)(\d{4})(?!\d)", text)
    if len(years) == 1 and 1990 <= int(years[0]) <= 2100 and len(text) <= 20:
        return int(years[0])
    raise ValueError(f"năm “{text}” không hợp lệ (ghi một năm, ví dụ 2025)")


def parse_date(text: str) -> date | None:
    text = collapse(text)
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?: \d{1,2}:\d{2})?", text)
    try:
        if match is None:
            raise ValueError
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        raise ValueError(f"ngày “{text}” không hợp lệ (ghi ngày/tháng/năm, ví dụ 15/01/2025)") from None


def parse_indicator(text: str, target_text: str, has_value: bool) -> str | None:
    """An indicator by code or name; other wording is classified as the importer classifies targets."""
    text = collapse(text)
    if text:
        for code, name, _area, _unit in INDICATORS:
            if fold(text) in (fold(code), fold(name)):
                return code
        return classify(text)
    return classify(target_text) if has_value else None
