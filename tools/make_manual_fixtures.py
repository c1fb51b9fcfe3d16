"""Write the LibreOffice-made fixtures of the manual route under ``fixtures/manual/``.

usage: python -m tools.make_manual_fixtures            (from the repository root; needs soffice)

The sources are written by hand (``ke-hoach.fods``: a commune's own spreadsheet annex, not the
template; ``bang-khong-ro-tieu-de.html``: a plan whose only table has no task columns); LibreOffice
Calc and Writer, real producers, turn them into the ``.xlsx`` and ``.docx`` the tests read. The
same conversion runs in the tests when LibreOffice is installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANUAL = ROOT / "fixtures" / "manual"
CONVERSIONS = {
    "ke-hoach.fods": ("xlsx", "ke-hoach-libreoffice.xlsx"),
    "bang-khong-ro-tieu-de.html": ("docx:MS Word 2007 XML", "bang-khong-ro-tieu-de.docx"),
}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """Convert ``source`` with LibreOffice headless into ``out_dir``; the converted file's path.

    Raises RuntimeError with LibreOffice's output when it produced nothing (for example Calc is not
    installed: Debian splits it into libreoffice-calc-nogui)."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) chưa được cài")
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                program,
                "--headless",
                "--norestore",
                f"-env:UserInstallation=file://{profile}",
                "--convert-to",
                target_format,
                "--outdir",
                str(out_dir),
                str(source),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
    produced = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    if not produced.exists():
        raise RuntimeError(
            f"LibreOffice không chuyển được {source.name}: {result.stdout} {result.stderr}".strip()
        )
    return produced


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for source, (target_format, name) in CONVERSIONS.items():
            produced = convert(MANUAL / source, target_format, Path(tmp))
            shutil.copyfile(produced, MANUAL / name)
            print(f"{name}: {(MANUAL / name).stat().st_size} bytes")


if __name__ == "__main__":
    sys.exit(main())
