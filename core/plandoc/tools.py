"""The programs some formats need besides Python: Tesseract (scans) and LibreOffice (.doc/.odt).

They are Debian packages, installed by ``make ocr`` (and by ``make test``, so CI reads real
scans); ``make run`` does not wait for them. Where one is missing, reading a scan or a .doc
raises a ``PlanDocError`` whose message names the one command that installs them, instead of a
stack trace or a silent refusal.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess

# What `make ocr` (scripts/ensure-office-ocr) installs; the same list in the message below.
PACKAGES = ("tesseract-ocr", "tesseract-ocr-vie", "libreoffice-writer-nogui")
INSTALL_COMMAND = "sudo apt-get install -y " + " ".join(PACKAGES)
OCR_LANGUAGE = "vie"


@functools.cache
def tesseract() -> str | None:
    """Path of a Tesseract (4 or later: the LSTM engine) with Vietnamese data, or ``None``."""
    path = os.environ.get("CCHC_TESSERACT") or shutil.which("tesseract")
    if not path:
        return None
    try:
        langs = subprocess.run(
            [path, "--list-langs"], capture_output=True, text=True, timeout=20, check=False
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    return path if OCR_LANGUAGE in langs else None


@functools.cache
def soffice() -> str | None:
    """Path of LibreOffice's ``soffice`` (headless conversion), or ``None``."""
    return os.environ.get("CCHC_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def missing() -> list[str]:
    """The kinds of files this server cannot read for lack of a program: "scan", "doc"."""
    out = []
    if tesseract() is None:
        out.append("scan")
    if soffice() is None:
        out.append("doc")
    return out
