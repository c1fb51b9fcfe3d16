"""Read a PDF plan (its text layer) into a ``Document``, with spans that know their page.

A PDF has no paragraphs or cells, only positioned words. The reader is five parts that each
stand alone:
- ``pdf_geometry``: pdfium's words and ruling lines of a page;
- ``pdf_layout``: words + ruling lines -> tables and lines; running heads dropped; tables
  continued across pages joined (the same code lays out an OCR'd scan, ``readers.ocr``);
- ``pdf_columns``: tables printed without ruling lines, rebuilt from the header's x-ranges;
- ``pdf_layout_tables``: borderless two-cell layout tables (signature block, letterhead), told
  apart by the white gutter between their cells;
- ``pdf_build``: lines and tables -> the canonical ``Document``.
A PDF without a text layer (a scan) raises ``PlanDocError("scanned_pdf")``; ``read_document``
then hands it to the OCR reader.
"""

from __future__ import annotations

from core.plandoc.document import Document
from core.plandoc.errors import PlanDocError
from core.plandoc.readers.pdf_build import build_document
from core.plandoc.readers.pdf_columns import rebuild_positional_tables
from core.plandoc.readers.pdf_geometry import open_pdf, page_edges, page_words
from core.plandoc.readers.pdf_layout import drop_running_heads, join_across_pages, layout_page
from core.plandoc.readers.pdf_layout_tables import rebuild_layout_tables
from core.plandoc.readers.pdf_types import Line, PageTable

# Fewer words than this per page on average: the text layer is missing (a scan) or only a stamp.
MIN_WORDS_PER_PAGE = 2.5


def read_pdf(data: bytes, name: str) -> Document:
    """Read PDF bytes into a ``Document`` (format "pdf"); refuse scans and locked files."""
    pdf = open_pdf(data)
    try:
        per_page: list[list[Line | PageTable]] = []
        heights: list[float] = []
        total_words = 0
        images = False
        for number in range(1, len(pdf) + 1):
            page = pdf[number - 1]
            width, height = page.get_size()
            heights.append(float(height))
            words = page_words(page, height)
            edges, has_images = page_edges(page, height)
            page.close()
            per_page.append(layout_page(words, edges, width, height, number))
            total_words += len(words)
            images = images or has_images
        pages = len(pdf)
    except PlanDocError:
        raise
    except Exception as exc:
        raise PlanDocError("corrupt", detail=f"{type(exc).__name__}: {exc}") from None
    finally:
        pdf.close()
    if total_words < MIN_WORDS_PER_PAGE * max(1, pages):
        raise PlanDocError("scanned_pdf", detail=f"{total_words} words on {pages} pages, images={images}")
    return document_from_pages(per_page, heights, name, "pdf")


def document_from_pages(
    per_page: list[list[Line | PageTable]], heights: list[float], name: str, fmt: str
) -> Document:
    """Laid-out pages -> ``Document``: margins cleaned, tables joined and rebuilt, text built."""
    drop_running_heads(per_page, heights)
    items = join_across_pages([it for page_items in per_page for it in page_items])
    items = rebuild_positional_tables(items)
    items = rebuild_layout_tables(items)
    return build_document(items, name, fmt)
