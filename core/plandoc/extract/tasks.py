"""Tasks from the annex tables ("Phụ lục … nhiệm vụ"), whatever reader built the ``Table``.

Columns are recognised by the meaning of their header ("TT/STT", "Nội dung"/"Nhiệm vụ", "Sản
phẩm"/"Kết quả dự kiến", "Cơ quan chủ trì"/"Đơn vị thực hiện"/"Công chức chủ trì tham mưu", "Cơ quan
phối hợp", "Thời gian"/"Thời hạn", "Ghi chú"), never by position. The tables of one annex are read
as one stream: a page break repeats the header (dropped) and may cut a row in two (the part with an
empty number cell is merged into the task above, cell by cell). Section rows ("I | Cải cách thể
chế") and annex headings ("Phụ lục số 01: … cải cách thể chế") set the area of the rows below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.plandoc.document import Cell, Document, Paragraph, Segment, Span, Table
from core.plandoc.extract.agencies import helpers_in_brackets, split_agencies
from core.plandoc.extract.areas import area_of_heading, classify_area
from core.plandoc.extract.items import split_items, starts_with_bullet
from core.plandoc.extract.roles import ROLES, role_of
from core.plandoc.extract.row_fit import align_row
from core.plandoc.extract.spans import locate
from core.plandoc.extract.textutil import fold
from core.plandoc.model import TaskDraft
from core.text import collapse

_ROMAN = re.compile(r"^[IVXL]{1,5}\.?$")
_CAPITAL = re.compile(r"^[A-ZĐ]\.?$")
_ROMAN_TITLE = re.compile(r"^[IVXL]{1,5}\s*[.)/-]\s*\S")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")


def header_roles(cells: list[Cell]) -> list[str | None] | None:
    """The role of each column when ``cells`` is a header row (content plus two other roles)."""
    roles = [role_of(cell.text) for cell in cells]
    named = {role for role in roles if role and role != "funding"}
    if "content" in named and len(named) >= 3:
        return roles
    return None


def header_map(cells: list[Cell]) -> dict[str, int] | None:
    """Column index per role (the first column of each role) when ``cells`` is a header row."""
    roles = header_roles(cells)
    if roles is None:
        return None
    out: dict[str, int] = {}
    for index, role in enumerate(roles):
        if role and role not in out:
            out[role] = index
    return out


@dataclass
class _Pending:
    """A task being read: the segments of each role, merged across page-break rows."""

    area: str | None
    area_span: Span | None
    cells: dict[str, list[Segment]] = field(default_factory=dict)

    def merge(self, role: str, segments: list[Segment]) -> None:
        if not segments:
            return
        current = self.cells.setdefault(role, [])
        if current and role != "no" and not starts_with_bullet(segments[0].text):
            last = current[-1]
            first = segments[0]
            joined = Segment(f"{last.text} {first.text}", Span.cover([last.span, first.span]) or last.span)
            current[-1] = joined
            current.extend(segments[1:])
        else:
            current.extend(segments)


class AnnexReader:
    """Reads the task tables of a document in order, carrying state across page breaks."""

    def __init__(self, doc: Document, cchc: bool = True) -> None:
        self.doc = doc
        self.cchc = cchc  # a plan outside the seven CCHC areas: areas only from its headings
        self.roles: list[str | None] | None = None
        self.area: str | None = None
        self.area_span: Span | None = None
        self.pending: _Pending | None = None
        self.tasks: list[TaskDraft] = []
        self.above: dict[int, list[Segment]] = {}
        self.numbered = 0  # data rows with a number, to tell a page-break continuation from a task
        self.rows = 0
        self.targets_only = True  # every task table seen so far lists targets ("Chỉ tiêu")

    def read(self) -> list[TaskDraft]:
        for block in self.doc.blocks:
            if isinstance(block, Table):
                self._table(block)
            elif isinstance(block, Paragraph):
                self._paragraph(block)
        self._flush()
        return self.tasks

    # -- headings between tables
    def _paragraph(self, para: Paragraph) -> None:
        text = collapse(para.text)
        folded = fold(text[:30])
        if folded.startswith("phu luc") or (_ROMAN_TITLE.match(text) and len(text) <= 120):
            area = area_of_heading(text)
            if area or folded.startswith("phu luc"):
                self._flush()
                self.area, self.area_span = area, para.span

    # -- tables
    def _table(self, table: Table) -> None:
        for row in table.rows:
            roles = header_roles(row.cells)
            if roles is not None:
                named = {r for r in roles if r}
                # The same header again (perhaps without a merged "STT" cell) repeats at a page break.
                if self.roles is None or not named <= {r for r in self.roles if r}:
                    self._flush()
                    self.roles = roles  # a new table; the same header again is a page-break repeat
                    self.above = {}
                    content = next(c for c, r in zip(row.cells, roles, strict=True) if r == "content")
                    self.targets_only = self.targets_only and "chi tieu" in fold(content.text)
                continue
            if self.roles is None or self._is_column_numbers(row.cells):
                continue
            if self._sub_header(row.cells):
                continue
            self._row(self._aligned(row.cells))

    def _sub_header(self, cells: list[Cell]) -> bool:
        """A second header row under a merged one ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"):
        it names the roles of the columns below it, and is not a task."""
        texts = [c.text.strip() for c in cells]
        named = [(i, role_of(t)) for i, t in enumerate(texts) if t]
        if not named or any(role is None for _, role in named) or len(cells) != len(self.roles or []):
            return False
        if any(role in ("content", "no") for _, role in named) or self.pending is not None:
            return False
        for index, role in named:
            self.roles[index] = role
        return True

    def _aligned(self, cells: list[Cell]) -> list[Cell | None]:
        """The row's cells under the header's columns (ragged rows placed by what they hold)."""
        while len(cells) > 1 and not cells[-1].text.strip() and not cells[-1].covered:
            cells = cells[:-1]  # trailing empty cells ("| ||") say nothing about where the rest go
        placed = align_row([c.text for c in cells], self.roles)
        return [cells[i] if i is not None else None for i in placed]

    @staticmethod
    def _is_column_numbers(cells: list[Cell]) -> bool:
        texts = [c.text.strip() for c in cells if c.text.strip()]
        return len(texts) >= 3 and all(_COLUMN_NUMBER.match(t) for t in texts)

    def _segments(self, cells: list[Cell | None], role: str) -> list[Segment]:
        out: list[Segment] = []
        for index, column_role in enumerate(self.roles or []):
            if column_role != role or index >= len(cells) or cells[index] is None:
                continue
            cell = cells[index]
            if cell.covered and role not in ("no", "content"):
                out.extend(self.above.get(index, []))
                continue
            segments = cell.segments or ([Segment(cell.text, cell.span)] if cell.text.strip() else [])
            self.above[index] = segments
            out.extend(segments)
        return out

    def _row(self, cells: list[Cell | None]) -> None:
        values = {role: self._segments(cells, role) for role in ROLES}
        if not any(values.values()):
            return
        present = [c for c in cells if c is not None]
        title = self._section_title(present, values)
        if title is not None:
            self._flush()
            self.area = area_of_heading(title[0]) or self.area
            self.area_span = title[1]
            return
        number = collapse(" ".join(s.text for s in values["no"]))
        continues = self.pending is not None and self._continues(number, values)
        self.rows += 1
        self.numbered += bool(number)
        if continues:
            for role, segments in values.items():
                self.pending.merge(role, segments)
            return
        self._flush()
        self.pending = _Pending(self.area, self.area_span)
        for role, segments in values.items():
            self.pending.merge(role, segments)

    def _continues(self, number: str, values: dict[str, list[Segment]]) -> bool:
        """A row that finishes the task above: no content of its own, or no number in a table
        that numbers its rows (the rest of a row cut by a page break)."""
        if not values["content"]:
            return True
        numbers_rows = "no" in (self.roles or []) and self.numbered * 2 > self.rows
        return not number and numbers_rows

    def _section_title(self, cells: list[Cell], values: dict[str, list[Segment]]) -> tuple[str, Span] | None:
        """A row that titles a section ("I | Cải cách thể chế", "5.1 | Thương mại"), not a task."""
        number = collapse(" ".join(s.text for s in values["no"]))
        texts = [(c.text.strip(), c.span) for c in cells if c.text.strip() and not c.covered]
        others = [r for r in ROLES if r not in ("no", "content") and values[r]]
        content = collapse(" ".join(s.text for s in values["content"]))
        if (_ROMAN.match(number) or _CAPITAL.match(number)) and not others:
            title = content or " ".join(t for t, _ in texts[1:])
            return title, Span.cover([s for _, s in texts]) or texts[0][1]
        if len(texts) == 1 and not number:
            text = collapse(texts[0][0])
            if _ROMAN_TITLE.match(text) or (text.isupper() and area_of_heading(text)):
                return text, texts[0][1]
        if number and len(texts) == 2 and not content:
            # "5.2 | | Công nghiệp và năng lượng | | |": a merged title cell printed off its column
            title = texts[1][0]
            if len(title) <= 120 and title[-1:] not in ".;":
                return collapse(title), texts[1][1]
        if number and not others and content and len(content) <= 80 and content[-1] not in ".;":
            has_more_columns = any(r not in (None, "no", "content") for r in self.roles or [])
            if has_more_columns or (area_of_heading(content) and not re.search(r"\d{4}", content)):
                return content, Span.cover([s.span for s in values["content"]]) or texts[0][1]
        return None

    # -- finishing a task
    def _flush(self) -> None:
        pending, self.pending = self.pending, None
        if pending is None:
            return
        task = _to_task(self.doc.text, pending, self.cchc)
        if task is not None:
            self.tasks.append(task)


def _joined(segments: list[Segment]) -> str:
    return collapse(" ".join(s.text for s in segments))


def _cover(segments: list[Segment]) -> Span | None:
    return Span.cover([s.span for s in segments])


def _to_task(text: str, pending: _Pending, cchc: bool = True) -> TaskDraft | None:
    cells = pending.cells
    content = _joined(cells.get("content", []))
    if not content:
        return None
    number = _joined(cells.get("no", [])).rstrip(".)").strip() or None
    area = pending.area or (classify_area(content) if cchc else None)
    task = TaskDraft(area=area, no=number, content=content)
    task.spans["content"] = locate(text, content, _cover(cells.get("content", [])))
    if number:
        task.spans["no"] = _cover(cells["no"])
    if pending.area and pending.area_span:
        task.spans["area"] = pending.area_span
    for role, attr, splitter in (
        ("products", "products", split_items),
        ("lead", "lead", split_agencies),
        ("coordinating", "coordinating", split_agencies),
    ):
        texts = [s.text for s in cells.get(role, [])]
        if role == "lead":
            # "Ban Công tác đại biểu (Văn phòng Quốc hội phối hợp)": the body in brackets helps
            texts, helpers = helpers_in_brackets(texts)
        setattr(task, attr, splitter(texts))
    task.coordinating += [h for h in helpers if h not in task.coordinating]
    for role, attr in (("products", "products"), ("lead", "lead"), ("coordinating", "coordinating")):
        segments = cells.get(role, []) or cells.get("lead", [])
        for index, value in enumerate(getattr(task, attr)):
            task.spans[f"{attr}.{index}"] = locate(text, value, _cover(segments))
    for role, attr in (("deadline", "deadline_text"), ("notes", "notes")):
        segments = cells.get(role, [])
        value = _joined(segments) or None
        setattr(task, attr, value)
        if value:
            task.spans[attr] = _cover(segments)
    return task


def extract_table_tasks(doc: Document) -> list[TaskDraft]:
    """All tasks printed in the document's annex tables (empty when it has none)."""
    return AnnexReader(doc).read()


def read_annex(doc: Document, cchc: bool = True) -> tuple[list[TaskDraft], bool]:
    """The annex tasks, and whether the annex only assigns targets (its content column is "Chỉ
    tiêu"): then the plan's tasks are in its text too."""
    reader = AnnexReader(doc, cchc)
    tasks = reader.read()
    return tasks, bool(tasks) and reader.targets_only
