"""Legacy and other word-processor files (.doc, .odt, .rtf) -> DOCX by LibreOffice, then the DOCX reader.

Writing a .doc (Word 97-2003 binary) reader would be a project of its own; LibreOffice already
reads these formats as well as anything does. It runs headless, with a fresh user profile per
conversion (two conversions sharing a profile block each other), in its own process group so a
timeout kills it and its children, and with no network and no macros (headless conversion never
runs document macros). It is called from inside the parse sandbox, so the file never reaches it
outside the time bound either.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path

from core.plandoc import tools
from core.plandoc.document import Document
from core.plandoc.errors import PlanDocError

CONVERT_TIMEOUT_S = 90
# LibreOffice maps far more address space than it uses; the sandbox's RLIMIT_AS (meant for the
# Python parsers) would kill it at start-up, so the converter gets its own, larger bound.
CONVERTER_MEMORY_MB = 4096
LABELS = {"doc": ".doc (Word 97-2003)", "odt": ".odt (OpenDocument)", "rtf": ".rtf"}


def read_converted(data: bytes, name: str, kind: str) -> Document:
    """Convert ``data`` (``kind``: "doc", "odt" or "rtf") to DOCX and read that."""
    from core.plandoc.readers.containers import check_zip
    from core.plandoc.readers.docx import read_docx

    docx = convert_to_docx(data, kind)
    check_zip(docx)
    doc = read_docx(docx, name)
    doc.converted_from = kind
    return doc


def convert_to_docx(data: bytes, kind: str) -> bytes:
    soffice = tools.soffice()
    label = LABELS.get(kind, kind)
    if soffice is None:
        raise PlanDocError(
            "office_unavailable", kind=label, command=tools.INSTALL_COMMAND, detail="no soffice"
        )
    with tempfile.TemporaryDirectory(prefix="cchc-office-") as tmp:
        work = Path(tmp)
        source = work / f"input.{kind}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(work / "out"),
            str(source),
        ]  # fmt: skip
        _run(command, work, label)
        target = work / "out" / "input.docx"
        if not target.is_file() or target.stat().st_size == 0:
            raise PlanDocError("conversion_failed", kind=label, detail="LibreOffice wrote no docx")
        return target.read_bytes()


def _run(command: list[str], work: Path, label: str) -> None:
    env = {**os.environ, "HOME": str(work), "TMPDIR": str(work), "SAL_USE_VCLPLUGIN": "svp"}
    proc = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=work,
        start_new_session=True,  # its own process group: a timeout kills soffice.bin as well
        preexec_fn=_converter_limits,  # noqa: PLW1509 - the child is exec'd right after
    )
    try:
        _out, err = proc.communicate(timeout=CONVERT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)
        raise PlanDocError("timeout", detail=f"LibreOffice over {CONVERT_TIMEOUT_S}s") from None
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # helpers LibreOffice may have left behind
        except ProcessLookupError:
            pass
    if proc.returncode != 0:
        raise PlanDocError(
            "conversion_failed", kind=label, detail=f"soffice {proc.returncode}: {err[-300:]!r}"
        )


def _converter_limits() -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = CONVERTER_MEMORY_MB * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
