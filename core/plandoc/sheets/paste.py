"""Rows pasted from Excel (tab-separated text) into the review grid, and the grid read back.

Copying cells in Excel or LibreOffice puts tab-separated text on the clipboard: one line per row,
a cell holding line breaks (or tabs, or quotes) quoted with double quotes. The first row is a header
when it names columns (by meaning, as in a workbook); otherwise the columns are taken in the
template's order. Each row is shown back as the task or target it became (area by its name,
products and agencies one per line, deadlines with their dates) or with the messages that stop it;
the official fixes a cell and the grid is read again by ``grid_rows``, with the same rules.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from core.deadlines import parse_deadline
from core.indicators import INDICATOR_NAMES
from core.plandoc.model import AREAS, TargetDraft, TaskDraft
from core.plandoc.sheets.fields import TARGET_COLUMNS, TASK_COLUMNS, sheet_kind
from core.plandoc.sheets.rows import read_target, read_task
from core.text import collapse

MAX_PASTE_ROWS = 500
MAX_PASTE_CHARS = 500_000
COLUMNS = {"tasks": TASK_COLUMNS, "targets": TARGET_COLUMNS}
_COMPARATOR_SHOWN = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


class PasteTooLarge(ValueError):
    """More rows or text than one paste may carry; the message is Vietnamese."""


@dataclass
class GridRow:
    """One row of the grid: its number in the grid, the text of each field, and what it became."""

    number: int
    values: dict[str, str]
    errors: list[str] = field(default_factory=list)
    draft: TaskDraft | TargetDraft | None = None
    dates: list[str] = field(default_factory=list)  # a task's milestones, "Quý II/2025: 30/06/2025"


@dataclass
class Grid:
    kind: str  # "tasks" | "targets"
    rows: list[GridRow] = field(default_factory=list)
    header: list[str] | None = None  # the pasted header row, when one was recognised
    ignored: list[str] = field(default_factory=list)  # its cells that name no column
    pasted: bool = False  # read from pasted text (else from the corrected grid)

    @property
    def columns(self) -> tuple[tuple[str, str], ...]:
        return COLUMNS[self.kind]

    @property
    def errors(self) -> list[str]:
        return [f"Dòng {row.number}: {message}." for row in self.rows for message in row.errors]

    @property
    def drafts(self) -> list[TaskDraft | TargetDraft]:
        return [row.draft for row in self.rows if row.draft is not None]


def split_pasted(text: str) -> list[list[str]]:
    """The cells of each non-empty pasted line (Excel's quoting of multi-line cells undone)."""
    if len(text) > MAX_PASTE_CHARS:
        raise PasteTooLarge(
            f"Nội dung dán quá dài (tối đa {MAX_PASTE_CHARS // 1000} nghìn ký tự); hãy dán từng phần."
        )
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), delimiter="\t")
    rows = [[cell.strip() for cell in row] for row in reader]
    rows = [row for row in rows if any(row)]
    if len(rows) > MAX_PASTE_ROWS + 1:
        raise PasteTooLarge(f"Mỗi lần dán tối đa {MAX_PASTE_ROWS} dòng; hãy dán từng phần.")
    return rows


def parse_paste(text: str, kind: str = "tasks", period: tuple[date, date] | None = None) -> Grid:
    """The grid of pasted ``text``: ``kind`` unless its header row says otherwise."""
    rows = split_pasted(text)
    if not rows:
        return Grid(kind)
    found = sheet_kind(rows[0])
    if found is not None:
        kind, fields = found
        grid = Grid(
            kind, header=rows[0], ignored=[c for c, f in zip(rows[0], fields, strict=True) if c and not f]
        )
        rows = rows[1:]
    else:
        grid = Grid(kind)
        names = [name for name, _label in COLUMNS[kind]]
        single = "content" if kind == "tasks" else "text"
        fields = [single] if max(len(row) for row in rows) == 1 else names
    values = [{name: cell for name, cell in zip(fields, row, strict=False) if name} for row in rows]
    return _read(grid, values, period)


def grid_rows(kind: str, values: list[dict[str, str]], period: tuple[date, date] | None = None) -> Grid:
    """The grid as the official corrected it (one dict of field texts per row), read again."""
    kind = kind if kind in COLUMNS else "tasks"
    return _read(Grid(kind), values, period)


def _read(grid: Grid, rows: list[dict[str, str]], period) -> Grid:
    """Read each row; rows are numbered as the grid shows them (group and empty rows left out), so
    "Dòng 3" names the same row before and after the official corrects the grid."""
    reader = read_task if grid.kind == "tasks" else read_target
    area: str | None = None
    for values in rows:
        if not any(v.strip() for v in values.values()):
            continue
        read = reader({name: (text, None) for name, text in values.items()}, area)
        if read.is_section:
            area = read.section_area  # a group row: its area goes to the rows below, shown there
            continue
        row = GridRow(len(grid.rows) + 1, dict(values), read.errors, read.draft)
        if read.draft is not None:
            row.values = shown_values(read.draft)
            row.dates = _dates(read.draft, period)
        elif not read.errors:
            continue  # a numbered line with nothing in it
        grid.rows.append(row)
    return grid


def shown_values(draft: TaskDraft | TargetDraft) -> dict[str, str]:
    """The grid cells of a read row: what the system understood, in the official's words."""
    area = AREAS.get(draft.area or "", "")
    if isinstance(draft, TaskDraft):
        return {
            "no": draft.no or "",
            "area": area,
            "content": draft.content,
            "products": "\n".join(draft.products),
            "lead": "\n".join(draft.lead),
            "coordinating": "\n".join(draft.coordinating),
            "deadline": draft.deadline_text or "",
            "notes": draft.notes or "",
        }
    value = "" if draft.value is None else f"{draft.value:g}"
    return {
        "area": area,
        "text": draft.text,
        "indicator": INDICATOR_NAMES.get(draft.indicator or "", ""),
        "comparator": _COMPARATOR_SHOWN.get(draft.comparator or "", ""),
        "value": value,
        "unit": draft.unit or "",
        "year": str(draft.year or ""),
    }


def _dates(draft: TaskDraft | TargetDraft, period: tuple[date, date] | None) -> list[str]:
    if not isinstance(draft, TaskDraft) or period is None or not draft.deadline_text:
        return []
    parsed = parse_deadline(draft.deadline_text, *period)
    out = [f"{m.label}: {m.due:%d/%m/%Y}" if m.due else m.label for m in parsed.milestones]
    out += [f"chưa hiểu: “{collapse(text)}”" for text in parsed.unparsed]
    return out
