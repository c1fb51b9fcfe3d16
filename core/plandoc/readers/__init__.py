"""Read an uploaded plan file into a ``Document``, refusing what must not be parsed.

The type is decided by content, not by the file name: officials rename files, portals serve
PDFs as ``.doc``, and a ``.docx`` that is really a zip bomb must not reach python-docx. The name
is only a hint (and a warning when it disagrees). Every refusal is a ``PlanDocError`` whose
message tells the official what to upload instead.
"""

from __future__ import annotations

import io
import zipfile

from core.plandoc.document import Document
from core.plandoc.errors import PlanDocError

MAX_BYTES = 20 * 1024 * 1024
# Zip guards, applied to the declared sizes before any member is decompressed. zipfile never
# inflates a member past its declared size, so checking the declarations bounds the real work.
MAX_MEMBERS = 2_000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # a Word XML part compresses ~10x; 200x on a big member is a bomb
RATIO_MIN_SIZE = 2 * 1024 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EXTENSIONS = {"docx": "docx", "docm": "docx", "pdf": "pdf", "txt": "text", "text": "text"}


def sniff(data: bytes) -> str:
    """Guess the format from the bytes: "pdf", "zip", "ole", "rtf", "image" or "text"."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data[:4] == b"PK\x03\x04" or data[:4] == b"PK\x05\x06":
        return "zip"
    if data[:8] == OLE_MAGIC:
        return "ole"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if (
        head[:3] == b"\xff\xd8\xff"
        or head[:8] == b"\x89PNG\r\n\x1a\n"
        or head[:4] in (b"II*\x00", b"MM\x00*")
    ):
        return "image"
    return "text"


def read_document(data: bytes, filename: str, *, max_bytes: int = MAX_BYTES) -> Document:
    """Read ``data`` (named ``filename``) into a ``Document``; raise ``PlanDocError`` on bad input.

    Call it through ``core.plandoc.sandbox.run_bounded`` from a web request, so a pathological file
    cannot hang the worker.
    """
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise PlanDocError("empty")
    if len(data) > max_bytes:
        raise PlanDocError("too_large", limit_mb=max(1, max_bytes // (1024 * 1024)))
    kind = sniff(data)
    hint = _EXTENSIONS.get(filename.rsplit(".", 1)[-1].lower(), "") if "." in filename else ""
    if kind == "pdf":
        from core.plandoc.readers.pdf import read_pdf

        doc = read_pdf(data, filename)
    elif kind == "zip" and is_xlsx(data):
        check_workbook(data)
        from core.plandoc.readers.xlsx import read_xlsx

        return read_xlsx(data, filename)  # rows typed by hand: read by meaning, never as prose
    elif kind == "zip":
        check_zip(data)
        from core.plandoc.readers.docx import read_docx

        doc = read_docx(data, filename)
    elif kind == "ole":
        raise check_ole(data)
    elif kind == "rtf":
        raise PlanDocError("unsupported_type", detail="RTF")
    elif kind == "image":
        raise PlanDocError(
            "scanned_pdf",
            "Tệp là ảnh chụp/quét, không có lớp văn bản; cần bản có lớp văn bản (PDF xuất từ Word) hoặc tệp .docx.",
            detail="image file",
        )
    else:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise PlanDocError("unsupported_type", detail="binary data")
        doc = _read_text(data, filename)
    if hint and hint != doc.format:
        doc.warnings.append(
            f"Tên tệp có phần mở rộng .{filename.rsplit('.', 1)[-1]} nhưng nội dung là {doc.format}."
        )
    if not doc.text.strip():
        raise PlanDocError("empty")
    if not looks_like_plan(doc.text):
        raise PlanDocError("not_a_plan")
    return doc


XLSX_WORKBOOK = "xl/workbook.xml"


def is_xlsx(data: bytes) -> bool:
    """An Excel workbook (the task template, or any sheet of tasks): a zip that names the workbook
    part and no Word document (zip member names are stored uncompressed)."""
    return data[:2] == b"PK" and XLSX_WORKBOOK.encode() in data and b"word/document.xml" not in data


def check_workbook(data: bytes) -> None:
    """The zip guards of a .docx (size, bombs, encryption, macros), with Excel's words for macros."""
    try:
        check_zip(data, required=XLSX_WORKBOOK)
    except PlanDocError as exc:
        if exc.code != "macros":
            raise
        raise PlanDocError(
            "macros", "Tệp Excel có chứa macro (.xlsm); vui lòng lưu lại dưới dạng .xlsx không có macro."
        ) from None


def _read_text(data: bytes, filename: str) -> Document:
    """Plain text goes to the text reader, which also rebuilds fragment tables (PDF-extracted text).

    A text file typed in a legacy Vietnamese encoding (TCVN3/VNI bytes) is converted to UTF-8
    bytes first, so the text reader and every span see Unicode.
    """
    from core.plandoc.legacy_encoding import convert_legacy_bytes
    from core.plandoc.readers.text import read_text

    return read_text(convert_legacy_bytes(data), filename)


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


_PLAN_WORDS = (
    "ke hoach",
    "nhiem vu",
    "cai cach",
    "hanh chinh",
    "chu tri",
    "thoi gian",
    "uy ban nhan dan",
    "ubnd",
)


def looks_like_plan(text: str) -> bool:
    """Cheap plausibility check: a CCHC plan names several of its usual words.

    It only refuses what is clearly something else (a letter, a menu, a spreadsheet dump); the
    extraction decides the rest.
    """
    from core.text import fold

    folded = fold(text[:200_000])
    return sum(word in folded for word in _PLAN_WORDS) >= 3
