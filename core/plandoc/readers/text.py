"""Read a plain-text or Markdown plan (.txt/.md) into a ``Document``.

Plans reach us as text in three shapes: portal exports with tab-separated tables whose cells hold
HTML fragments (``<ul><li>``, ``<p>``, ``<b>``, ``<br>``), Markdown converted from Word (``##``,
``**bold**``), and text pulled out of PDF (one line per printed line). The canonical text is the
decoded file itself (NFC, newlines unified), so every span indexes what the official uploaded;
markup is only removed from the *block* texts, never from ``Document.text``.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

from core.plandoc.document import Cell, Document, Paragraph, Row, Segment, Span, Table
from core.plandoc.readers.pipes import read_pipe_table, region_end, starts_region
from core.text import collapse

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")
# Tags that end one logical line of a cell; inline tags (b, i, span, a...) are only dropped.
_BREAK_TAGS = {"li", "p", "br", "div", "tr", "td", "th", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_MD_BULLET = re.compile(r"^\s*\*\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_VIETNAMESE_TONES = re.compile(r"[a-zA-ZăâêôơưĂÂÊÔƠƯ][\u0300\u0301\u0303\u0309\u0323]")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{2}|_{2}(?!\w)")


def decode(data: bytes) -> str:
    """Decode bytes the way offices save text: UTF-8 (with or without BOM), UTF-16, or cp1258.

    UTF-8 is tried strictly first because it almost never decodes wrong text by accident; only
    then is the encoding guessed, so a genuine UTF-8 file is never re-interpreted.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:4096]
    if sample and sample.count(0) > len(sample) // 4:
        # BOM-less UTF-16: the zero bytes sit on the high side of ASCII characters.
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        return data.decode("utf-16-be" if even_zeros > odd_zeros else "utf-16-le", errors="replace")
    legacy = data.decode("cp1258", errors="replace")
    if _VIETNAMESE_TONES.search(legacy) and "\ufffd" not in legacy:
        # Windows-1258 writes tones as combining marks after the letter: unmistakably Vietnamese.
        return legacy
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding:
            return str(best)
    except Exception:  # noqa: BLE001 - detection is a best effort; cp1258 below always decodes
        pass
    return data.decode("cp1258", errors="replace")


def read_text(data: bytes, name: str) -> Document:
    """Read ``data`` (a .txt/.md file called ``name``) into paragraphs and tab-separated tables."""
    text = unicodedata.normalize("NFC", decode(data)).replace("\r\n", "\n").replace("\r", "\n")
    pages = _page_starts(text)
    blocks: list[Paragraph | Table] = []
    para_lines: list[tuple[int, int]] = []
    table_lines: list[tuple[int, int]] = []

    def flush() -> None:
        if para_lines:
            blocks.append(_paragraph(text, para_lines, pages))
            para_lines.clear()
        if table_lines:
            blocks.append(_table(text, table_lines, pages))
            table_lines.clear()

    lines = text.split("\n")
    ranges: list[tuple[int, int]] = []
    pos = 0
    for line in lines:
        ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    index = 0
    while index < len(lines):
        line = lines[index]
        start, end = ranges[index]
        if starts_region(line):
            flush()
            stop = region_end(lines, index)
            table = read_pipe_table(text, ranges[index:stop], lambda a, b: _span(a, b, pages))
            if table is not None:
                blocks.append(table)
            index = stop
            continue
        index += 1
        if not line.strip() or line.strip() == "\f":
            flush()
        elif "\t" in line.strip(" "):
            if para_lines:
                flush()
            table_lines.append((start, end))
        else:
            if table_lines:
                flush()
            para_lines.append((start, end))
    flush()
    doc = Document(name=name, text=text, blocks=blocks, format="text")
    from core.plandoc.layout import rebuild_fragment_tables

    return rebuild_fragment_tables(doc)


def _page_starts(text: str) -> list[int]:
    """Offsets where a new page begins (form feeds); empty when the text has no page marks."""
    return [i + 1 for i, ch in enumerate(text) if ch == "\f"] if "\f" in text else []


def _span(start: int, end: int, pages: list[int]) -> Span:
    if not pages:
        return Span(start, end)
    page = 1 + sum(1 for p in pages if p <= start)
    return Span(start, end, page)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` so it starts and ends on a non-blank character."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ----------------------------------------------------------------------------------- paragraphs


def _clean_md_line(raw: str) -> tuple[str, int, int]:
    """Remove Markdown markup from one line; return the text and the kept range within ``raw``.

    A ``* `` list marker becomes ``- `` (the bullet Vietnamese plans print), headings and emphasis
    markers go, backslash escapes are undone. The range is used for the line's span.
    """
    lead = 0
    match = _HEADING.match(raw)
    if match:
        lead = match.end()
    bullet = ""
    match = _MD_BULLET.match(raw, lead)
    if match:
        lead = match.end()
        bullet = "- "
    body = raw[lead:]
    # Adjacent closing/opening bold markers ("**KẾ HOẠCH****Cải cách") separate two phrases.
    body = body.replace("****", " ")
    body = _EMPHASIS.sub("", body)
    body = _MD_ESCAPE.sub(r"\1", body)
    body = html.unescape(re.sub(r"<[^>]+>", " ", body))
    cleaned = collapse(bullet + body)
    start = lead
    while start < len(raw) and (raw[start].isspace() or raw[start] in "*#_"):
        start += 1
    end = len(raw)
    while end > start and (raw[end - 1].isspace() or raw[end - 1] in "*_"):
        end -= 1
    return cleaned, start, end


def _paragraph(text: str, lines: list[tuple[int, int]], pages: list[int]) -> Paragraph:
    segments: list[Segment] = []
    heading: int | None = None
    bold = italic = True
    for index, (start, end) in enumerate(lines):
        raw = text[start:end]
        if index == 0:
            match = _HEADING.match(raw)
            heading = len(match.group(1)) if match else None
        stripped = _HEADING.sub("", raw).strip()
        bold = bold and stripped.startswith("**") and stripped.endswith("**")
        italic = (
            italic and stripped.startswith("*") and not stripped.startswith("**") and stripped.endswith("*")
        )
        cleaned, a, b = _clean_md_line(raw)
        if cleaned:
            segments.append(Segment(cleaned, _span(start + a, start + b, pages)))
    whole = text[lines[0][0] : lines[-1][1]].strip()
    whole = _HEADING.sub("", whole).strip()
    if len(lines) > 1 and whole.startswith("**") and whole.endswith("**") and whole.count("**") <= 4:
        bold = True  # one bold run wrapped over several lines ("**3. Xây dựng …\n… Luật Việc làm**")
    span = Span.cover([s.span for s in segments]) or _span(lines[0][0], lines[-1][1], pages)
    return Paragraph(
        text="\n".join(s.text for s in segments),
        span=span,
        bold=bold and bool(segments),
        italic=italic and bool(segments),
        heading=heading,
        lines=segments,
    )


# ---------------------------------------------------------------------------------------- tables


def _table(text: str, lines: list[tuple[int, int]], pages: list[int]) -> Table:
    rows = []
    for start, end in lines:
        cells = []
        cell_start = start
        for piece in text[start:end].split("\t"):
            cell_end = cell_start + len(piece)
            cells.append(_cell(text, cell_start, cell_end, pages))
            cell_start = cell_end + 1
        rows.append(Row(cells=cells, span=_span(start, end, pages)))
    return Table(rows=rows, span=_span(lines[0][0], lines[-1][1], pages))


def _cell(text: str, start: int, end: int, pages: list[int]) -> Cell:
    """Split a cell into segments at block-level HTML tags; each segment keeps its own span."""
    segments: list[Segment] = []
    chunks: list[tuple[int, int]] = []

    def close_segment() -> None:
        if not chunks:
            return
        joined = html.unescape(" ".join(text[a:b] for a, b in chunks))
        cleaned = collapse(joined)
        if cleaned:
            a, _ = _trimmed(text, chunks[0][0], chunks[0][1])
            _, b = _trimmed(text, chunks[-1][0], chunks[-1][1])
            segments.append(Segment(cleaned, _span(a, b, pages)))
        chunks.clear()

    pos = start
    for match in _TAG.finditer(text, start, end):
        if match.start() > pos:
            chunks.append((pos, match.start()))
        if match.group(2).lower() in _BREAK_TAGS:
            close_segment()
        pos = match.end()
    if pos < end:
        chunks.append((pos, end))
    close_segment()
    a, b = _trimmed(text, start, end)
    return Cell(text="\n".join(s.text for s in segments), span=_span(a, max(a, b), pages), segments=segments)
