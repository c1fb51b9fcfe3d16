"""Fixtures for the reader tests: the generated seed DOCX/PDF files and the bad inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.plandoc import tools
from core.plandoc.document import Document, Table
from core.plandoc.readers import read_document

ROOT = Path(__file__).resolve().parents[4]
SEEDS = ROOT / "fixtures" / "seeds"
BAD = ROOT / "fixtures" / "bad"
FORMATS = ROOT / "fixtures" / "formats"  # made by scripts/make-format-fixtures

# `make test` installs Tesseract and LibreOffice (scripts/ensure-office-ocr) where it may (root +
# apt); these skip only where that was impossible, and say how to install them.
needs_ocr = pytest.mark.skipif(
    tools.tesseract() is None, reason=f"Tesseract + tiếng Việt chưa cài (make ocr: {tools.INSTALL_COMMAND})"
)
needs_office = pytest.mark.skipif(
    tools.soffice() is None, reason=f"LibreOffice chưa cài (make ocr: {tools.INSTALL_COMMAND})"
)


def seed_file(kind: str, number: str) -> Path:
    return next((SEEDS / kind).glob(f"{number}_*.{kind}"))


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


@pytest.fixture(scope="session")
def docx_docs() -> dict[str, Document]:
    return {
        n: read_document(seed_file("docx", n).read_bytes(), seed_file("docx", n).name)
        for n in ("000", "001", "003")
    }


@pytest.fixture(scope="session")
def pdf_docs() -> dict[str, Document]:
    return {
        n: read_document(seed_file("pdf", n).read_bytes(), seed_file("pdf", n).name) for n in ("001", "003")
    }


@pytest.fixture(scope="session")
def seed003() -> Document:
    path = next(SEEDS.glob("003_*.txt"))
    return read_document(path.read_bytes(), path.name)
