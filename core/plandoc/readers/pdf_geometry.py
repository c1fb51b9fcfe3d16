"""What pdfium tells about a PDF page: its words (with positions and weight) and its ruling lines.

Text and paths come from pdfium (C++, ~20x faster than parsing every character object in
Python). The output is plain data (word dicts, pdfplumber-style edge dicts) for
``readers.pdf_layout``, which does not care whether words came from a text layer or from OCR.
"""

from __future__ import annotations

import re

from core.plandoc.errors import PlanDocError

# A font whose name says it is heavy ("LiberationSerif-Bold", "Arial,Bold", "TimesNewRomanPS-BoldMT",
# "Roboto-Black"): the face is bold whatever weight the font descriptor declares.
_BOLD_NAME = re.compile(r"bold|black|heavy", re.IGNORECASE)  # "SemiBold", "DemiBold" too


def open_pdf(data: bytes):
    """A ``pypdfium2.PdfDocument``; a locked or broken file is a ``PlanDocError``."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise PlanDocError("encrypted", detail=f"pdfium: {exc}") from None
        raise PlanDocError("corrupt", detail=f"pdfium: {exc}") from None


def edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    """One ruling line as pdfplumber's table finder wants it."""
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "width": x1 - x0, "height": bottom - top,
            "orientation": orientation, "object_type": "line"}  # fmt: skip


def page_edges(page, height: float) -> tuple[list[dict], bool]:
    """Ruling lines (thin path objects, rectangle sides) as pdfplumber edge dicts; and any images."""
    import pypdfium2.raw as pdfium_c

    edges: list[dict] = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        x0, x1, y0, y1 = left, right, height - top, height - bottom
        w, h = x1 - x0, y1 - y0
        if h <= 2.5 and w > 3:
            edges.append(edge("h", x0, x1, (y0 + y1) / 2, (y0 + y1) / 2))
        elif w <= 2.5 and h > 3:
            edges.append(edge("v", (x0 + x1) / 2, (x0 + x1) / 2, y0, y1))
        elif w > 3 and h > 3:  # a rectangle: its four sides may rule a table
            edges += [edge("h", x0, x1, y0, y0), edge("h", x0, x1, y1, y1),
                      edge("v", x0, x0, y0, y1), edge("v", x1, x1, y0, y1)]  # fmt: skip
    images = any(True for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2))
    return edges, images


def page_words(page, height: float) -> list[dict]:
    """Words from pdfium's text page: runs of non-space characters on one baseline.

    A word's vertical extent comes from its baseline and font size, not from its glyphs' boxes:
    a capital with a Vietnamese tone mark ("Ủ", "Ồ") has a box half as tall again as "Y", and in
    PDFs printed by LibreOffice the box is the glyph's own, so boxes would split a line into a
    line of accented capitals above the rest.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    words: list[dict] = []
    current: dict | None = None
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    fonts: dict[bytes, bool] = {}
    for i in range(min(count, len(text))):
        ch = text[i]
        if ch.isspace() or ch == "\x00":
            current = None
            continue
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
        if size > 1 and pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, origin_x, origin_y):
            baseline = height - origin_y.value
            y0, y1 = baseline - 0.8 * size, baseline + 0.2 * size
        else:  # a font scaled by the text matrix: its size says nothing, the box does
            y0, y1 = height - top, height - bottom
        size = max(y1 - y0, 1.0)
        # A glyph written later but placed further left (a fallback-font letter, see
        # ``glue_touching``) starts a word of its own: appended here it would land after the
        # letters that follow it on the page ("ĐI" + "M" + "Ể" read "ĐI MỂ").
        if (
            current is not None
            and abs(current["top"] - y0) < size * 0.4
            and -0.3 * size <= left - current["x1"] < size * 0.25
        ):
            current["text"] += ch
            current["x1"] = max(current["x1"], right)
            current["bottom"] = max(current["bottom"], y1)
            continue
        bold = _is_bold(textpage, i, fonts)
        current = {"text": ch, "x0": left, "x1": right, "top": y0, "bottom": y1, "bold": bold}
        words.append(current)
    textpage.close()
    return glue_touching(words)


def _is_bold(textpage, index: int, fonts: dict[bytes, bool]) -> bool:
    """Whether the character is set in a bold face: by its declared weight, or by its font's name.

    The weight alone misses most bold text of office prints: LibreOffice (and Word) embed a subset
    of "LiberationSerif-Bold" or "TimesNewRomanPS-BoldMT" whose descriptor declares weight 400 (or
    none), so pdfium reports 400. The face name is what says it is the bold cut of the family.
    Headings are told from running text by their weight, so missing it joins a heading to the
    paragraph after it.
    """
    import ctypes

    import pypdfium2.raw as pdfium_c

    if pdfium_c.FPDFText_GetFontWeight(textpage.raw, index) >= 600:
        return True
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, len(buffer), ctypes.byref(flags))
    name = buffer.raw[: max(size - 1, 0)] if size <= len(buffer) else buffer.value
    if name not in fonts:
        fonts[name] = bool(_BOLD_NAME.search(name.decode("latin-1").split("+")[-1]))
    return fonts[name]


TOUCH = 0.12  # em: a gap narrower than this is inside a word (a space is ~0.25 em)


def glue_touching(words: list[dict]) -> list[dict]:
    """Join words that touch on one baseline: pieces of one word written out of order.

    LibreOffice writes the letters its main font lacks ("Ỉ", "Ồ", "ố" in Liberation Serif) in a
    second run with a fallback font, after the rest of the line; in stream order "TỈNH" is "T",
    "NH" and, later, "Ỉ". Placed by position the pieces touch (a real space is ~0.25 em wide).
    """
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: w["bottom"]):
        size = word["bottom"] - word["top"]
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) < 0.2 * size:
            lines[-1].append(word)
        else:
            lines.append([word])
    out: list[dict] = []
    for line in lines:
        first = len(out)
        for word in sorted(line, key=lambda w: w["x0"]):
            prev = out[-1] if len(out) > first else None
            size = word["bottom"] - word["top"]
            if prev is not None and -0.3 * size <= word["x0"] - prev["x1"] < TOUCH * size:
                prev["text"] += word["text"]
                prev["x1"] = max(prev["x1"], word["x1"])
                prev["bold"] = prev["bold"] and word["bold"]
            else:
                out.append(dict(word))
    return out
