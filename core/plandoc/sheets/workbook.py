"""A workbook of sheets (``SheetTable`` blocks) read into a ``PlanDraft``: any sheet whose header row
names the columns, not only the template's.

Each sheet is looked at on its own: its header row is the first of its first rows that names task
columns ("Nội dung nhiệm vụ" and another: "Cơ quan chủ trì", "Thời hạn" …) or target columns
("Chỉ tiêu" with "Giá trị", "Năm" …); rows above it, and whole sheets without one, may hold the
plan's header fields as label/value pairs ("Số ký hiệu | 179/KH-UBND"). Group rows ("I | CẢI CÁCH
THỂ CHẾ") set the area of the rows below, as in annexes; a sheet named after an area ("Cải cách
TTHC") gives its rows that area.

Import is all or nothing: one bad row and ``RowErrors`` lists every bad row by sheet and number.
"""

from __future__ import annotations

import re

from core.plandoc.diagnose import MANUAL_ROUTE, NO_TARGETS, NO_TASKS
from core.plandoc.document import Document, Span
from core.plandoc.errors import PlanDocError, RowErrors
from core.plandoc.extract.areas import area_of_heading
from core.plandoc.model import PlanDraft
from core.plandoc.sheets.fields import (
    HEADER_MAX_LENGTHS,
    TARGET_COLUMNS,
    TASK_COLUMNS,
    header_field,
    parse_date,
    sheet_kind,
)
from core.plandoc.sheets.grid import SheetTable
from core.plandoc.sheets.rows import read_target, read_task
from core.text import collapse, fold

HEADER_SCAN_ROWS = 10
HEADER_CELL_CHARS = 60
# Sheets of the template that explain or list, never data: not reported as unread.
_HELP_SHEETS = ("huong dan", "danh muc")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
TASK_HINT = ", ".join(f"“{label}”" for _f, label in TASK_COLUMNS)
TARGET_HINT = ", ".join(f"“{label}”" for _f, label in TARGET_COLUMNS)


def sheet_plan(doc: Document) -> PlanDraft:
    """The plan typed in the workbook ``doc``; ``RowErrors`` when a row is wrong, ``PlanDocError``
    when no sheet has a header row or no row holds data."""
    plan = PlanDraft(document=doc.name, source_text=doc.text, warnings=list(doc.warnings))
    errors: list[str] = []
    kinds: dict[str, list[str]] = {"tasks": [], "targets": []}
    unread: list[SheetTable] = []
    for table in doc.blocks:
        if not isinstance(table, SheetTable) or not table.rows:
            continue
        found = find_header(table)
        labels_end = found[0] if found else len(table.rows)
        labelled = _header_fields(table, labels_end, plan, errors)
        if found is None:
            if not labelled and not fold(table.sheet).startswith(_HELP_SHEETS):
                unread.append(table)
            continue
        index, kind, fields = found
        kinds[kind].append(table.sheet)
        _read_rows(doc, table, index, kind, fields, plan, errors)
    _check_period(plan, errors)
    if errors:
        raise RowErrors(errors)
    if not kinds["tasks"] and not kinds["targets"]:
        raise PlanDocError("no_header", _no_header_message(unread))
    if not plan.tasks and not plan.targets:
        raise PlanDocError(
            "empty",
            "Tệp Excel chỉ có dòng tiêu đề, chưa có nhiệm vụ hay chỉ tiêu nào: hãy điền từ dòng dưới "
            "dòng tiêu đề rồi tải lên lại.",
        )
    plan.warnings += [_unread_warning(table) for table in unread] + _missing(plan, kinds)
    return plan


def find_header(table: SheetTable) -> tuple[int, str, list[str | None]] | None:
    """(row index, "tasks" | "targets", field of each column) of the sheet's header row."""
    for index, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        kind = sheet_kind([collapse(cell.text) for cell in row.cells])
        if kind is not None:
            return index, kind[0], kind[1]
    return None


def _read_rows(doc, table: SheetTable, header: int, kind: str, fields, plan: PlanDraft, errors) -> None:
    sheet_area = area_of_heading(table.sheet)
    area = sheet_area
    reader = read_task if kind == "tasks" else read_target
    for row, number in zip(table.rows[header + 1 :], table.numbers[header + 1 :], strict=True):
        texts = [collapse(cell.text) for cell in row.cells]
        if _is_column_numbers(texts) or _repeats_header(texts, kind):
            continue  # "(1) (2) (3)" under the header, or the header repeated
        cells = {name: (cell.text, cell.span) for name, cell in zip(fields, row.cells, strict=False) if name}
        read = reader(cells, area, doc.text)
        if read.is_section:
            area = read.section_area or sheet_area
            continue
        errors.extend(f"Trang “{table.sheet}”, dòng {number}: {message}." for message in read.errors)
        if read.draft is not None:
            (plan.tasks if kind == "tasks" else plan.targets).append(read.draft)


def _repeats_header(texts: list[str], kind: str) -> bool:
    """The header printed again (a sheet pasted from several pages). Header cells are short, so
    long rows are never looked up in the vocabulary."""
    if any(len(text) > HEADER_CELL_CHARS for text in texts):
        return False
    found = sheet_kind(texts)
    return found is not None and found[0] == kind


def _is_column_numbers(texts: list[str]) -> bool:
    filled = [t for t in texts if t]
    return len(filled) >= 3 and all(_COLUMN_NUMBER.match(t) for t in filled)


def _header_fields(table: SheetTable, end: int, plan: PlanDraft, errors: list[str]) -> bool:
    """Label/value rows ("Số ký hiệu | 179/KH-UBND") among the first ``end`` rows; True if any."""
    found = False
    for row, number in zip(table.rows[:end], table.numbers[:end], strict=True):
        cells = [cell for cell in row.cells if cell.text.strip()]
        name = header_field(cells[0].text) if cells else None
        if name is None:
            continue
        found = True
        if len(cells) < 2:
            continue
        value, span = collapse(cells[1].text), cells[1].span
        try:
            _set_header(plan, name, value, span)
        except ValueError as exc:
            errors.append(f"Trang “{table.sheet}”, dòng {number}: {exc}.")
    return found


def _set_header(plan: PlanDraft, name: str, value: str, span: Span) -> None:
    if name in ("signed_date", "period_start", "period_end"):
        setattr(plan, name, parse_date(value))
    else:
        limit = HEADER_MAX_LENGTHS[name]
        if len(value) > limit:
            raise ValueError(f"“{value[:40]}…” dài quá {limit} ký tự")
        setattr(plan, name, value)
    key = "period" if name.startswith("period") else name
    plan.spans[key] = Span.cover([plan.spans.get(key), span]) if key == "period" else span


def _check_period(plan: PlanDraft, errors: list[str]) -> None:
    if plan.period_start and plan.period_end and plan.period_end < plan.period_start:
        errors.append(
            f"Thông tin chung: “Đến ngày” ({plan.period_end:%d/%m/%Y}) trước “Từ ngày” "
            f"({plan.period_start:%d/%m/%Y})."
        )


def _first_row(table: SheetTable) -> str:
    texts = [collapse(cell.text) for cell in table.rows[0].cells if cell.text.strip()]
    shown = " | ".join(texts[:8])
    return shown if len(shown) <= 120 else shown[:119] + "…"


def _unread_warning(table: SheetTable) -> str:
    return (
        f"Trang “{table.sheet}” không được đọc: không có dòng tiêu đề nêu các cột nhiệm vụ ({TASK_HINT}) "
        f"hay chỉ tiêu ({TARGET_HINT}); dòng đầu của trang là “{_first_row(table)}”."
    )


def _no_header_message(unread: list[SheetTable]) -> str:
    seen = "; ".join(f"trang “{t.sheet}” bắt đầu bằng “{_first_row(t)}”" for t in unread[:5])
    return (
        f"Không tìm thấy dòng tiêu đề cột trong tệp Excel ({seen}). Dòng tiêu đề cần nêu các cột "
        f"nhiệm vụ ({TASK_HINT}) hoặc chỉ tiêu ({TARGET_HINT}), theo thứ tự bất kỳ; có thể tải tệp "
        "mẫu để điền."
    )


def _missing(plan: PlanDraft, kinds: dict[str, list[str]]) -> list[str]:
    """Why the workbook gave no task, or no target: no such sheet, or a sheet with no row."""
    out = []
    for kind, rows, reason, noun, hint in (
        ("tasks", plan.tasks, NO_TASKS, "nhiệm vụ", TASK_HINT),
        ("targets", plan.targets, NO_TARGETS, "chỉ tiêu", TARGET_HINT),
    ):
        if rows:
            continue
        sheets = ", ".join(f"“{sheet}”" for sheet in kinds[kind])
        where = (
            f"trang {sheets} chưa có dòng {noun} nào"
            if sheets
            else f"tệp không có trang {noun} (dòng tiêu đề có các cột {hint})"
        )
        out.append(f"{reason}: {where}.")
    return out + [MANUAL_ROUTE] if out else out
