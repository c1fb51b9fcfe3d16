"""The report's DOCX as PDF, by LibreOffice headless: the signed PDF is what offices send upward.

LibreOffice runs as for the plan reader's .doc import (``core.libreoffice``: fresh profile, own
process group, bounded time). A conversion takes a few seconds (start-up mostly), so the web side
runs it as a background job.
"""

from __future__ import annotations

from core import libreoffice
from core.plandoc import tools

CONVERT_TIMEOUT_S = 120
MISSING = (
    "Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF (vẫn tải được bản Word). "
    f"Quản trị hệ thống cài bằng lệnh: {tools.INSTALL_COMMAND}"
)


class PdfExportError(Exception):
    """A conversion that could not be done, said in Vietnamese for the user."""


def available() -> bool:
    return tools.soffice() is not None


def docx_to_pdf(docx: bytes, timeout: float = CONVERT_TIMEOUT_S) -> bytes:
    """The PDF of a DOCX document, or ``PdfExportError`` saying why not."""
    soffice = tools.soffice()
    if soffice is None:
        raise PdfExportError(MISSING)
    try:
        pdf = libreoffice.convert(soffice, docx, "docx", "pdf:writer_pdf_Export", timeout)
    except libreoffice.ConversionError as exc:
        if exc.reason == "timeout":
            raise PdfExportError(
                f"LibreOffice chuyển báo cáo sang PDF quá {timeout:.0f} giây nên đã dừng. Vui lòng thử lại sau."
            ) from None
        if exc.reason == "failed":
            raise PdfExportError(f"LibreOffice báo lỗi khi chuyển sang PDF ({exc.detail[-200:]}).") from None
        pdf = b""
    if not pdf.startswith(b"%PDF"):
        raise PdfExportError("LibreOffice không tạo được tệp PDF từ báo cáo. Vui lòng thử lại.")
    return pdf
