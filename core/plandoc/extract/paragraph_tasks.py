"""Tasks of a plan without an annex table: the items of its "Nhiệm vụ, giải pháp" section.

Each area heading ("2. Cải cách thể chế") holds the tasks as lettered paragraphs a), b), c) or as
bullets; an item ending with ":" introduces sub-items, which are then the tasks. Paragraphs with
no marker after an item belong to it. The lead comes from the "Tổ chức thực hiện" section when it
gives the whole area to one agency; nothing else (products, deadline) is printed, so nothing else
is filled.
"""

from __future__ import annotations

from core.plandoc.document import Document
from core.plandoc.extract.areas import area_of_heading, classify_area
from core.plandoc.extract.outline import Node, find_targets_section, find_tasks_section
from core.plandoc.model import AreaAssignment, TaskDraft
from core.text import collapse


def extract_paragraph_tasks(doc: Document, root: Node, leads: dict[str, AreaAssignment]) -> list[TaskDraft]:
    """Tasks read from the lettered paragraphs and bullets of the tasks section."""
    section = find_tasks_section(root, find_targets_section(root))
    if section is None:
        return []
    tasks: list[TaskDraft] = []
    _collect(section, area_of_heading(section.text) if section.is_heading else None, None, leads, tasks)
    return tasks


def _collect(
    node: Node,
    area: str | None,
    area_node: Node | None,
    leads: dict[str, AreaAssignment],
    out: list[TaskDraft],
) -> None:
    marked = any(child.kind != "plain" for child in node.children)
    for child in node.children:
        if child.is_heading:
            child_area = area_of_heading(child.text)
            _collect(child, child_area or area, child if child_area else area_node, leads, out)
            continue
        if child.kind == "plain" and marked:
            continue
        out.append(_task(child, area, area_node, leads))


def _task(
    node: Node, area: str | None, area_node: Node | None, leads: dict[str, AreaAssignment]
) -> TaskDraft:
    parts = [node.text] + [child.text for child in node.walk()]
    content = collapse(" ".join(parts))
    area = area or classify_area(content)
    number = node.label if node.kind in ("letter", "number") or node.kind.startswith("decimal") else None
    task = TaskDraft(area=area, no=number, content=content)
    if node.span:
        task.spans["content"] = node.span
    if area_node is not None and area_node.span:
        task.spans["area"] = area_node.span
    lead = leads.get(area) if area else None
    if lead is not None:
        task.lead = [lead.agency]
        if lead.span:
            task.spans["lead.0"] = lead.span
    return task
