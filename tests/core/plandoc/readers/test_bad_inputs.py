"""Every bad input is refused with its code and a Vietnamese message for the official."""

from __future__ import annotations

import pytest

from core.plandoc.errors import PlanDocError
from core.plandoc.readers import read_document
from tests.core.plandoc.readers.conftest import BAD

CASES = {
    "empty.docx": ("empty", "trống"),
    "blank.txt": ("empty", "trống"),
    "not_a_plan.txt": ("not_a_plan", "kế hoạch"),
    "scanned.pdf": ("scanned_pdf", "cần bản có lớp văn bản"),
    "spreadsheet.png": ("scanned_pdf", "lớp văn bản"),
    "zip_bomb.docx": ("zip_bomb", "từ chối"),
    "macros.docm": ("macros", "macro"),
    "encrypted.docx": ("encrypted", "mật khẩu"),
    "encrypted.pdf": ("encrypted", "mật khẩu"),
    "legacy.doc": ("legacy_doc", ".docx"),
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
