"""The report's DOCX as PDF, by LibreOffice headless: the signed PDF is what offices send upward.

Same way of running LibreOffice as the plan reader's .doc import (``core.plandoc.readers.office``):
a fresh user profile per conversion (two conversions sharing one block each other), its own
process group so a timeout kills soffice.bin and its helpers, a bounded time. A conversion takes a
few seconds (start-up mostly), so the web side runs it as a background job.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path

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
    with tempfile.TemporaryDirectory(prefix="cchc-pdf-") as tmp:
        work = Path(tmp)
        source = work / "bao-cao.docx"
        source.write_bytes(docx)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "pdf:writer_pdf_Export",
            "--outdir", str(work / "out"),
            str(source),
        ]  # fmt: skip
        _run(command, work, timeout)
        target = work / "out" / "bao-cao.pdf"
        if not target.is_file() or not target.read_bytes().startswith(b"%PDF"):
            raise PdfExportError("LibreOffice không tạo được tệp PDF từ báo cáo. Vui lòng thử lại.")
        return target.read_bytes()


def _run(command: list[str], work: Path, timeout: float) -> None:
    env = {**os.environ, "HOME": str(work), "TMPDIR": str(work), "SAL_USE_VCLPLUGIN": "svp"}
    proc = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=work,
        start_new_session=True,  # its own process group: a timeout kills soffice.bin as well
    )
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)
        raise PdfExportError(
            f"LibreOffice chuyển báo cáo sang PDF quá {timeout:.0f} giây nên đã dừng. Vui lòng thử lại sau."
        ) from None
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # helpers LibreOffice may have left behind
        except ProcessLookupError:
            pass
    if proc.returncode != 0:
        tail = err[-200:].decode("utf-8", "replace").strip()
        raise PdfExportError(f"LibreOffice báo lỗi khi chuyển sang PDF (mã {proc.returncode}): {tail}")
