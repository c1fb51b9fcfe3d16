"""One row of a sheet read into a ``TaskDraft`` or a ``TargetDraft``, or the messages that say why not.

Agencies and products are split as the annex reader splits them (";", bullets, named commas), and
each line of a cell is an item (a cell typed in Excel has no wrapped lines), so a row typed by hand
and a row printed in an annex become the same task.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from core.plandoc.document import Span
from core.plandoc.extract.agencies import split_agencies
from core.plandoc.extract.items import split_items
from core.plandoc.extract.spans import locate
from core.plandoc.model import TargetDraft, TaskDraft
from core.plandoc.sheets.fields import (
    MAX_LENGTHS,
    TARGET_LABELS,
    TASK_LABELS,
    Cells,
    parse_area,
    parse_comparator,
    parse_indicator,
    parse_value,
    parse_year,
)
from core.text import collapse

_ROMAN_OR_LETTER = r"^(?:[IVXL]{1,5}|[A-ZĐ])\.?$"


@dataclass
class RowRead:
    """What one row gave: a draft, a section title (sets the area below), or messages."""

    draft: TaskDraft | TargetDraft | None = None
    section_area: str | None = None
    is_section: bool = False
    errors: list[str] = field(default_factory=list)


def _text(cells: Cells, name: str) -> str:
    return cells.get(name, ("", None))[0].strip()


def _span(cells: Cells, name: str) -> Span | None:
    return cells.get(name, ("", None))[1]


def _per_line(split: Callable[[list[str]], list[str]], text: str) -> list[str]:
    """Each line of a cell is an item of its own (Alt+Enter in Excel starts a new one; a long line is
    wrapped on screen, never in the text), split further on ";" or bullets as the annex reader does."""
    return [item for line in text.split("\n") if line.strip() for item in _split_line(split, line.strip())]


@lru_cache(maxsize=4096)
def _split_line(split: Callable[[list[str]], list[str]], line: str) -> tuple[str, ...]:
    """A sheet names the same few agencies on hundreds of rows: each distinct line is split once."""
    return tuple(split([line]))


def _checked(read: RowRead, parse: Callable[[str], object], text: str) -> object:
    try:
        return parse(text)
    except ValueError as exc:
        read.errors.append(str(exc))
        return None


def read_task(cells: Cells, area: str | None, source: str = "") -> RowRead:
    """The task of a row whose fields are ``cells``; ``area`` applies when the row names none.

    ``source`` is the canonical text the spans point into (empty for pasted rows: no spans)."""
    read = RowRead()
    content = collapse(_text(cells, "content"))
    number = collapse(_text(cells, "no")).rstrip(".)").strip()
    others = [
        name for name in ("products", "lead", "coordinating", "deadline", "notes") if _text(cells, name)
    ]
    if not content:
        if others or _text(cells, "area"):
            read.errors.append(f"thiếu nội dung nhiệm vụ (cột “{TASK_LABELS['content']}”)")
        return read  # a row with a number only: an unused numbered line of the template
    row_area = _checked(read, parse_area, _text(cells, "area"))
    if re.match(_ROMAN_OR_LETTER, number) and not others and not _text(cells, "area"):
        read.is_section = True  # "I | CẢI CÁCH THỂ CHẾ": a group row, not a task
        read.section_area = _checked(RowRead(), parse_area, content)
        return read
    _limits(read, number, cells)
    if read.errors:
        return read
    task = TaskDraft(area=row_area or area, no=number or None, content=content)
    task.products = _per_line(split_items, _text(cells, "products"))
    task.lead = _per_line(split_agencies, _text(cells, "lead"))
    task.coordinating = _per_line(split_agencies, _text(cells, "coordinating"))
    task.deadline_text = collapse(_text(cells, "deadline")) or None
    task.notes = collapse(_text(cells, "notes")) or None
    if any(len(name) > MAX_LENGTHS["agency"] for name in task.lead + task.coordinating):
        read.errors.append(f"tên cơ quan dài quá {MAX_LENGTHS['agency']} ký tự: mỗi cơ quan ghi một dòng")
        return read
    if source:
        _task_spans(task, cells, source)
    read.draft = task
    return read


def _limits(read: RowRead, number: str, cells: Cells) -> None:
    if len(number) > MAX_LENGTHS["no"]:
        read.errors.append(f"số thứ tự “{number[:30]}” dài quá {MAX_LENGTHS['no']} ký tự")
    if len(collapse(_text(cells, "deadline"))) > MAX_LENGTHS["deadline"]:
        read.errors.append(f"thời hạn dài quá {MAX_LENGTHS['deadline']} ký tự")
    if len(_text(cells, "content")) > MAX_LENGTHS["content"]:
        read.errors.append(f"nội dung dài quá {MAX_LENGTHS['content']:,} ký tự".replace(",", "."))


def _task_spans(task: TaskDraft, cells: Cells, source: str) -> None:
    for name, attr in (
        ("content", "content"),
        ("no", "no"),
        ("deadline", "deadline_text"),
        ("notes", "notes"),
    ):
        if getattr(task, attr) and _span(cells, name) is not None:
            task.spans[attr] = _span(cells, name)
    if _span(cells, "area") is not None and _text(cells, "area"):
        task.spans["area"] = _span(cells, "area")
    for name in ("products", "lead", "coordinating"):
        within = _span(cells, name)
        for index, value in enumerate(getattr(task, name)):
            task.spans[f"{name}.{index}"] = locate(source, value, within)


def read_target(cells: Cells, area: str | None, source: str = "") -> RowRead:
    """The target of a row whose fields are ``cells``; ``area`` applies when the row names none."""
    read = RowRead()
    text = collapse(_text(cells, "text"))
    filled = [name for name in ("indicator", "comparator", "value", "unit", "year") if _text(cells, name)]
    if not text:
        if filled:
            read.errors.append(f"thiếu nội dung chỉ tiêu (cột “{TARGET_LABELS['text']}”)")
        return read
    row_area = _checked(read, parse_area, _text(cells, "area"))
    parsed = _checked(read, parse_value, _text(cells, "value")) or (None, None, None)
    comparator = _checked(read, parse_comparator, _text(cells, "comparator"))
    year = _checked(read, parse_year, _text(cells, "year"))
    unit = collapse(_text(cells, "unit"))
    if len(unit) > MAX_LENGTHS["unit"]:
        read.errors.append(f"đơn vị “{unit[:30]}” dài quá {MAX_LENGTHS['unit']} ký tự")
    if len(text) > MAX_LENGTHS["text"]:
        read.errors.append(f"nội dung chỉ tiêu dài quá {MAX_LENGTHS['text']:,} ký tự".replace(",", "."))
    if read.errors:
        return read
    in_cell, value, percent = parsed
    target = TargetDraft(
        area=row_area or area,
        text=text,
        indicator=parse_indicator(_text(cells, "indicator"), text, value is not None),
        comparator=(comparator or in_cell or ">=") if value is not None else comparator,
        value=value,
        unit=unit or percent or None,
        year=year,
    )
    if source:
        for name in ("text", "value"):
            if _span(cells, name) is not None and _text(cells, name):
                target.spans[name] = _span(cells, name)
    read.draft = target
    return read
