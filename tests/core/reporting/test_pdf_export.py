"""The report DOCX converted to PDF by LibreOffice headless, read back with pdfplumber."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest

from core.plandoc import tools
from core.reporting.docx_report import build_docx
from core.reporting.pdf_export import PdfExportError, docx_to_pdf
from tests.core.reporting.sample import sample


@pytest.mark.skipif(tools.soffice() is None, reason="LibreOffice (soffice) chưa cài trên máy này")
def test_docx_to_pdf_keeps_the_title_and_the_vietnamese_text():
    pdf = docx_to_pdf(build_docx(sample()))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in doc.pages))
        assert len(doc.pages) >= 2
    assert "Kết quả thực hiện công tác cải cách hành chính quý III năm 2025" in text
    assert "Xã Thường Xuân ban hành và triển khai" in text


def test_missing_libreoffice_is_a_plain_vietnamese_error(monkeypatch, tmp_path, request):
    monkeypatch.delenv("CCHC_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    tools.soffice.cache_clear()
    request.addfinalizer(tools.soffice.cache_clear)
    with pytest.raises(PdfExportError, match="chưa cài LibreOffice"):
        docx_to_pdf(build_docx(sample()))


@pytest.mark.skipif(tools.soffice() is None, reason="LibreOffice (soffice) chưa cài trên máy này")
def test_a_conversion_over_its_time_is_stopped():
    with pytest.raises(PdfExportError, match="quá 0 giây"):
        docx_to_pdf(build_docx(sample()), timeout=0.01)


@pytest.mark.skipif(tools.soffice() is None, reason="LibreOffice (soffice) chưa cài trên máy này")
def test_quoc_hieu_and_date_each_print_on_one_line():
    pdf = docx_to_pdf(build_docx(sample()))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        lines = (doc.pages[0].extract_text() or "").splitlines()
    assert any(line.endswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") for line in lines), lines[:4]
    assert any(line.endswith("Thường Xuân, ngày 05 tháng 9 năm 2025") for line in lines), lines[:6]
