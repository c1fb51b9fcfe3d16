"""Legacy and other word-processor files (.doc, .odt, .rtf) -> DOCX by LibreOffice, then the DOCX reader.

Writing a .doc (Word 97-2003 binary) reader would be a project of its own; LibreOffice already
reads these formats as well as anything does; ``core.libreoffice`` runs it (fresh profile, own
process group, time and memory bounds, no macros). It is called from inside the parse sandbox, so
the file never reaches it outside the time bound either.
"""

from __future__ import annotations

from core import libreoffice
from core.plandoc import tools
from core.plandoc.document import Document
from core.plandoc.errors import PlanDocError

CONVERT_TIMEOUT_S = 90
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
    try:
        return libreoffice.convert(soffice, data, kind, "docx:MS Word 2007 XML", CONVERT_TIMEOUT_S)
    except libreoffice.ConversionError as exc:
        if exc.reason == "timeout":
            raise PlanDocError("timeout", detail=exc.detail) from None
        raise PlanDocError("conversion_failed", kind=label, detail=exc.detail) from None
