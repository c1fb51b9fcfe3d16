"""Tasks written as text, not as an annex table: items, labelled blocks, per-agency duties.

Plans, directives and decisions without a task table assign their work in a handful of ways, and
one document often mixes them:

* **items of a tasks section** ("Nhiệm vụ, giải pháp", "Nội dung", "Nhiệm vụ trọng tâm"): each
  lettered, numbered or bulleted item is a task. An item ending with ":" heads a list: when the
  list items are actions (they open with a verb) they are the tasks; when they are things ("- Nền
  tảng quản lý dược;") they complete the sentence and the whole is one task;
* **labelled blocks**: an item followed by "- Cơ quan chủ trì: …", "- Thời gian thực hiện: …"
  (or the same labels inline in one paragraph, or "a) Nhiệm vụ: … b) Cơ quan thực hiện: …"). The
  item is one task; its title and its "Nội dung" label make the content. When each sub-item carries
  its own labels, each sub-item is a task;
* **per-agency sections**: a heading that names an agency ("2. Sở Khoa học và Công nghệ", "a) Sở
  Xây dựng", "Sở Tư pháp: …") makes that agency the lead of every duty below it, as in directives
  and in the "Tổ chức thực hiện" section of most plans;
* **assignment sentences**: "Sở Tài chính chủ trì, phối hợp với … bố trí kinh phí …" names its own
  lead and coordinating agencies.

Sections that assign nothing (purpose, requirements, background, targets, scope) are skipped by
their titles. In a CCHC plan whose "Tổ chức thực hiện" gives whole areas to agencies, that section
only says who leads the tasks above it (``assignments``), so its duties are not counted again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from core.plandoc.document import Document, Span
from core.plandoc.extract.agencies import is_body
from core.plandoc.extract.agency_text import (
    agencies_in,
    agency_run,
    coordinating_agencies,
    split_agency_list,
    starts_with_action,
    strip_title,
    subject_agencies,
)
from core.plandoc.extract.areas import area_of_heading, classify_area
from core.plandoc.extract.casing import mostly_upper
from core.plandoc.extract.items import split_items
from core.plandoc.extract.outline import Node
from core.plandoc.extract.roles import inline_fields, leading_label
from core.plandoc.extract.spans import locate
from core.plandoc.extract.textutil import fold
from core.plandoc.model import AreaAssignment, TaskDraft
from core.text import collapse

# Section titles (folded) whose items assign no work.
_SKIP_TITLES = (
    "noi dung giam sat",
    "noi dung kiem tra",
    "noi dung danh gia",
    "noi dung bao cao",
    "muc dich",
    "yeu cau",
    "quan diem",
    "can cu",
    "danh gia",
    "thuc trang",
    "tinh hinh",
    "ket qua dat duoc",
    "ket qua thuc hien",
    "doi tuong",
    "pham vi",
    "thanh phan",
    "muc tieu",
    "chi tieu",
    "nguyen tac",
    "boi canh",
    "su can thiet",
    "phuong phap",
    "cac buoc",
    "hinh thuc",
    "dinh huong",
    "tam nhin",
)
_TASK_TITLES = (
    "nhiem vu",
    "giai phap",
    "noi dung",
    "to chuc thuc hien",
    "trach nhiem",
    "phan cong",
    "cong viec",
    "hoat dong",
    "kinh phi",
    "chuong trinh",
)
_INTRO_ONLY = re.compile(r"(?i)(?:sau|như sau|bao gồm|gồm|cụ thể|các nội dung sau|trọng tâm)\s*:?\s*$")
_CLOSING = (
    "noi nhan",
    "tm. ",
    "kt. ",
    "cong hoa xa hoi chu nghia",
    "tren day la",
    "trong qua trinh",
    "yeu cau cac",
    "de nghi cac",
    "chu tich ubnd",
    "ubnd tinh yeu cau",
)
_DUE_CLAUSE = re.compile(
    r"(?i)(?:hoàn thành|xong|thực hiện|ban hành|báo cáo|gửi)?\s*"
    r"((?:trước|chậm nhất|trong|trước ngày|không quá)\s+(?:ngày\s+\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|quý\s+[IVX1-4]+(?:/|\s+năm\s+)\d{4}|tháng\s+\d{1,2}(?:/|\s+năm\s+)\d{4}|năm\s+\d{4}))"
)


@dataclass
class Context:
    """What the headings above an item say about it."""

    area: str | None = None
    area_node: Node | None = None
    agencies: list[str] = field(default_factory=list)
    agency_span: Span | None = None
    cchc: bool = True
    funding: bool = False  # under "Kinh phí": only sentences that give an agency a duty are tasks
    described: bool = False  # the siblings are marked items: an unmarked paragraph describes them
    # No part of the document is titled as tasks (a directive, a notice, a decree): an item is a task
    # only when it reads as one (an action, or work given to an agency), not a definition or a header.
    strict: bool = False


def extract_prose_tasks(
    doc: Document,
    root: Node,
    area_leads: dict[str, AreaAssignment],
    assignments: list[AreaAssignment],
    cchc: bool,
) -> list[TaskDraft]:
    """Every task the document assigns in its text, in document order."""
    reader = _Reader(doc, area_leads, skip_organisation=cchc and bool(assignments))
    untitled = _has_no_sections(root)
    reader.walk(root, Context(cchc=cchc, strict=untitled), in_tasks=untitled)
    reader.apply_pointers(root)
    return reader.tasks


# "Chủ trì triển khai các nhiệm vụ tại mục (IV) (1) của Kế hoạch": a duty that only points at work
# listed elsewhere. It is not a task; it names the lead of the tasks it points at.
_POINTER = re.compile(
    r"(?i)^(?:chủ trì\s*,?\s*)?(?:tham mưu\s*,?\s*)?(?:tổ chức\s+)?(?:triển khai|thực hiện)\s+(?:các\s+)?"
    r"nhiệm vụ(?:\s+được\s+giao(?:\s+chủ trì)?)?\s+tại\s+(?P<where>[^.;]*?)(?:\s+của\s+kế hoạch)?\s*[.;]?\s*$"
)
_SECTION_REF = re.compile(r"\(?\b([IVXL]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\b\)?")


def pointed_sections(text: str) -> list[list[str]] | None:
    """The sections a pointer names ("mục (IV) (4.1) (4.2)" → [["IV", "4.1"], ["IV", "4.2"]]), [] for
    the annex, None when ``text`` is not a pointer."""
    match = _POINTER.match(collapse(text))
    if not match:
        return None
    where = match.group("where")
    if not fold(where).startswith(("muc", "phan", "diem")):
        return []
    labels = _SECTION_REF.findall(where.split(" ", 1)[1] if " " in where else "")
    if not labels:
        return []
    head, rest = labels[0], labels[1:]
    if not rest:
        return [[head]]
    if len(rest) > 1 and all("." in label for label in rest):
        return [[head, label] for label in rest]  # "(IV) (4.1) (4.2)": two parts of IV
    return [[head, *rest]]


def _has_no_sections(root: Node) -> bool:
    """A directive or letter: no part of it is titled as a tasks section, so its items are duties."""
    for node in root.walk():
        if node.is_heading and _title_kind(node) == "tasks":
            return False
    return True


def _title_kind(node: Node) -> str | None:
    title = fold(node.text)[:80]
    if any(title.startswith(word) for word in _SKIP_TITLES) or "chi tieu" in title[:40]:
        return "skip"
    if any(title.startswith(word) or f" {word}" in title[:40] for word in _TASK_TITLES):
        return "tasks"
    return None


class _Reader:
    def __init__(self, doc: Document, area_leads: dict[str, AreaAssignment], skip_organisation: bool):
        self.doc = doc
        self.area_leads = area_leads
        self.skip_organisation = skip_organisation
        self.tasks: list[TaskDraft] = []
        self.nodes: dict[int, Node] = {}  # id(task) -> the item it was read from
        self.pointers: list[tuple[list[str], list[str], Span | None]] = []

    # -- walking the outline ------------------------------------------------------------------
    def walk(self, node: Node, ctx: Context, in_tasks: bool) -> None:
        # Where a section lists its tasks as items, its unmarked paragraphs describe them.
        described = replace(ctx, described=any(child.kind != "plain" for child in node.children))
        for child in node.children:
            self.visit(child, described, in_tasks)

    def apply_pointers(self, root: Node) -> None:
        """Give the tasks of a section that "Tổ chức thực hiện" points at the agency it names."""
        for path, agencies, span in self.pointers:
            section = _find_section(root, path)
            if section is None:
                continue
            for task in self.tasks:
                node = self.nodes.get(id(task))
                if node is not None and not task.lead and (node is section or section.contains(node)):
                    task.lead = list(agencies)
                    if span:
                        task.spans["lead.0"] = span

    def visit(self, node: Node, ctx: Context, in_tasks: bool) -> None:
        if node.unit is None or not node.text.strip():
            return
        if node.is_heading and node.children:
            kind = _title_kind(node)
            if kind == "skip":
                return
            if kind == "tasks" and node.kind in ("roman", "plain", "number", "decimal2"):
                if self.skip_organisation and fold(node.text).startswith("to chuc thuc hien"):
                    return
                in_tasks = True
            elif kind is None and node.kind == "roman":
                in_tasks = True  # a part of the plan titled by its subject ("III. Phát triển hạ tầng số")
        if not in_tasks:
            self.walk(node, ctx, in_tasks)
            return
        if _closing(node.text) or (mostly_upper(node.text) and not node.children):
            return  # end matter, or a letterhead / title in capitals: never a task
        if fold(node.text).startswith(("kinh phi", "nguon kinh phi")):
            ctx = replace(ctx, funding=True)
        agencies, rest = _agency_heading(node)
        if agencies:
            ctx = replace(ctx, agencies=agencies, agency_span=node.span, described=False)
            if all(child.kind == "plain" for child in node.children):
                self.agency_text(node, [rest] + [child.text for child in node.children], ctx)
                return
            if rest and not _INTRO_ONLY.search(rest) and starts_with_action(rest):
                self.add(node, rest, ctx)
            self.walk(node, ctx, in_tasks)
            return
        if self.labelled(node, ctx):
            return
        if node.children and node.is_heading and node.kind != "roman" and _titles_its_text(node):
            body = " ".join(child.unit.text if child.kind != "plain" else child.text for child in node.walk())
            self.add(node, f"{node.text.rstrip(' :.')}: {body}", ctx)  # "4.1 Ứng dụng GIS …: Nghiên cứu …"
            return
        if node.children and node.kind == "letter" and not _topic(node.text):
            self.add(node, _with_list(node), ctx)  # a lettered task and the points that detail it
            return
        if node.children and (node.is_heading or _ends_intro(node.text)):
            if node.is_heading and not _ends_intro(node.text) or _children_are_actions(node):
                area = area_of_heading(node.text) if node.is_heading else None
                if area and ctx.cchc:
                    ctx = replace(ctx, area=area, area_node=node)
                self.walk(node, ctx, in_tasks)
                return
            self.add(node, _with_list(node), ctx)
            return
        if node.kind == "plain":
            intro = _ends_intro(node.text) or _INTRO_ONLY.search(node.text)
            description = ctx.described and not subject_agencies(node.text)
            if _closing(node.text) or intro or description or not _assigns(node.text, ctx):
                return
        self.add(node, _with_list(node), ctx)

    def agency_text(self, node: Node, paragraphs: list[str], ctx: Context) -> None:
        """An agency's duties written as running text under its name: one task, unless the text
        only points at work listed elsewhere (then that work gets the agency as its lead)."""
        paragraphs = [p for p in paragraphs if p and not _closing(p)]
        duties = []
        for paragraph in paragraphs:
            sections = pointed_sections(paragraph)
            if sections is None:
                duties.append(paragraph)
            for path in sections or []:
                self.pointers.append((path, ctx.agencies, ctx.agency_span))
        if duties:
            self.add(node, " ".join(paragraphs), ctx)

    # -- labelled blocks ------------------------------------------------------------------------
    def labelled(self, node: Node, ctx: Context) -> bool:
        """Read ``node`` as a labelled block; False when it carries no field label."""
        own = inline_fields(node.text)
        fields = [(role, value) for role, value, _ in own if role]
        child_fields: list[tuple[str, str]] = []
        for child in node.children:
            label = leading_label(child.text)
            if label:
                value = collapse(" ".join([label[1]] + [c.unit.text for c in child.walk() if c.unit]))
                nested = [(role, v) for role, v, _ in inline_fields(value) if role]
                # "Cơ quan thực hiện: + Chủ trì: Sở A; + Phối hợp: Sở B" names both roles inside
                child_fields.extend(nested if label[0] == "lead" and nested else [(label[0], value)])
        # An item whose sub-items carry the labels ("5. Xây dựng Nghị định" over "- Nghị định …"
        # with "+ Cơ quan chủ trì: …") is a heading: each sub-item is read when it is visited.
        fields += child_fields
        if not any(role in ("lead", "coordinating", "deadline", "products") for role, _ in fields):
            return False
        title = next((value for role, value, _ in own if role is None), "")
        body = [value for role, value in fields if role == "content"]
        if not title.strip() and not body:
            return True  # "Thời gian: …" alone (a notice's schedule): a field with no task to hold it
        content = ": ".join(part for part in [title.rstrip(" :")] + body[:1] if part)
        task = self._task(node, content, ctx, use_context=False)
        leads = [a for role, value in fields if role == "lead" for a in agencies_in(value)]
        coordinating = [a for role, value in fields if role == "coordinating" for a in agencies_in(value)]
        if leads:
            task.lead = leads
            task.coordinating = coordinating or coordinating_agencies(
                " ".join(v for r, v in fields if r == "lead")
            )
        else:
            self._fill_agencies(task, content, ctx)
            if coordinating:
                task.coordinating = coordinating
        deadline = [value for role, value in fields if role == "deadline"]
        task.deadline_text = collapse(" ".join(deadline)) or None
        products = [value for role, value in fields if role == "products"]
        task.products = split_items(products) if products else []
        self._locate(task, node)
        self.tasks.append(task)
        return True

    def _locate(self, task: TaskDraft, node: Node) -> None:
        """Give every field the span it was read from (the item's own text, or its heading)."""
        within = Span.cover([node.span] + [child.span for child in node.walk()]) or node.span
        for name in ("products", "lead", "coordinating"):
            for index, value in enumerate(getattr(task, name)):
                key = f"{name}.{index}"
                if key not in task.spans:
                    task.spans[key] = locate(self.doc.text, value, within)
        if task.deadline_text and "deadline_text" not in task.spans:
            task.spans["deadline_text"] = locate(self.doc.text, task.deadline_text, within)

    # -- plain tasks --------------------------------------------------------------------------
    def add(self, node: Node, content: str, ctx: Context) -> None:
        content = collapse(content)
        if not content or (ctx.funding and not subject_agencies(content)):
            return
        if ctx.strict and not _assigns(content, ctx):
            return  # a directive's or notice's item that gives no work (a definition, a schedule)
        if pointed_sections(content) is not None:
            for path in pointed_sections(content) or []:
                self.pointers.append((path, ctx.agencies, ctx.agency_span))
            return
        task = self._task(node, content, ctx, use_context=True)
        self._locate(task, node)
        self.tasks.append(task)
        self.nodes[id(task)] = node

    def _task(self, node: Node, content: str, ctx: Context, use_context: bool) -> TaskDraft:
        number = node.label if node.kind in ("letter", "number") or node.kind.startswith("decimal") else None
        area = ctx.area if ctx.cchc else None
        if area is None and ctx.cchc:
            area = classify_area(content)
        task = TaskDraft(area=area, no=number, content=content)
        if node.span:
            task.spans["content"] = node.span
        if ctx.area_node is not None and ctx.area_node.span:
            task.spans["area"] = ctx.area_node.span
        if use_context:
            self._fill_agencies(task, content, ctx)
            match = _DUE_CLAUSE.search(content)
            if match and task.lead:
                task.deadline_text = match.group(1)
        return task

    def _fill_agencies(self, task: TaskDraft, content: str, ctx: Context) -> None:
        own = subject_agencies(content)
        if own:
            task.lead = own
        elif ctx.agencies:
            task.lead = list(ctx.agencies)
            if ctx.agency_span:
                task.spans["lead.0"] = ctx.agency_span
        elif task.area and task.area in self.area_leads:
            lead = self.area_leads[task.area]
            task.lead = [lead.agency]
            if lead.span:
                task.spans["lead.0"] = lead.span
        if task.lead:
            lead_keys = {fold(a) for a in task.lead}
            task.coordinating = [a for a in coordinating_agencies(content) if fold(a) not in lead_keys]


def _agency_heading(node: Node) -> tuple[list[str], str]:
    """The agencies a heading item names, and the text that follows them ("Sở Tư pháp: …")."""
    text = collapse(node.text)
    if ":" in text:
        before, after = text.split(":", 1)
        before = before.strip()
        if len(before.split()) <= 25 and (is_body(before) or is_body(strip_title(before))):
            if not starts_with_action(before) and not leading_label(text):
                agencies = split_agency_list(before)
                if agencies:
                    return agencies, after.strip()
    bare = text.rstrip(" :.")
    short = len(bare) <= 160 and (node.is_heading or not node.children or text.endswith(":"))
    if short and (is_body(bare) or is_body(strip_title(bare))):
        if bare[-1:] not in ".;" and not starts_with_action(bare) and _only_bodies(bare):
            agencies = split_agency_list(bare)
            if agencies and sum(len(a) for a in agencies) >= 0.6 * len(bare):
                return agencies, ""
    return [], text


def _find_section(root: Node, path: list[str]) -> Node | None:
    """The item a pointer's path names, each label searched below the one before it."""
    node: Node | None = root
    for label in path:
        if node is None:
            return None
        node = node.find(lambda n, label=label: n.label is not None and n.label.upper() == label.upper())
    return node


def _titles_its_text(node: Node) -> bool:
    """A titled item whose body is running text ("4.1. Ứng dụng GIS …" then a paragraph, or a
    sentence ending "… như:" with the things it lists): one task, not a heading over tasks."""
    children = node.children
    if not children or children[0].kind != "plain" or any(child.children for child in children):
        return False
    plain = [child for child in children if child.kind == "plain"]
    listed = [child for child in children if child.kind != "plain"]
    if listed and (not _ends_intro(plain[-1].text) or any(starts_with_action(c.text) for c in listed)):
        return False
    return len(plain) <= 2 and not any(_agency_heading(child)[0] for child in plain)


def _topic(text: str) -> bool:
    """A bare topic over the items below it ("a) Đào tạo và bồi dưỡng:", "b) Hợp tác:"), not a task."""
    return len(text.rstrip(" :").split()) <= 5 and text[-1:] not in ".;"


def _only_bodies(text: str) -> bool:
    """Whether ``text`` names bodies and nothing else ("Thủ trưởng các sở, ngành; Chủ tịch UBND xã")."""
    return all(agency_run(part).end >= len(part.rstrip()) - 1 for part in text.split(";") if part.strip())


def _ends_intro(text: str) -> bool:
    return text.rstrip().endswith(":")


def _children_are_actions(node: Node) -> bool:
    items = [child for child in node.children if child.kind != "plain"]
    return bool(items) and sum(starts_with_action(c.text) for c in items) * 2 >= len(items)


def _with_list(node: Node) -> str:
    return " ".join([node.text] + [child.text for child in node.walk()])


def _closing(text: str) -> bool:
    return fold(text).startswith(_CLOSING)


def _assigns(text: str, ctx: Context) -> bool:
    """An unmarked paragraph under a heading is a task when it reads as one: an action, or a
    sentence giving work to an agency."""
    return starts_with_action(text) or bool(subject_agencies(text)) or bool(ctx.agencies and len(text) > 40)
