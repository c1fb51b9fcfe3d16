"""Read a Word (.docx) plan into a ``Document``: paragraphs and real tables, in body order.

Why work on the XML rather than python-docx's ``table.rows[i].cells``: python-docx repeats a
merged cell once per grid position it covers, so a section row merged across six columns would
read as six copies of "I. CẢI CÁCH THỂ CHẾ" and a lead agency merged down three rows would be
assigned three times. Here each ``w:tc`` is read once; covered grid positions become empty
placeholders so ``cells[i]`` stays grid column ``i``.

Plans typed in the 1990s-2000s fonts (.VnTime, VNI-Times) are converted run by run according to
the run's font, or as a whole when statistics show legacy text without font hints.

Canonical text: paragraphs joined by "\\n"; a table row is its cells joined by "\\t", rows joined by
"\\n"; a cell's paragraphs are joined by a space in the canonical text and are the cell's segments.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from core.plandoc import legacy_encoding as legacy
from core.plandoc.document import Cell, Document, Paragraph, Row, Segment, Span, Table
from core.plandoc.errors import PlanDocError
from core.text import fold, nfc

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALSE = {"0", "false", "off"}
_HEADING = re.compile(r"^(?:heading|tiêu đề)\s*(\d)$", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass
class RawParagraph:
    text: str
    bold: bool = False
    italic: bool = False
    heading: int | None = None


@dataclass
class RawCell:
    paragraphs: list[str]
    col_span: int = 1
    covered: bool = False


@dataclass
class RawTable:
    rows: list[list[RawCell]]
    widths: list[int] = field(default_factory=list)
    repeated_headers: set[int] = field(default_factory=set)  # row indexes that only repeat the header
    breaks: set[int] = field(default_factory=set)  # first row index of each joined piece


class _Styles:
    """Style lookups (font, bold, heading level) resolved once per style id, following ``basedOn``."""

    def __init__(self, document) -> None:  # a python-docx Document
        self._by_id = {}
        for style in document.styles:
            try:
                self._by_id[style.style_id] = style
            except (AttributeError, ValueError):
                continue
        defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
        self.default_font = None if defaults is None else defaults.get(f"{W}ascii")
        self._cache: dict[tuple[str, str], object] = {}

    def _walk(self, style_id: str | None, attr: str):
        key = (style_id or "", attr)
        if key in self._cache:
            return self._cache[key]
        style = self._by_id.get(style_id) if style_id else None
        value = None
        seen = 0
        while style is not None and value is None and seen < 20:
            font = getattr(style, "font", None)
            value = getattr(font, attr, None) if font is not None else None
            style = style.base_style
            seen += 1
        self._cache[key] = value
        return value

    def font(self, style_id: str | None) -> str | None:
        return self._walk(style_id, "name")

    def bold(self, style_id: str | None) -> bool:
        return bool(self._walk(style_id, "bold"))

    def heading(self, style_id: str | None) -> int | None:
        style = self._by_id.get(style_id) if style_id else None
        name = (getattr(style, "name", "") or "").strip()
        if name.lower() == "title":
            return 1
        match = _HEADING.match(name)
        return int(match.group(1)) if match else None


class _Reader:
    def __init__(self, document) -> None:
        self.styles = _Styles(document)
        self.legacy_runs = 0

    # -- paragraphs ---------------------------------------------------------------------------
    def paragraph(self, p) -> RawParagraph:
        ppr = p.find(f"{W}pPr")
        pstyle = None
        if ppr is not None and ppr.find(f"{W}pStyle") is not None:
            pstyle = ppr.find(f"{W}pStyle").get(f"{W}val")
        heading = self.styles.heading(pstyle)
        outline = ppr.find(f"{W}outlineLvl") if ppr is not None else None
        if heading is None and outline is not None and (outline.get(f"{W}val") or "").isdigit():
            level = int(outline.get(f"{W}val")) + 1
            heading = level if level <= 6 else None
        para_font = self.styles.font(pstyle) or self.styles.default_font
        pieces: list[str] = []
        bold_flags: list[bool] = []
        italic_flags: list[bool] = []
        for run in p.iter(f"{W}r"):
            text = self._run_text(run)
            if not text:
                continue
            rpr = run.find(f"{W}rPr")
            font, rstyle = self._run_font(rpr)
            font = font or self.styles.font(rstyle) or para_font
            encoding = legacy.font_encoding(font)
            if encoding:
                self.legacy_runs += 1
                text = legacy.decode(text, encoding, capitals=legacy.is_capital_font(font))
            pieces.append(text)
            if text.strip():
                bold_flags.append(self._flag(rpr, "b", self.styles.bold(rstyle) or self.styles.bold(pstyle)))
                italic_flags.append(self._flag(rpr, "i", False))
        text = _SPACES.sub(" ", nfc("".join(pieces))).strip()
        return RawParagraph(
            text=text,
            bold=bool(bold_flags) and all(bold_flags),
            italic=bool(italic_flags) and all(italic_flags),
            heading=heading,
        )

    @staticmethod
    def _run_text(run) -> str:
        out = []
        for child in run:
            tag = child.tag
            if tag == f"{W}t":
                out.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                out.append(" ")
            elif tag == f"{W}noBreakHyphen":
                out.append("-")
        return "".join(out)

    @staticmethod
    def _run_font(rpr) -> tuple[str | None, str | None]:
        if rpr is None:
            return None, None
        fonts = rpr.find(f"{W}rFonts")
        font = None
        if fonts is not None:
            font = fonts.get(f"{W}ascii") or fonts.get(f"{W}hAnsi")
        rstyle = rpr.find(f"{W}rStyle")
        return font, (rstyle.get(f"{W}val") if rstyle is not None else None)

    @staticmethod
    def _flag(rpr, name: str, inherited: bool) -> bool:
        element = rpr.find(f"{W}{name}") if rpr is not None else None
        if element is None:
            return inherited
        return (element.get(f"{W}val") or "true").lower() not in _FALSE

    # -- tables ---------------------------------------------------------------------------------
    def table(self, tbl) -> RawTable:
        widths = [int(col.get(f"{W}w") or 0) for col in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        rows: list[list[RawCell]] = []
        for tr in tbl.findall(f"{W}tr"):
            cells: list[RawCell] = []
            trpr = tr.find(f"{W}trPr")
            before = trpr.find(f"{W}gridBefore") if trpr is not None else None
            for _ in range(int(before.get(f"{W}val") or 0) if before is not None else 0):
                cells.append(RawCell([], covered=True))
            for tc in tr.findall(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span_el = tcpr.find(f"{W}gridSpan") if tcpr is not None else None
                span = int(span_el.get(f"{W}val") or 1) if span_el is not None else 1
                vmerge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                if vmerge is not None and (vmerge.get(f"{W}val") or "continue") == "continue":
                    cells.append(RawCell([], col_span=span, covered=True))
                else:
                    cells.append(RawCell(self._cell_paragraphs(tc), col_span=span))
                # Grid positions inside a horizontal merge are plain empty cells, not "covered" ones
                # (covered means: the text is in the row above).
                cells.extend(RawCell([]) for _ in range(span - 1))
            rows.append(cells)
        return RawTable(rows=rows, widths=widths)

    def _cell_paragraphs(self, element) -> list[str]:
        """A cell's paragraphs, nested tables flattened (their paragraphs in reading order)."""
        out: list[str] = []
        for child in element:
            if child.tag == f"{W}p":
                text = self.paragraph(child).text
                if text:
                    out.append(text)
            elif child.tag == f"{W}tbl":
                for tr in child.findall(f"{W}tr"):
                    for tc in tr.findall(f"{W}tc"):
                        out.extend(self._cell_paragraphs(tc))
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
                out.extend(self._cell_paragraphs(child))
        return out

    def body(self, body) -> list[RawParagraph | RawTable]:
        items: list[RawParagraph | RawTable] = []
        for child in body:
            if child.tag == f"{W}p":
                items.append(self.paragraph(child))
            elif child.tag == f"{W}tbl":
                items.append(self.table(child))
            elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
                items.extend(self.body(child))
        return items


def _open(data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, XMLSyntaxError, zipfile.BadZipFile, EOFError) as exc:
        raise PlanDocError("corrupt", detail=f"python-docx: {type(exc).__name__}: {exc}") from None
    except Exception as exc:  # zlib errors and friends from a truncated member
        if "zlib" in type(exc).__module__ or "Error" in type(exc).__name__:
            raise PlanDocError("corrupt", detail=f"python-docx: {type(exc).__name__}: {exc}") from None
        raise


def read_docx(data: bytes, name: str) -> Document:
    """Read DOCX bytes (already checked by ``readers.containers.check_zip``) into a ``Document``."""
    document = _open(data)
    reader = _Reader(document)
    try:
        items = reader.body(document.element.body)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise PlanDocError("corrupt", detail=f"reading body: {exc}") from None
    warnings: list[str] = []
    if reader.legacy_runs:
        warnings.append("Văn bản dùng phông chữ TCVN3/VNI cũ; đã chuyển sang Unicode, vui lòng kiểm tra lại.")
    else:
        encoding = legacy.detect("\n".join(_all_text(items)))
        if encoding:
            items = [_convert(item, encoding) for item in items]
            warnings.append(
                "Văn bản dùng bảng mã tiếng Việt cũ; đã chuyển sang Unicode, vui lòng kiểm tra lại."
            )
    if legacy.unconverted_ratio("\n".join(_all_text(items))) > 0.03:
        raise PlanDocError("legacy_encoding", detail="Latin-1 gibberish remains after conversion")
    items = join_split_tables(items)
    return _build(items, name, warnings)


def _all_text(items: list[RawParagraph | RawTable]):
    for item in items:
        if isinstance(item, RawParagraph):
            yield item.text
        else:
            for row in item.rows:
                for cell in row:
                    yield from cell.paragraphs


def _convert(item: RawParagraph | RawTable, encoding: str) -> RawParagraph | RawTable:
    if isinstance(item, RawParagraph):
        item.text = legacy.decode(item.text, encoding)
        return item
    for row in item.rows:
        for cell in row:
            cell.paragraphs = [legacy.decode(text, encoding) for text in cell.paragraphs]
    return item


# -- tables split across pages -------------------------------------------------------------------
def _row_key(row: list[RawCell]) -> tuple[str, ...]:
    return tuple(fold(" ".join(cell.paragraphs)) for cell in row if not cell.covered)


def _same_columns(first: RawTable, second: RawTable) -> bool:
    """Whether ``second`` continues ``first``: same grid, and a repeated header or equal widths."""
    if not first.rows or not second.rows:
        return False
    if len(first.rows[0]) != len(second.rows[0]) or len(first.rows[0]) < 2:
        return False
    if _row_key(first.rows[0]) == _row_key(second.rows[0]) and any(_row_key(first.rows[0])):
        return True
    if first.widths and len(first.widths) == len(second.widths):
        return all(
            abs(a - b) <= max(a, b) * 0.08 + 20 for a, b in zip(first.widths, second.widths, strict=True)
        )
    return False


def join_split_tables(items: list[RawParagraph | RawTable]) -> list[RawParagraph | RawTable]:
    """Join a table continued after a page break (a second table, often with the header repeated).

    Word users "continue" a long annex by starting a new table on the next page and copying the
    header row; for extraction it is one table. Tables join when only empty paragraphs lie
    between them and their columns mean the same (see ``_same_columns``). A repeated header row is
    remembered so the Table block leaves it out while the canonical text keeps it.
    """
    out: list[RawParagraph | RawTable] = []
    last_table: int | None = None
    for item in items:
        if isinstance(item, RawParagraph):
            out.append(item)
            if item.text:
                last_table = None
            continue
        if last_table is not None and _same_columns(out[last_table], item):
            first = out[last_table]
            offset = len(first.rows)
            if _row_key(first.rows[0]) == _row_key(item.rows[0]):
                first.repeated_headers.add(offset)
                first.breaks.add(offset + 1)
            else:
                first.breaks.add(offset)
            first.repeated_headers.update(offset + i for i in item.repeated_headers)
            first.rows.extend(item.rows)
            del out[last_table + 1 :]  # the empty paragraphs between the pieces
            continue
        out.append(item)
        last_table = len(out) - 1
    return out


class _Builder:
    """Accumulates canonical text and hands out spans into it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, text: str) -> Span:
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        return Span(start, self.pos)

    def newline(self) -> None:
        if self.pos:
            self.add("\n")


def _build(items: list[RawParagraph | RawTable], name: str, warnings: list[str]) -> Document:
    out = _Builder()
    blocks: list[Paragraph | Table] = []
    for item in items:
        if isinstance(item, RawParagraph):
            if not item.text:
                continue
            out.newline()
            span = out.add(item.text)
            blocks.append(
                Paragraph(item.text, span, bold=item.bold, italic=item.italic, heading=item.heading)
            )
            continue
        rows: list[Row] = []
        table_start = None
        for row_index, raw_row in enumerate(item.rows):
            if not any(cell.paragraphs for cell in raw_row):
                continue
            out.newline()
            row_start = out.pos
            table_start = row_start if table_start is None else table_start
            cells: list[Cell] = []
            for index, raw in enumerate(raw_row):
                if index:
                    out.add("\t")
                segments: list[Segment] = []
                for k, text in enumerate(raw.paragraphs):
                    if k:
                        out.add(" ")
                    segments.append(Segment(text, out.add(text)))
                span = Span.cover([s.span for s in segments]) or Span(out.pos, out.pos)
                cells.append(
                    Cell("\n".join(s.text for s in segments), span, segments, raw.col_span, raw.covered)
                )
            if row_index not in item.repeated_headers:  # its text stays in the canonical text
                rows.append(Row(cells, Span(row_start, out.pos), after_break=row_index in item.breaks))
        if rows:
            blocks.append(Table(rows, Span(table_start, out.pos)))
    return Document(name=name, text="".join(out.parts), blocks=blocks, format="docx", warnings=warnings)
