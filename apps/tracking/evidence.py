"""Evidence files: what a file is, read from its bytes, never from its name.

A renamed executable must not pass as a PDF, and a DOCX or XLSX is a ZIP whose members say what it
is. Only the types offices exchange as tài liệu kiểm chứng are accepted.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError


@dataclass(frozen=True)
class FileKind:
    ext: str
    content_type: str
    label: str


PDF = FileKind("pdf", "application/pdf", "PDF")
DOCX = FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word")
XLSX = FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel")
PNG = FileKind("png", "image/png", "ảnh PNG")
JPEG = FileKind("jpg", "image/jpeg", "ảnh JPEG")
WEBP = FileKind("webp", "image/webp", "ảnh WebP")

ACCEPTED_TEXT = "PDF, Word (.docx), Excel (.xlsx), ảnh PNG, JPEG, WebP"
KINDS = {k.content_type: k for k in (PDF, DOCX, XLSX, PNG, JPEG, WEBP)}


def _zip_kind(stream: IO[bytes]) -> FileKind | None:
    try:
        with zipfile.ZipFile(stream) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def sniff(stream: IO[bytes]) -> FileKind | None:
    """The accepted kind of a file from its first bytes (and ZIP members), or None."""
    stream.seek(0)
    head = stream.read(16)
    stream.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(stream)
        stream.seek(0)
        return kind
    return None


def check_upload(stream: IO[bytes], size: int, limit: int) -> FileKind:
    """The file's kind, or a Vietnamese ValidationError saying what is wrong with it."""
    if size > limit:
        raise ValidationError(
            f"Tệp quá lớn ({size / 1048576:.1f} MB). Dung lượng tối đa là {limit / 1048576:.0f} MB."
        )
    if size == 0:
        raise ValidationError("Tệp rỗng, không có nội dung.")
    kind = sniff(stream)
    if kind is None:
        raise ValidationError(
            f"Nội dung tệp không phải định dạng được chấp nhận ({ACCEPTED_TEXT}). "
            "Hệ thống kiểm tra nội dung tệp, không dựa vào phần đuôi tên tệp."
        )
    return kind
