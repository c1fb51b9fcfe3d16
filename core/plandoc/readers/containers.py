"""Guards on container files (zip packages, OLE compound files) before any parser opens them.

A ``.docx`` or ``.odt`` is a zip: a crafted one can declare gigabytes of XML (a zip bomb), carry
macros, or be encrypted. These checks read only the zip directory and the declared sizes, so
they cost nothing on a good file and refuse a bad one before python-docx or LibreOffice sees it.
"""

from __future__ import annotations

import io
import zipfile

from core.plandoc.errors import PlanDocError

# Zip guards, applied to the declared sizes before any member is decompressed. zipfile never
# inflates a member past its declared size, so checking the declarations bounds the real work.
MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # a Word XML part compresses ~10x; 200x on a big member is a bomb
RATIO_MIN_SIZE = 2 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_zip(data: bytes, required: str = "word/document.xml") -> None:
    """Refuse corrupt, encrypted, macro-carrying, non-Word and bomb-shaped zip containers.

    ``required`` is the member the format cannot do without (``content.xml`` for an .odt).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PlanDocError("corrupt", detail=f"bad zip: {exc}") from None
    if len(infos) > MAX_MEMBERS:
        raise PlanDocError("zip_bomb", detail=f"{len(infos)} members")
    total = 0
    for info in infos:
        total += info.file_size
        if info.flag_bits & 0x1:
            raise PlanDocError("encrypted", detail=f"encrypted member {info.filename}")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_MIN_SIZE and ratio > MAX_MEMBER_RATIO:
            raise PlanDocError("zip_bomb", detail=f"{info.filename} ratio {ratio:.0f}")
    if total > MAX_UNCOMPRESSED:
        raise PlanDocError("zip_bomb", detail=f"declared {total} bytes uncompressed")
    names = {info.filename for info in infos}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise PlanDocError("macros", detail="vbaProject.bin present")
    try:
        types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise PlanDocError("corrupt", detail=f"content types: {exc}") from None
    if b"macroEnabled" in types:
        raise PlanDocError("macros", detail="macro-enabled content type")
    if required not in names:
        raise PlanDocError("unsupported_type", detail=f"zip without {required}")


def check_ole(data: bytes) -> PlanDocError:
    """Classify an OLE compound file: an encrypted OOXML package, an old .doc, or something else.

    Stream names sit in the directory sectors as UTF-16LE; finding them by bytes is enough to
    tell the cases apart without an OLE parser.
    """
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return PlanDocError("encrypted", detail="OLE EncryptedPackage")
    if "WordDocument".encode("utf-16-le") in data:
        return PlanDocError("legacy_doc", detail="Word 97-2003 binary")
    return PlanDocError("unsupported_type", detail="OLE compound file")
