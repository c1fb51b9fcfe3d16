"""Write the seed plans as real .docx and .pdf files (fixtures for the readers' tests and benches).

usage: python -m tools.make_seed_formats            (from the repository root)

- DOCX (python-docx): headings, paragraphs, the annex as Word tables with a repeated header row
  (``tblHeader``), section rows as cells merged across the row, and every page break of the
  original table reproduced as a second table after a page break, its header repeated.
- PDF (reportlab): DejaVu Sans from ``fixtures/fonts`` (covers Vietnamese), tables with ruling
  lines and a repeated header, rows allowed to split across pages, page numbers in the footer.
Text content is the seed's (markup removed), so the gold annotations stay valid.
Bad-input fixtures are written by ``tools.make_bad_fixtures``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools.seed_structure import SeedCell, SeedParagraph, SeedTable, seed_structure  # noqa: E402

SEEDS = ROOT / "fixtures" / "seeds"
FONTS = ROOT / "fixtures" / "fonts"
FONT_REGULAR = FONTS / "DejaVuSans.ttf"
FONT_BOLD = FONTS / "DejaVuSans-Bold.ttf"

# Relative column widths by header words (first match wins); unknown columns get 1.0.
_WIDTHS = (
    ("stt", 0.55), ("tt", 0.55), ("nội dung", 2.4), ("nhiệm vụ", 2.4), ("sản phẩm", 1.7),
    ("chủ trì", 1.2), ("thực hiện", 1.2), ("phối hợp", 1.2), ("thời gian", 1.2), ("ghi chú", 1.7),
)  # fmt: skip


def column_weights(header: list[SeedCell]) -> list[float]:
    weights = []
    for cell in header:
        text = " ".join(cell.paragraphs).lower()
        weights.append(next((w for key, w in _WIDTHS if key in text), 1.0))
    return weights


# --- DOCX ----------------------------------------------------------------------------------------
def _docx_table(document, header: list[SeedCell], rows: list[list[SeedCell]], weights: list[float]):
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    ncols = len(header)
    table = document.add_table(rows=0, cols=ncols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(weights)
    widths = [Cm(17.0 * w / total) for w in weights]
    for col, width in zip(table.columns, widths, strict=True):
        col.width = width

    def fill(cell, seed: SeedCell, bold: bool) -> None:
        cell.paragraphs[0].text = ""
        for i, text in enumerate(seed.paragraphs or [""]):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            run = paragraph.add_run(text)
            run.bold = bold or seed.bold
            run.font.size = Pt(10)

    head = table.add_row()
    trpr = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    trpr.append(repeat)
    for cell, seed in zip(head.cells, header, strict=True):
        fill(cell, seed, True)
    for seed_row in rows:
        row = table.add_row()
        col = 0
        for seed in seed_row:
            cell = row.cells[col]
            if seed.span > 1:
                cell = cell.merge(row.cells[col + seed.span - 1])
            fill(cell, seed, False)
            col += seed.span
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    return table


def write_docx(structure: list[SeedParagraph | SeedTable], path: Path) -> None:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(12)
    for block in structure:
        if isinstance(block, SeedParagraph):
            if block.heading:
                document.add_heading(block.text, level=min(block.heading, 4))
            else:
                document.add_paragraph().add_run(block.text).bold = block.bold
            continue
        weights = column_weights(block.header)
        cuts = [0, *block.breaks, len(block.rows)]
        for k in range(len(cuts) - 1):
            if k:
                document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            _docx_table(document, block.header, block.rows[cuts[k] : cuts[k + 1]], weights)
    document.core_properties.author = "CCHC fixtures"
    document.save(str(path))


# --- PDF -----------------------------------------------------------------------------------------
def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_REGULAR)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(FONT_BOLD)))
        pdfmetrics.registerFontFamily("DejaVuSans", normal="DejaVuSans", bold="DejaVuSans-Bold")


def _styles():
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=11, leading=14, spaceAfter=4)
    return {
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName="DejaVuSans-Bold"),
        "h": ParagraphStyle("h", parent=body, fontName="DejaVuSans-Bold", fontSize=12, spaceBefore=6),
        "cell": ParagraphStyle("cell", fontName="DejaVuSans", fontSize=8.5, leading=10.5),
        "cellb": ParagraphStyle("cellb", fontName="DejaVuSans-Bold", fontSize=8.5, leading=10.5),
    }


def _pdf_table(block: SeedTable, styles, width: float, ruled: bool = True):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    def cell(seed: SeedCell, bold: bool) -> list:
        style = styles["cellb" if bold or seed.bold else "cell"]
        return [Paragraph(escape(text), style) for text in seed.paragraphs]

    weights = column_weights(block.header)
    ncols = len(block.header)
    data = [[cell(c, True) for c in block.header]]
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    for r, seed_row in enumerate(block.rows, start=1):
        row, col = [], 0
        for seed in seed_row:
            row.append(cell(seed, False))
            if seed.span > 1:
                commands.append(("SPAN", (col, r), (col + seed.span - 1, r)))
                row.extend([""] * (seed.span - 1))
            col += seed.span
        data.append(row + [""] * (ncols - len(row)))
    total = sum(weights)
    table = Table(data, colWidths=[width * w / total for w in weights], repeatRows=1, splitInRow=1)
    table.setStyle(TableStyle(commands))
    return table


def write_pdf(structure: list[SeedParagraph | SeedTable], path: Path, *, ruled: bool = True) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    _register_fonts()
    styles = _styles()

    def number(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 9)
        canvas.drawCentredString(A4[0] / 2, 1.0 * cm, str(doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=1.8 * cm, rightMargin=1.8 * cm, topMargin=1.8 * cm,
        bottomMargin=2.0 * cm, title=path.stem, author="CCHC fixtures", invariant=1,
    )  # fmt: skip
    story = []
    for block in structure:
        if isinstance(block, SeedParagraph):
            style = styles["h" if block.heading else "bold" if block.bold else "body"]
            story.append(Paragraph(escape(block.text), style))
        else:
            story.append(_pdf_table(block, styles, doc.width, ruled=ruled))
    doc.build(story, onFirstPage=number, onLaterPages=number)


def main() -> None:
    (SEEDS / "docx").mkdir(exist_ok=True)
    (SEEDS / "pdf").mkdir(exist_ok=True)
    for seed in sorted(SEEDS.glob("*.txt")):
        structure = seed_structure(seed)
        write_docx(structure, SEEDS / "docx" / f"{seed.stem}.docx")
        write_pdf(structure, SEEDS / "pdf" / f"{seed.stem}.pdf")
        tables = sum(isinstance(b, SeedTable) for b in structure)
        print(f"{seed.stem}: {len(structure)} blocks, {tables} tables")
    # One annex without ruling lines, for the positional column rebuild.
    seed = next(SEEDS.glob("000_*.txt"))
    write_pdf(seed_structure(seed), SEEDS / "pdf" / f"{seed.stem}_unruled.pdf", ruled=False)


if __name__ == "__main__":
    main()
