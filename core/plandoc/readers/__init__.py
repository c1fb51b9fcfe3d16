"""Read an uploaded plan file into a ``Document``, refusing what must not be parsed.

The type is decided by content, not by the file name: officials rename files, portals serve
PDFs as ``.doc``, and a ``.docx`` that is really a zip bomb must not reach python-docx. The name
is only a hint (and a warning when it disagrees). Every refusal is a ``PlanDocError`` whose
message tells the official what to upload instead.
"""

from __future__ import annotations

from core.plandoc.document import Document
from core.plandoc.errors import PlanDocError
from core.plandoc.readers.containers import OLE_MAGIC, check_ole, check_zip

MAX_BYTES = 20 * 1024 * 1024
_EXTENSIONS = {
    "docx": "docx", "docm": "docx", "pdf": "pdf", "txt": "text", "text": "text", "md": "text",
    "doc": "doc", "odt": "odt", "rtf": "rtf",
    "png": "image", "jpg": "image", "jpeg": "image", "tif": "image", "tiff": "image",
}  # fmt: skip
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


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


def read_document(data: bytes, filename: str, *, max_bytes: int = MAX_BYTES, ocr: bool = True) -> Document:
    """Read ``data`` (named ``filename``) into a ``Document``; raise ``PlanDocError`` on bad input.

    Call it through ``core.plandoc.sandbox.run_bounded`` from a web request, so a pathological file
    cannot hang the worker. A scan (a PDF without a text layer, a page image) is read by OCR,
    which takes seconds per page; with ``ocr=False`` it raises ``PlanDocError("needs_ocr")``
    instead, so a caller can give that slow path its own time budget or a background job.
    """
    if not data or not data.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise PlanDocError("empty")
    if len(data) > max_bytes:
        raise PlanDocError("too_large", limit_mb=max(1, max_bytes // (1024 * 1024)))
    kind = sniff(data)
    hint = _EXTENSIONS.get(filename.rsplit(".", 1)[-1].lower(), "") if "." in filename else ""
    if kind == "pdf":
        doc = _read_pdf(data, filename, ocr)
    elif kind == "zip" and is_xlsx(data):
        check_workbook(data)
        from core.plandoc.readers.xlsx import read_xlsx

        return read_xlsx(data, filename)  # rows typed by hand: read by meaning, never as prose
    elif kind == "zip" and is_odt(data):
        check_zip(data, required="content.xml")
        doc = _read_converted(data, filename, "odt")
    elif kind == "zip":
        check_zip(data)
        from core.plandoc.readers.docx import read_docx

        doc = read_docx(data, filename)
    elif kind == "ole":
        error = check_ole(data)
        if error.code != "legacy_doc":
            raise error
        doc = _read_converted(data, filename, "doc")
    elif kind == "rtf":
        doc = _read_converted(data, filename, "rtf")
    elif kind == "image":
        doc = _read_scan(data, filename, "image", ocr)
    else:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise PlanDocError("unsupported_type", detail="binary data")
        doc = _read_text(data, filename)
    if (
        hint
        and hint not in (doc.format, doc.converted_from)
        and not (hint == "image" and doc.format == "ocr")
    ):
        doc.warnings.append(
            f"Tên tệp có phần mở rộng .{filename.rsplit('.', 1)[-1]} nhưng nội dung là {doc.format}."
        )
    if not doc.text.strip():
        raise PlanDocError("empty")
    if not looks_like_plan(doc.text):
        raise PlanDocError("not_a_plan")
    return doc


def _read_pdf(data: bytes, filename: str, ocr: bool) -> Document:
    from core.plandoc.readers.pdf import read_pdf

    try:
        return read_pdf(data, filename)
    except PlanDocError as exc:
        if exc.code != "scanned_pdf":
            raise
    return _read_scan(data, filename, "pdf", ocr)


def _read_scan(data: bytes, filename: str, kind: str, ocr: bool) -> Document:
    if not ocr:
        raise PlanDocError("needs_ocr", detail=kind)
    from core.plandoc.readers.ocr import read_scan

    return read_scan(data, filename, kind)


def _read_converted(data: bytes, filename: str, kind: str) -> Document:
    from core.plandoc.readers.office import read_converted

    return read_converted(data, filename, kind)


def is_odt(data: bytes) -> bool:
    """An OpenDocument text: a zip whose first member is ``mimetype`` naming it (ODF 1.2 §3.3)."""
    return data[30:38] == b"mimetype" and ODT_MIMETYPE in data[38:100]


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
