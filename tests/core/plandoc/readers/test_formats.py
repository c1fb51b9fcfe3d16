"""Files from real producers, read by the production readers and scored against hand gold.

The fixtures are made by ``scripts/make-format-fixtures`` from the corpus and seed DOCX: LibreOffice
saves them as .doc/.odt/.rtf and prints them to PDF; pdftoppm renders the printed PDF to images
that are turned, noised, blurred and packed back as an image-only PDF (or TIFF/PNG/JPEG). A
converted file must read as well as the DOCX it came from; a printed PDF and a scan nearly so.
Thresholds were set from figures measured once on these files; no reader rule was fitted to
them (the OCR settings are Tesseract's defaults at the scan's own resolution).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.plandoc.errors import PlanDocError
from core.plandoc.extract import extract_plan
from core.plandoc.readers import read_document
from core.plandoc.scoring import corpus_figures
from tests.core.plandoc.readers.conftest import FORMATS, ROOT, needs_ocr, needs_office

CORPUS = ROOT / "fixtures" / "corpus"
SEED_GOLD = ROOT.parent / "shared" / "gold"


def _source_docx(stem: str) -> Path:
    found = list((CORPUS / "plans").glob(f"{stem}.docx")) + list(
        (ROOT / "fixtures/seeds/docx").glob(f"{stem}.docx")
    )
    return found[0]


def _gold(stem: str) -> dict | None:
    path = CORPUS / "gold" / f"{stem}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    seeds = [g for g in SEED_GOLD.glob("*.json") if stem.startswith(g.stem)] if SEED_GOLD.is_dir() else []
    return json.loads(seeds[0].read_text(encoding="utf-8")) if seeds else None


def _figures(path: Path, stem: str) -> tuple[dict, object]:
    doc = read_document(path.read_bytes(), path.name)
    gold = _gold(stem)
    if gold is None:
        pytest.skip("seed gold lives in ../shared/gold, not present here")
    return corpus_figures(gold, extract_plan(doc).to_gold_dict()), doc


OFFICE = sorted((FORMATS / "office").glob("*.*"))


@needs_office
@pytest.mark.parametrize("path", OFFICE, ids=[p.name for p in OFFICE])
def test_converted_file_reads_as_well_as_its_docx(path):
    figures, doc = _figures(path, path.stem)
    assert doc.format == "docx" and doc.converted_from == path.suffix[1:]
    original, _ = _figures(_source_docx(path.stem), path.stem)
    assert figures["task_f1"] == original["task_f1"]
    assert figures["field_acc_mean"] >= original["field_acc_mean"] - 0.02
    assert figures["meta"] == original["meta"]


PRINTED = sorted((FORMATS / "printed").glob("*.pdf"))
# Measured on these prints. The signature block (a borderless two-column table) prints its two
# cells on shared baselines; ``readers.pdf_layout_tables`` gives them apart, so the signer is read.
PRINTED_TASK_F1 = 0.85


@pytest.mark.parametrize("path", PRINTED, ids=[p.stem for p in PRINTED])
def test_printed_pdf_reads_title_number_date_and_tasks(path):
    figures, doc = _figures(path, path.stem)
    assert doc.format == "pdf"
    for name in ("decision_number", "signed_date", "title", "signer"):
        if not (path.stem.startswith("cantho") and name == "title"):  # its title wraps into the header table
            assert figures["meta"][name], (name, figures["meta"])
    assert figures["task_f1"] >= PRINTED_TASK_F1, figures


def test_printed_pdf_words_are_whole():
    """LibreOffice writes letters its font lacks in a later run; they must land inside their word."""
    doc = read_document(
        (FORMATS / "printed" / "dongthap-kh597-2025-cds-giao-thong.pdf").read_bytes(), "x.pdf"
    )
    assert "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP" in doc.text
    assert "Số: 597/KH-UBND" in doc.text
    assert " Ỉ " not in doc.text


@needs_ocr
def test_scanned_plan_is_read_by_ocr():
    """Eleven pages scanned at 200 dpi, turned up to 0.8°, with noise: read as the printed PDF is."""
    path = FORMATS / "scans" / "dongthap-kh597-2025-cds-giao-thong.pdf"
    figures, doc = _figures(path, "dongthap-kh597-2025-cds-giao-thong")
    assert doc.format == "ocr"
    assert doc.ocr_confidence is not None and doc.ocr_confidence > 85
    assert any("OCR" in w and f"{doc.ocr_confidence:.0f}%" in w for w in doc.warnings)
    assert figures["meta"]["decision_number"] and figures["meta"]["signed_date"] and figures["meta"]["title"]
    assert figures["task_f1"] >= 0.8, figures
    assert figures["field_acc_mean"] >= 0.85, figures


@needs_ocr
@pytest.mark.parametrize(
    "name", ["hcm-kh172-2025-luat-viec-lam-p1.png", "hcm-kh172-2025-luat-viec-lam-p1.jpg"]
)
def test_page_image_is_read_by_ocr(name):
    """One page as a picture (PNG with its resolution; a JPEG photo without one)."""
    doc = read_document((FORMATS / "scans" / name).read_bytes(), name)
    plan = extract_plan(doc)
    assert doc.format == "ocr" and not any("phần mở rộng" in w for w in doc.warnings)
    assert plan.decision_number == "172/KH-UBND"
    assert plan.signed_date is not None and plan.signed_date.isoformat() == "2025-11-18"
    assert "Luật Việc làm" in (plan.title or "")
    paragraphs = [b for b in doc.blocks if getattr(b, "confidence", None) is not None]
    assert paragraphs, "OCR confidence is kept per block"


@needs_ocr
def test_multipage_tiff_scan():
    """A bilevel G4 TIFF, as office scanners e-mail them: every page read."""
    path = FORMATS / "scans" / "ttg-qd2623-2025-bao-ve-dlcn.tif"
    figures, doc = _figures(path, "ttg-qd2623-2025-bao-ve-dlcn")
    assert doc.format == "ocr"
    assert "2623/QĐ-TTg" in doc.text and "ngày 29 tháng 11 năm 2025" in doc.text
    assert figures["task_f1"] >= 0.8, figures
    # the bilevel scan reads "Số:" as "SỐ:": the number label is read in any case
    assert figures["meta"]["decision_number"], figures["meta"]


@needs_ocr
def test_scan_of_a_plan_without_tables_invents_none():
    """Seed 004 has no table (its DOCX has none; its tasks are lettered paragraphs, as the gold notes
    say): its scan reads every task, and the ruling detection sees no table in lines of text. Ruled
    tables in scans are tested on drawn, scanned pages in ``test_scan_geometry``."""
    path = FORMATS / "scans" / "004_53c1f6fe12ac9b9f.pdf"
    doc = read_document(path.read_bytes(), path.name)
    assert doc.format == "ocr"
    assert not [b for b in doc.blocks if hasattr(b, "rows")]
    figures, _ = _figures(path, path.stem)
    assert figures["task_f1"] >= 0.95, figures


def _scan_pages(pdf_path: Path, pages: list[int], dpi: int = 200) -> bytes:
    """Pages of a printed PDF as a flatbed gives them back: grey, turned a little, noise, blur; packed
    as an image-only PDF."""
    import io
    import random

    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng, images = random.Random(7), []
    document = pdfium.PdfDocument(str(pdf_path))
    for i in pages:
        image = document[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(rng.uniform(-0.6, 0.6), resample=Image.BICUBIC, fillcolor=255)
        image = Image.blend(image, Image.effect_noise(image.size, 10), 0.08).filter(
            ImageFilter.GaussianBlur(0.6)
        )
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return out.getvalue()


@needs_ocr
def test_scanned_ruled_annex_keeps_its_rows_and_columns():
    """Two pages of seed 003's ruled annex, printed by LibreOffice and scanned: the ruling lines found
    in the pixels rebuild the table — its columns, its header, every numbered row. What is expected is
    read from the printed PDF's own text layer by pdfplumber, not by CCHC's readers."""
    import pdfplumber
    from rapidfuzz import fuzz

    path, pages = FORMATS / "printed" / "003_f36111fb650658dc.pdf", [18, 19]
    with pdfplumber.open(path) as pdf:
        printed = [row for i in pages for row in pdf.pages[i].find_tables()[0].extract()]
    header = [" ".join((c or "").split()) for c in printed[0]]
    numbers = {(row[0] or "").strip() for row in printed if (row[0] or "").strip().isdigit()}
    doc = read_document(_scan_pages(path, pages), "scan.pdf")
    tables = [b for b in doc.blocks if hasattr(b, "rows")]
    assert doc.format == "ocr" and tables
    table = max(tables, key=lambda t: len(t.rows))
    assert len(table.rows) >= len(printed) and all(len(r.cells) == len(header) for r in table.rows)
    read_header = [c.text.replace("|", " ") for c in table.rows[0].cells]
    assert all(fuzz.token_set_ratio(a, b) >= 80 for a, b in zip(header, read_header, strict=True)), (
        read_header
    )
    read_numbers = {r.cells[0].text.strip(" |") for r in table.rows}
    assert numbers and numbers <= read_numbers, (numbers, read_numbers)
    assert any(c.confidence is not None for r in table.rows for c in r.cells)


@needs_ocr
def test_too_poor_scan_is_refused_in_vietnamese():
    path = FORMATS / "poor" / "blurred-40dpi.pdf"
    with pytest.raises(PlanDocError) as caught:
        read_document(path.read_bytes(), path.name)
    assert caught.value.code == "scan_unreadable"
    assert "quét lại" in caught.value.message


def test_scan_can_be_deferred_to_the_slow_path():
    """``ocr=False`` says a scan needs OCR without running it (callers budget it separately)."""
    path = FORMATS / "scans" / "dongthap-kh597-2025-cds-giao-thong.pdf"
    with pytest.raises(PlanDocError) as caught:
        read_document(path.read_bytes(), path.name, ocr=False)
    assert caught.value.code == "needs_ocr"
