"""The section outline of a plan: I. / 1. / 1.1. / a) / - / + nested as the document nests them.

Plans do not agree on which marker sits at which level (one uses "2.1." under "2.", another puts
"a)" straight under "1.", a third bullets under a roman heading), so the level of a marker kind is
learned as the document goes: a kind already open closes everything below it (a sibling); a kind
not yet open nests under the current item. Unmarked paragraphs are content under a heading, or the
rest of the item they follow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from core.plandoc.document import Span
from core.plandoc.extract.textutil import fold
from core.plandoc.extract.units import Unit

_SHORT_TITLE = 160


@dataclass
class Node:
    """An item of the outline: its marker, title text, continuation units and children."""

    unit: Unit | None
    kind: str  # marker kind, "plain" for an unmarked paragraph, "root"
    label: str | None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The item text without its marker (continuations included)."""
        return self.unit.body if self.unit else ""

    @property
    def span(self) -> Span | None:
        return self.unit.span if self.unit else None

    @property
    def is_heading(self) -> bool:
        """A title rather than content: emphasised, ends with ":", or a short unpunctuated item."""
        if self.unit is None:
            return True
        text = self.text.strip()
        if not text:
            return False
        if text.endswith(":"):
            return True
        if self.kind in ("dash", "plus", "plain"):
            return False
        if self.unit.emphasis and len(text) <= 300:
            return True
        return len(text) <= _SHORT_TITLE and text[-1] not in ".;!?…"

    def walk(self) -> Iterator[Node]:
        for child in self.children:
            yield child
            yield from child.walk()

    def find(self, predicate: Callable[[Node], bool]) -> Node | None:
        return next((node for node in self.walk() if predicate(node)), None)

    def contains(self, other: Node) -> bool:
        return any(node is other for node in self.walk())


def build_outline(units: list[Unit]) -> Node:
    """Nest ``units`` into a tree under a root node."""
    root = Node(None, "root", None)
    stack: list[Node] = [root]
    for unit in units:
        if unit.is_note:
            continue
        if _closes_body(unit):
            del stack[1:]
            node = Node(unit, "plain", None, parent=root)
            root.children.append(node)
            stack.append(node)
            continue
        if unit.marker is None:
            top = stack[-1]
            if top is root or top.is_heading:
                node = Node(unit, "plain", None, parent=top)
                top.children.append(node)
            else:
                _absorb(top.unit, unit)
            continue
        kind = unit.marker.kind
        open_kinds = [node.kind for node in stack]
        if kind in open_kinds:
            del stack[open_kinds.index(kind) :]
        elif kind == "roman":
            del stack[1:]  # a roman heading always starts a new part of the plan
        parent = stack[-1]
        node = Node(unit, kind, unit.marker.label, parent=parent)
        parent.children.append(node)
        stack.append(node)
    return root


def _closes_body(unit: Unit) -> bool:
    """End matter and annex titles close every open item ("Nơi nhận:", "TM. UBND", "Phụ lục")."""
    if unit.marker is not None:
        return False
    head = fold(unit.text[:80])
    if head.startswith(("noi nhan", "tm.", "kt.", "phu luc", "tm ", "kt ")):
        return True
    return head.startswith(_CLOSING) or (head.startswith("chu tich") and " yeu cau " in head)


# Openings of the closing paragraphs that follow the last item of a plan or directive: they end
# the item before them, never continue it.
_CLOSING = (
    "tren day la",
    "trong qua trinh thuc hien",
    "trong qua trinh to chuc thuc hien",
    "trong qua trinh trien khai",
    "quyet dinh nay co hieu luc",
    "chi thi nay co hieu luc",
)


def _absorb(target: Unit | None, unit: Unit) -> None:
    """Append an unmarked paragraph to the item it continues (same logical item)."""
    if target is None:
        return
    target.text = f"{target.text} {unit.text}".strip()
    target.lines.extend(unit.lines)
    target.span = Span.cover([target.span, unit.span]) or target.span


def find_targets_sections(root: Node) -> list[Node]:
    """The sections that set targets: "Mục tiêu (cụ thể)", "Chỉ tiêu", "Một số chỉ tiêu chủ yếu"
    (the outermost of nested ones, so "II. MỤC TIÊU" takes in its "1. … đến năm 2030")."""

    def is_targets(node: Node) -> bool:
        if not node.is_heading or node.unit is None:
            return False
        title = fold(node.text)[:60]
        if any(word in title for word in ("nhiem vu", "giai phap")):
            return False  # "II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP": the targets are a part inside it
        return "chi tieu" in title or title.startswith("muc tieu")

    found: list[Node] = []

    def visit(node: Node) -> None:
        for child in node.children:
            if is_targets(child):
                found.append(child)
            else:
                visit(child)

    visit(root)
    return found


def depth(node: Node) -> int:
    level = 0
    while node.parent is not None:
        node, level = node.parent, level + 1
    return level


def find_organisation_section(root: Node) -> Node | None:
    """The "Tổ chức thực hiện" section: the outermost heading that is titled so."""
    matches = [
        node
        for node in root.walk()
        if node.is_heading
        and fold(node.text).strip(" .:").startswith("to chuc thuc hien")
        and len(node.text) <= 60
    ]
    return min(matches, key=depth) if matches else None
