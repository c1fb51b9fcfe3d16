"""Every bad input is refused with its code and a Vietnamese message for the official."""

from __future__ import annotations

import pytest

from core.plandoc.errors import PlanDocError
from core.plandoc.readers import read_document
from tests.core.plandoc.readers.conftest import BAD, needs_ocr, needs_office

CASES = {
    "empty.docx": ("empty", "trống"),
    "blank.txt": ("empty", "trống"),
    "not_a_plan.txt": ("not_a_plan", "kế hoạch"),
    "spreadsheet.png": ("corrupt", "hỏng"),
    "zip_bomb.docx": ("zip_bomb", "từ chối"),
    "macros.docm": ("macros", "macro"),
    "encrypted.docx": ("encrypted", "mật khẩu"),
    "encrypted.pdf": ("encrypted", "mật khẩu"),
    "truncated.docx": ("corrupt", "hỏng"),
    "corrupt.pdf": ("corrupt", "hỏng"),
    "unknown_encoding.docx": ("legacy_encoding", "Unicode"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_with_code_and_message(name):
    code, words = CASES[name]
    with pytest.raises(PlanDocError) as caught:
        read_document((BAD / name).read_bytes(), name)
    assert caught.value.code == code
    assert words in caught.value.message
    assert "\n" not in caught.value.message


def test_too_large_is_refused_before_parsing():
    with pytest.raises(PlanDocError) as caught:
        read_document(b"x" * 2048, "plan.txt", max_bytes=1024)
    assert caught.value.code == "too_large"


def test_type_is_decided_by_content_not_name():
    doc = read_document((BAD / "pdf_renamed.docx").read_bytes(), "pdf_renamed.docx")
    assert doc.format == "pdf"
    assert "KẾ HOẠCH cải cách hành chính" in doc.text
    assert doc.warnings


def test_error_survives_pickling_for_the_sandbox():
    import pickle

    error = pickle.loads(pickle.dumps(PlanDocError("macros", detail="x")))
    assert error.code == "macros" and "macro" in error.message


@needs_ocr
def test_blank_scan_is_unreadable():
    """An image-only PDF with no text at all: OCR finds nothing, the official is told to rescan."""
    with pytest.raises(PlanDocError) as caught:
        read_document((BAD / "scanned.pdf").read_bytes(), "scanned.pdf")
    assert caught.value.code == "scan_unreadable"
    assert "quét lại" in caught.value.message


@needs_office
def test_broken_doc_is_not_converted():
    """An OLE file that says it is Word but holds no document: LibreOffice writes nothing."""
    with pytest.raises(PlanDocError) as caught:
        read_document((BAD / "legacy.doc").read_bytes(), "legacy.doc")
    assert caught.value.code == "conversion_failed"
    assert ".docx" in caught.value.message
