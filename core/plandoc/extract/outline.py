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


def heading_matches(node: Node, *required: tuple[str, ...]) -> bool:
    """``node`` is a heading whose folded title contains one word of each ``required`` group."""
    if not node.is_heading or node.unit is None:
        return False
    title = fold(node.text)
    return all(any(word in title for word in group) for group in required)


def find_targets_section(root: Node) -> Node | None:
    """The "mục tiêu, chỉ tiêu cụ thể" section (or "một số chỉ tiêu chủ yếu")."""

    def is_targets(node: Node) -> bool:
        title = fold(node.text) if node.is_heading else ""
        return "chi tieu" in title or ("muc tieu" in title and "cu the" in title)

    return root.find(is_targets)


def find_tasks_section(root: Node, targets: Node | None) -> Node | None:
    """The "nhiệm vụ, giải pháp" section, the most specific one that is not the targets section."""
    best = None
    for node in root.walk():
        if heading_matches(node, ("nhiem vu",), ("giai phap", "noi dung", "cai cach")):
            if targets is not None and (node is targets or node.contains(targets)):
                inner = [n for n in node.walk() if n is not targets and not n.contains(targets)]
                if not any(heading_matches(n, ("nhiem vu", "giai phap")) for n in inner):
                    continue
                best = next(n for n in inner if heading_matches(n, ("nhiem vu", "giai phap")))
                return best
            return node
    return best


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
