"""The seed texts as a list of paragraphs and tables, for writing them out as DOCX and PDF.

The seeds are text exports of real plans in three shapes (see DESIGN.md): tab-separated tables
with HTML in the cells, a PDF text dump whose annex came out one fragment per line (003), and
plain paragraphs (004). To turn them back into real Word and PDF files with the same text
content, we need their structure: tab tables are split on tabs and ``<li>``/``<p>``; the 003
annex is rebuilt by ``core.plandoc.layout`` (the same code the importer uses). A repeated header
row inside a tab table marks a page break of the original: the fixtures reproduce it as a table
continued in a second table with the header repeated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from core.text import collapse, strip_tags

_ITEM = re.compile(r"<(?:li|p)\b[^>]*>(.*?)</(?:li|p)>", re.IGNORECASE | re.DOTALL)
_ROMAN = re.compile(r"^(?:[IVX]+|[A-Z])\.?$")


@dataclass
class SeedParagraph:
    text: str
    heading: int | None = None
    bold: bool = False


@dataclass
class SeedCell:
    paragraphs: list[str]
    span: int = 1  # grid columns covered (section rows span the row)
    bold: bool = False


@dataclass
class SeedTable:
    header: list[SeedCell]
    rows: list[list[SeedCell]]
    # Row indexes before which the original had a page break (the header was repeated there).
    breaks: list[int] = field(default_factory=list)


def cell_from_html(raw: str) -> SeedCell:
    """One tab-separated cell: ``<li>``/``<p>`` items become paragraphs, other markup is dropped."""
    items = [collapse(strip_tags(m)) for m in _ITEM.findall(raw)]
    items = [item for item in items if item]
    if not items:
        text = collapse(strip_tags(raw))
        items = [text] if text else []
    return SeedCell(items, bold="<b>" in raw.lower())


def _is_section(cells: list[SeedCell]) -> bool:
    filled = [i for i, c in enumerate(cells) if c.paragraphs]
    if not filled or filled[-1] > 1:
        return False
    first = " ".join(cells[0].paragraphs)
    return bool(_ROMAN.match(first)) or (filled == [0] and first.isupper())


def _merge_section(cells: list[SeedCell]) -> list[SeedCell]:
    """A section row ("I | Cải cách thể chế | | |"): the title cell spans the empty rest."""
    last = max(i for i, c in enumerate(cells) if c.paragraphs)
    merged = cells[: last + 1]
    merged[-1] = SeedCell(merged[-1].paragraphs, span=len(cells) - last, bold=True)
    return merged


def _tab_table(lines: list[str]) -> SeedTable:
    rows = [[cell_from_html(part) for part in line.split("\t")] for line in lines]
    width = max(len(r) for r in rows)
    rows = [r + [SeedCell([]) for _ in range(width - len(r))] for r in rows]
    header = rows[0]
    key = [" ".join(c.paragraphs) for c in header]
    table = SeedTable(header=header, rows=[])
    for row in rows[1:]:
        if [" ".join(c.paragraphs) for c in row] == key:
            table.breaks.append(len(table.rows))
            continue
        table.rows.append(_merge_section(row) if _is_section(row) else row)
    return table


def _paragraph(line: str) -> SeedParagraph | None:
    text = collapse(strip_tags(line))
    if not text:
        return None
    heading = None
    match = re.match(r"^(#{1,6})\s+(.*)$", text)
    if match:
        heading, text = len(match.group(1)), match.group(2)
    elif re.match(r"^[IVX]+\.\s+\S", text) and text.upper() == text:
        heading = 2
    bold = "<b>" in line.lower() or (
        text.upper() == text and len(text) < 120 and any(c.isalpha() for c in text)
    )
    return SeedParagraph(text, heading=heading, bold=bold)


def tab_structure(text: str) -> list[SeedParagraph | SeedTable]:
    """Paragraphs and tab tables of a seed (blank lines inside a table do not end it)."""
    out: list[SeedParagraph | SeedTable] = []
    pending: list[str] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if "\t" in line:
            pending.append(line)
            continue
        if not line.strip() and pending:
            following = next((ln for ln in lines[index + 1 :] if ln.strip()), "")
            if "\t" in following:
                continue
        if pending:
            out.append(_tab_table(pending))
            pending = []
        paragraph = _paragraph(line)
        if paragraph:
            out.append(paragraph)
    if pending:
        out.append(_tab_table(pending))
    return out


def fragment_structure(text: str, name: str) -> list[SeedParagraph | SeedTable]:
    """A PDF text dump (seed 003): the annex table is rebuilt by ``core.plandoc.layout``."""
    from core.plandoc import readers
    from core.plandoc.document import Table

    doc = readers._read_text(text.encode("utf-8"), name)
    out: list[SeedParagraph | SeedTable] = []
    for block in doc.blocks:
        if not isinstance(block, Table):
            paragraph = _paragraph(block.text)
            if paragraph:
                out.append(paragraph)
            continue
        header = [SeedCell(c.text.split("\n")) for c in block.rows[0].cells]
        table = SeedTable(header=header, rows=[])
        for row in block.rows[1:]:
            if row.after_break:
                table.breaks.append(len(table.rows))
            cells = [SeedCell(c.segments and [s.text for s in c.segments] or []) for c in row.cells]
            table.rows.append(_merge_section(cells) if _is_section(cells) else cells)
        out.append(table)
    return out


def seed_structure(path: Path) -> list[SeedParagraph | SeedTable]:
    text = path.read_text(encoding="utf-8")
    if "\t" in text:
        return tab_structure(text)
    structure = fragment_structure(text, path.name)
    return structure
