"""The text reader: decoding, Markdown paragraphs and tab tables with HTML cells, spans into the source."""

from __future__ import annotations

import codecs
import unicodedata

from core.plandoc.document import Paragraph, Table
from core.plandoc.readers.text import read_text

SAMPLE = (
    "## **II. NHIỆM VỤ**\n\n"
    "- Dòng một;\n- Dòng *hai*.\n\n"
    "TT\tNội dung\tCơ quan chủ trì\n"
    "1\tViệc A\t<ul><li>- Sở X;</li><li>- Sở Y.</li></ul>\n"
)


TONES = "\u0300\u0301\u0303\u0309\u0323"


def _cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: base letter (with its hat) precomposed, tone as a combining mark."""
    out = []
    for ch in text:
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(c for c in parts if c in TONES)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
            out.append((base + tone).encode("cp1258"))
    return b"".join(out)


def test_decodes_utf8_bom_utf16_and_cp1258():
    text = "Kế hoạch cải cách hành chính xã Tuệ Tĩnh năm 2025"
    for data in (
        text.encode("utf-8"),
        codecs.BOM_UTF8 + text.encode("utf-8"),
        text.encode("utf-16"),
        text.encode("utf-16-le"),
        _cp1258(text),
    ):
        assert read_text(data, "a.txt").text == text


def test_text_is_nfc_and_is_the_canonical_text():
    decomposed = unicodedata.normalize("NFD", "Cải cách hành chính\r\nxã Tuệ Tĩnh")
    doc = read_text(decomposed.encode("utf-8"), "a.txt")
    assert doc.text == "Cải cách hành chính\nxã Tuệ Tĩnh"
    assert doc.format == "text"


def test_markdown_markers_removed_but_spans_index_the_source():
    doc = read_text(SAMPLE.encode(), "a.md")
    heading, bullets = doc.blocks[0], doc.blocks[1]
    assert isinstance(heading, Paragraph) and heading.text == "II. NHIỆM VỤ" and heading.heading == 2
    assert heading.bold
    assert bullets.text == "- Dòng một;\n- Dòng hai."
    assert [doc.slice(line.span) for line in bullets.lines] == ["- Dòng một;", "- Dòng *hai*."]


def test_tab_table_cells_split_into_html_segments_with_spans():
    doc = read_text(SAMPLE.encode(), "a.md")
    table = doc.blocks[2]
    assert isinstance(table, Table) and len(table.rows) == 2
    lead = table.rows[1].cells[2]
    assert [s.text for s in lead.segments] == ["- Sở X;", "- Sở Y."]
    assert [doc.slice(s.span) for s in lead.segments] == ["- Sở X;", "- Sở Y."]
    assert lead.text == "- Sở X;\n- Sở Y."


def test_br_and_p_tags_break_cells_and_inline_tags_do_not():
    doc = read_text("TT\tNội dung\n1\t<p><b>Việc</b> A</p><p>Việc B<br>tiếp</p>\n".encode(), "a.txt")
    cell = doc.blocks[0].rows[1].cells[1]
    assert [s.text for s in cell.segments] == ["Việc A", "Việc B", "tiếp"]
