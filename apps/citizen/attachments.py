"""Files sent with petitions: checked by content and size before anything is written, stored under
random names, removed again if the petition they belong to is not saved (``cchc.files``).

The type check is the one evidence files use (``apps.tracking.evidence.check_upload``: PDF, Word,
Excel, PNG, JPEG, WebP, read from the bytes, never from the name).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File

from apps.tracking.evidence import ACCEPTED_TEXT, FileKind, check_upload


@dataclass(frozen=True)
class CheckedFile:
    upload: object  # an UploadedFile (or any file object with name, size, chunks())
    kind: FileKind
    size: int
    sha256: str
    title: str


def check_files(
    uploads: Iterable, *, max_files: int | None = None, max_bytes: int | None = None
) -> list[CheckedFile]:
    """Every upload checked, or one ValidationError naming each bad file (nothing is stored yet)."""
    uploads = [u for u in uploads if u is not None]
    max_files = settings.CITIZEN_MAX_FILES if max_files is None else max_files
    max_bytes = settings.CITIZEN_UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
    if len(uploads) > max_files:
        raise ValidationError(f"Chỉ gửi kèm tối đa {max_files} tệp.")
    checked, problems = [], []
    for upload in uploads:
        name = (getattr(upload, "name", "") or "tệp").rsplit("/", 1)[-1][:150]
        try:
            kind = check_upload(upload, upload.size, max_bytes)
        except ValidationError as exc:
            problems.append(f"Tệp “{name}”: {' '.join(exc.messages)}")
            continue
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        checked.append(CheckedFile(upload, kind, upload.size, digest.hexdigest(), name))
    if problems:
        raise ValidationError(problems)
    return checked


def accepted_text() -> str:
    return f"{ACCEPTED_TEXT}; tối đa {settings.CITIZEN_MAX_FILES} tệp, mỗi tệp không quá " + (
        f"{settings.CITIZEN_UPLOAD_MAX_BYTES // 1048576} MB."
    )


def store_files(petition, files: Iterable[CheckedFile], part: str, register=None) -> list:
    """Save the files and their rows; each stored file is handed to ``register`` (the ``append`` of the list
    ``cchc.files.removed_on_error`` yields), so a failed step removes it again."""
    from apps.citizen.models import PetitionAttachment

    rows = []
    for f in files:
        row = PetitionAttachment(
            petition=petition,
            part=part,
            title=f.title,
            content_type=f.kind.content_type,
            size=f.size,
            sha256=f.sha256,
        )
        row.file.save(f"{uuid.uuid4().hex}.{f.kind.ext}", File(f.upload), save=False)
        if register is not None:
            register(row.file)
        row.save()
        rows.append(row)
    return rows
