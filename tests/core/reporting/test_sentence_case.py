"""Sentences built from parts start with a capital letter (issue 14: "xã Thường Xuân ban hành…"),
in the helper and in the real DOCX read back with python-docx."""

from __future__ import annotations

import io
import unicodedata

import pytest
from docx import Document
from openpyxl import load_workbook

from core.reporting.data import Narrative
from core.reporting.docx_report import build_docx
from core.reporting.xlsx_annex import build_annex
from core.text import capitalise_first, capitalise_lines, sentence
from tests.core.reporting.sample import sample


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("xã Thường Xuân ban hành kế hoạch.", "Xã Thường Xuân ban hành kế hoạch."),
        ("đã rà soát 24 thủ tục", "Đã rà soát 24 thủ tục"),
        ("ủy ban nhân dân xã", "Ủy ban nhân dân xã"),
        ("ấp Bình An", "Ấp Bình An"),
        ("ưu tiên số hóa", "Ưu tiên số hóa"),
        ("- phường Ba Đình: đã xong", "- Phường Ba Đình: đã xong"),
        ("  + “tổ chức” hội nghị", "  + “Tổ chức” hội nghị"),
        ("3/5 nhiệm vụ chưa có báo cáo", "3/5 nhiệm vụ chưa có báo cáo"),
        ("Đã hoàn thành", "Đã hoàn thành"),
        ("", ""),
        ("- ", "- "),
    ],
)
def test_capitalise_first(text, expected):
    assert capitalise_first(text) == expected


def test_decomposed_vietnamese_keeps_its_marks():
    nfd = unicodedata.normalize("NFD", "ấp Đông")
    out = capitalise_first(nfd)
    assert unicodedata.normalize("NFC", out) == "Ấp Đông"


def test_sentence_and_lines():
    assert sentence("xã An Một", "", " ban hành kế hoạch.") == "Xã An Một ban hành kế hoạch."
    assert capitalise_lines("xã A.\n- đã làm\n\n3 việc") == "Xã A.\n- Đã làm\n\n3 việc"


def _first_letter_is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalnum()]
    return not letters or not letters[0].isalpha() or letters[0].isupper()


def test_draft_narrative_starts_sentences_with_capitals():
    data = sample()  # unit_name "xã Thường Xuân"
    assert data.narrative.direction.startswith("Xã Thường Xuân ban hành và triển khai")
    assert "Tính đến ngày chốt số liệu, xã Thường Xuân" in data.narrative.achievements


def test_every_paragraph_of_the_docx_starts_with_a_capital():
    data = sample()
    data.tasks[0].content = "rà soát, đơn giản hóa thủ tục hành chính"
    data.tasks[0].result = "đã rà soát 24 thủ tục"
    # A narrative saved before the draft capitalised it, or typed in lower case, prints capitalised.
    data.narrative = Narrative(direction="xã Thường Xuân ban hành kế hoạch.", causes="- đội ngũ kiêm nhiệm")
    doc = Document(io.BytesIO(build_docx(data)))
    bad = [p.text for p in doc.paragraphs if p.text.strip() and not _first_letter_is_upper(p.text)]
    assert not bad
    assert "Xã Thường Xuân ban hành kế hoạch." in [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "Rà soát, đơn giản hóa thủ tục hành chính" in cells
    assert any(c.startswith("Đã rà soát 24 thủ tục") for c in cells)
    ws = load_workbook(io.BytesIO(build_annex(data)))["Nhiệm vụ"]
    assert ws["A2"].value.startswith("Xã Thường Xuân — kỳ quý III năm 2025")
    assert ws["C5"].value == "Rà soát, đơn giản hóa thủ tục hành chính"
    assert ws["J5"].value == "Đã rà soát 24 thủ tục"
