"""Run LibreOffice headless to convert one file: the .doc import and the report's PDF both need it.

One way of running it, so both get the same care: a fresh user profile per conversion (two
conversions sharing a profile block each other), its own process group so a timeout kills
soffice.bin and the helpers it starts, a bounded time, and its own address-space bound (it maps far
more than it uses, so a caller's tighter RLIMIT_AS, as in the parse sandbox, would kill it at
start-up). Headless conversion never runs document macros. Callers turn ``ConversionError`` into
their own Vietnamese message.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path

MEMORY_MB = 4096


class ConversionError(Exception):
    """``reason``: "timeout", "failed" (LibreOffice exited with an error) or "empty" (no output)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def convert(soffice: str, data: bytes, source_ext: str, target: str, timeout: float) -> bytes:
    """``data`` (a file ending in ``source_ext``) converted with the filter ``target``
    ("pdf:writer_pdf_Export", "docx:MS Word 2007 XML"); the bytes of the file LibreOffice wrote."""
    with tempfile.TemporaryDirectory(prefix="cchc-office-") as tmp:
        work = Path(tmp)
        source = work / f"input.{source_ext}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", target,
            "--outdir", str(work / "out"),
            str(source),
        ]  # fmt: skip
        _run(command, work, timeout)
        written = work / "out" / f"input.{target.split(':', 1)[0]}"
        if not written.is_file() or written.stat().st_size == 0:
            raise ConversionError("empty", f"LibreOffice wrote no {written.suffix}")
        return written.read_bytes()


def _run(command: list[str], work: Path, timeout: float) -> None:
    env = {**os.environ, "HOME": str(work), "TMPDIR": str(work), "SAL_USE_VCLPLUGIN": "svp"}
    proc = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=work,
        start_new_session=True,  # its own process group: a timeout kills soffice.bin as well
        preexec_fn=_memory_bound,  # noqa: PLW1509 - the child is exec'd right after
    )
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(5)
        raise ConversionError("timeout", f"LibreOffice over {timeout:.0f}s") from None
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # helpers LibreOffice may have left behind
        except ProcessLookupError:
            pass
    if proc.returncode != 0:
        raise ConversionError("failed", f"soffice {proc.returncode}: {err[-300:].decode('utf-8', 'replace')}")


def _memory_bound() -> None:
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = MEMORY_MB * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
