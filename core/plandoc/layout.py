"""Rebuild annex tables that a PDF-to-text export broke into one fragment per line.

Text copied out of a PDF (seed 003) lists a table cell by cell: the row number, the lines of the
task, the lines of the products, the agency, the time, the notes, each wrapped line on its own
line, with page numbers, link lines and the header repeated after every page break. The columns
are gone, but three things survive and are enough to put them back:

1. order: within a row the fragments come column by column, left to right;
2. line-wrap width: every column wraps at its own width (in 003 the time column holds about 24
   characters, the notes column about 30), so a line that is longer than a column cannot be in it,
   and a line that stops well short of a column's width was not wrapped there;
3. wording: agency names ("Công chức", "Tư pháp - HT"), time expressions ("Quý I năm 2025",
   "Trước ngày 10/1/2025"), bullets, "Yêu cầu", and the fact that a cell starts with a capital.

Each row's fragments are assigned to columns by a small dynamic programme (columns never go
back), whose costs come from 2 and 3; the column widths are estimated from the document itself,
starting from an assignment by wording and order alone. Rows are found by their numbers: a bare
number is a row number only if it continues the sequence, so page numbers ("9") and wrapped years
("2025") are not. The rebuilt Table's segments are spans into the unchanged canonical text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from core.plandoc.document import Block, Cell, Document, Paragraph, Row, Segment, Span, Table
from core.plandoc.headers import HEADER_VOCAB, KINDS, header_kinds
from core.plandoc.layout_columns import Fragment, assign_columns, estimate_widths
from core.text import fold

_URL = re.compile(r"^(https?://|www\.)\S+$")
_NUMBER = re.compile(r"^(\d{1,3})\.?$")
_SECTION = re.compile(r"^([IVXL]{1,5})\s*[.)/-]\s*(\S.*)$")
_KEPT = re.compile(r"[\w%&/.-]")  # the characters ``fold`` keeps
_INITIALS: dict[str, str] = {}  # memo: character -> its fold
_CLOSING = re.compile(r"^(nơi nhận|tm\.|kt\.|trên đây là)", re.IGNORECASE)


@dataclass
class _Line:
    text: str
    start: int  # offset of the stripped text in the canonical text

    @property
    def span(self) -> Span:
        return Span(self.start, self.start + len(self.text))

    @cached_property
    def folded(self) -> str:
        """``fold(text)``, once: header detection and repeated-header matching ask for it per line."""
        return fold(self.text)

    @cached_property
    def initial(self) -> str:
        """The first character of ``folded``, found without folding the whole line.

        Looking for a repeated header compares every line of the table with the header's first
        line; folding only the lines that start with the right letter keeps that cheap.
        """
        match = _KEPT.search(self.text)
        if match is None:
            return ""
        ch = match.group(0)
        if ch not in _INITIALS:
            _INITIALS[ch] = fold(ch)[:1]
        return _INITIALS[ch]


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out = []
    pos = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            out.append(_Line(stripped, pos + raw.index(stripped)))
        pos += len(raw) + 1
    return out


def _is_header_line(text: str, folded: str | None = None) -> bool:
    words = (fold(text) if folded is None else folded).split()
    return bool(words) and len(text) <= 60 and all(w in HEADER_VOCAB for w in words)


def _find_header(lines: list[_Line], begin: int) -> tuple[int, int] | None:
    """(first, last+1) indexes of a header block: an "STT" line plus the header lines after it."""
    for i in range(begin, len(lines)):
        if len(lines[i].text) > 60:
            continue  # cheap test first: a header line is short
        kinds = dict(header_kinds(lines[i].text, lines[i].folded))
        if "no" not in kinds or len(kinds) < 2 or not _is_header_line(lines[i].text, lines[i].folded):
            continue
        j = i + 1
        while j < len(lines) and _is_header_line(lines[j].text, lines[j].folded):
            j += 1
        named = {k for line in lines[i:j] for k, _ in header_kinds(line.text, line.folded)}
        if {"content", "time"} <= named or len(named) >= 4:
            return i, j
    return None


def _header_row(lines: list[_Line], kinds: list[str]) -> Row:
    """The header row: each line split where a column's header word starts."""
    parts: dict[str, list[Segment]] = {k: [] for k in kinds}
    current = kinds[0]
    for line in lines:
        folded = fold(line.text)
        cuts = header_kinds(line.text)
        if not cuts or cuts[0][1] > 0:
            cuts = [(current, 0), *cuts]
        for n, (kind, offset) in enumerate(cuts):
            # fold keeps length for Vietnamese letters, so offsets map back to the line
            stop = cuts[n + 1][1] if n + 1 < len(cuts) else len(folded)
            piece = line.text[offset:stop].strip()
            if piece:
                begin = line.start + line.text.index(piece, offset)
                parts[kind].append(Segment(piece, Span(begin, begin + len(piece))))
            current = kind
    cells = [_cell(parts[k]) for k in kinds]
    return Row(cells, Span.cover([c.span for c in cells if c.text]) or Span(lines[0].start, lines[0].start))


def _cell(segments: list[Segment], at: int = 0) -> Cell:
    if not segments:
        return Cell("", Span(at, at))
    return Cell("\n".join(s.text for s in segments), Span.cover([s.span for s in segments]), segments)


@dataclass
class _Chunk:
    number: _Line | None
    fragments: list[Fragment]
    after_break: bool = False
    section: tuple[_Line, str, str] | None = None  # (line, numeral, title)


def _chunks(lines: list[_Line], header: list[str]) -> list[_Chunk]:
    """Split the table's lines into rows: numbered rows, section rows, continuations after a break."""
    chunks: list[_Chunk] = []
    expected = 1
    pending_break = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.initial == header[0][:1] and [ln.folded for ln in lines[i : i + len(header)]] == header:
            pending_break = True
            i += len(header)
            continue
        i += 1
        if _URL.match(line.text):
            continue
        section = _SECTION.match(line.text)
        if section and section.group(2).upper() == section.group(2) and len(line.text) <= 120:
            chunks.append(_Chunk(None, [], section=(line, section.group(1), section.group(2))))
            expected, pending_break = 1, False
            continue
        number = _NUMBER.match(line.text)
        if number:
            value = int(number.group(1))
            if value == expected:
                chunks.append(_Chunk(line, []))
                expected, pending_break = value + 1, False
                continue
            if value < 1000 and not (1900 <= value <= 2100):
                continue  # a page number printed inside the table
        if pending_break or not chunks or chunks[-1].section:
            chunks.append(_Chunk(None, [], after_break=pending_break))
            pending_break = False
        chunks[-1].fragments.extend(Fragment.split(line.text, line.start))
    return chunks


def _table_for(lines: list[_Line], first: int, last: int, end: int) -> Table | None:
    header_lines = lines[first:last]
    kinds = [k for k in KINDS if any(k == kind for ln in header_lines for kind, _ in header_kinds(ln.text))]
    if "content" not in kinds:
        return None
    columns = [k for k in kinds if k != "no"]
    header_key = [ln.folded for ln in header_lines]
    chunks = _chunks(lines[last:end], header_key)
    if sum(1 for c in chunks if c.number) < 2:
        return None
    fragment_rows = [c.fragments for c in chunks if not c.section]
    starts = [c.number is not None for c in chunks if not c.section]
    widths = estimate_widths(fragment_rows, starts, columns)
    rows = [_header_row(header_lines, kinds)]
    assigned = iter(assign_columns(fragment_rows, starts, columns, widths))
    for chunk in chunks:
        if chunk.section:
            line, numeral, title = chunk.section
            no = Segment(numeral, Span(line.start, line.start + len(numeral)))
            offset = line.text.index(title, len(numeral))
            head = Segment(title, Span(line.start + offset, line.start + offset + len(title)))
            cells = [_cell([no]), _cell([head])] + [_cell([], line.start) for _ in kinds[2:]]
            rows.append(Row(cells, line.span))
            continue
        by_column = next(assigned)
        cells = []
        for kind in kinds:
            if kind == "no":
                cells.append(_cell([Segment(chunk.number.text, chunk.number.span)] if chunk.number else []))
            else:
                cells.append(_cell(by_column.get(kind, [])))
        span = Span.cover([c.span for c in cells if c.text]) or Span(0, 0)
        rows.append(Row(cells, span, after_break=chunk.after_break))
    return Table(rows, Span(lines[first].start, lines[end - 1].start + len(lines[end - 1].text)))


def _table_end(lines: list[_Line], begin: int) -> int:
    """Where the fragment table stops: a closing formula or a run of long running-text lines."""
    long_run = 0
    for i in range(begin, len(lines)):
        text = lines[i].text
        if _CLOSING.match(text):
            return i
        long_run = long_run + 1 if len(text) > 70 and not _URL.match(text) else 0
        if long_run >= 3:
            return i - 2
    return len(lines)


def rebuild_fragment_tables(doc: Document) -> Document:
    """Replace fragment-per-line table regions of ``doc`` by rebuilt ``Table`` blocks.

    Regions already inside a Table block are left alone, so calling it twice changes nothing.
    The canonical text is not modified; only ``doc.blocks`` changes.
    """
    taken = [b.span for b in doc.blocks if isinstance(b, Table)]
    lines = _lines(doc.text, 0, len(doc.text))
    if taken:
        lines = [ln for ln in lines if not any(s.start <= ln.start < s.end for s in taken)]
    tables: list[Table] = []
    i = 0
    while True:
        found = _find_header(lines, i)
        if found is None:
            break
        first, last = found
        end = _table_end(lines, last)
        table = _table_for(lines, first, last, end)
        if table is not None:
            tables.append(table)
        i = max(end, last)
    if not tables:
        return doc
    blocks: list[Block] = []
    placed: set[int] = set()  # ids of the tables already in ``blocks``
    for block in doc.blocks:
        inside = next((t for t in tables if t.span.start <= block.span.start < t.span.end), None)
        if inside is None:
            if isinstance(block, Paragraph) and any(
                block.span.start < t.span.start < block.span.end for t in tables
            ):
                cut = min(t.span.start for t in tables if block.span.start < t.span.start < block.span.end)
                text = doc.text[block.span.start : cut].rstrip()
                block = Paragraph(text, Span(block.span.start, block.span.start + len(text), block.span.page))
            blocks.append(block)
        elif id(inside) not in placed:
            blocks.append(inside)
            placed.add(id(inside))
    for table in tables:
        if id(table) not in placed:
            blocks.append(table)
    blocks.sort(key=lambda b: b.span.start)
    return Document(doc.name, doc.text, blocks, doc.format, list(doc.warnings))
