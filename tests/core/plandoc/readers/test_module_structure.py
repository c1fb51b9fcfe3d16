"""The readers stand alone: no import cycles among them, no use of another module's private names.

Read from the source with ``ast`` (imports inside functions count too: a cycle hidden in a
function is still a cycle, it only fails later).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
PLANDOC = ROOT / "core" / "plandoc"


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, imported names) of every ``from x import ...`` and ``import x`` in the file."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.module, [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            out.extend((alias.name, []) for alias in node.names)
    return out


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in (PLANDOC / "readers").glob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for module, names in _imports(path):
            targets |= {module} if module in modules else set()
            targets |= {f"{module}.{n}" for n in names if f"{module}.{n}" in modules}
        graph[name] = targets - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_among_readers():
    graph = _graph()
    # The package __init__ dispatches to the readers; a reader importing the package back is the
    # cycle the old pdf.py / pdf_columns.py pair had.
    assert _cycle(graph) is None, _cycle(graph)


def test_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_no_private_names_imported_from_other_modules():
    offenders = []
    for path in sorted(PLANDOC.rglob("*.py")):
        for module, names in _imports(path):
            if module.startswith("core.") and module != _module(path):
                offenders += [f"{_module(path)}: {module}.{n}" for n in names if n.startswith("_")]
    assert offenders == []
