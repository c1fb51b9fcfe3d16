"""Without Tesseract or LibreOffice, a scan or a .doc is refused with the one command that fixes it."""

from __future__ import annotations

import pytest

from core.plandoc import tools
from core.plandoc.errors import PlanDocError
from core.plandoc.readers import read_document
from tests.core.plandoc.readers.conftest import FORMATS


@pytest.fixture
def no_tools(monkeypatch, tmp_path):
    monkeypatch.setenv("CCHC_TESSERACT", str(tmp_path / "no-tesseract"))
    monkeypatch.setenv("CCHC_SOFFICE", "")
    monkeypatch.setenv("PATH", str(tmp_path))
    tools.tesseract.cache_clear()
    tools.soffice.cache_clear()
    yield
    tools.tesseract.cache_clear()
    tools.soffice.cache_clear()


def test_scan_without_tesseract_names_the_install_command(no_tools):
    data = (FORMATS / "scans" / "hcm-kh172-2025-luat-viec-lam-p1.png").read_bytes()
    with pytest.raises(PlanDocError) as caught:
        read_document(data, "trang1.png")
    assert caught.value.code == "ocr_unavailable"
    assert tools.INSTALL_COMMAND in caught.value.message and "bản quét" in caught.value.message
    assert tools.missing() == ["scan", "doc"]


@pytest.mark.parametrize(
    "name", ["hcm-kh172-2025-luat-viec-lam.doc", "cantho-kh160-2025-giam-sat-giam-ngheo.odt"]
)
def test_doc_without_libreoffice_names_the_install_command(no_tools, name):
    with pytest.raises(PlanDocError) as caught:
        read_document((FORMATS / "office" / name).read_bytes(), name)
    assert caught.value.code == "office_unavailable"
    assert tools.INSTALL_COMMAND in caught.value.message and "LibreOffice" in caught.value.message


def test_tools_found_when_installed():
    """On a machine where `make ocr` ran, both are found (CI installs them through `make test`)."""
    if tools.tesseract() is None or tools.soffice() is None:
        pytest.skip(f"make ocr has not run here ({tools.INSTALL_COMMAND})")
    assert tools.missing() == []
