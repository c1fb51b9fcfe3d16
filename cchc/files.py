"""Stored files never outlive their rows.

Deleting a row deletes its files (django-cleanup, on commit, through the storage API so it works on
S3-compatible storage too). This module covers the other way a file is orphaned: it is written
before the row that points at it, and the transaction then fails.
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager

from django.utils.text import get_valid_filename

log = logging.getLogger(__name__)
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


@contextmanager
def removed_on_error():
    """Collect ``FieldFile``s written inside the block; delete them if the block raises.

    Use it outside the ``transaction.atomic()`` whose rollback would leave the files behind::

        with removed_on_error() as stored, transaction.atomic():
            row.file.save(name, content, save=False)
            stored.append(row.file)
            ...
    """
    stored: list = []
    try:
        yield stored
    except BaseException:
        for field_file in stored:
            if field_file.name:
                try:
                    field_file.storage.delete(field_file.name)
                except Exception:  # noqa: BLE001 - the original error matters more; the log keeps this one
                    log.exception("Không xóa được tệp %s sau khi thao tác thất bại", field_file.name)
        raise


def download_name(title: str, ext: str, default: str = "tai-lieu") -> str:
    """The name a stored file is served under: the uploader's name without any path or extension
    of theirs ("hoso.pdf.exe", "trang.html"), made safe, with the extension of the type detected
    from the content. Vietnamese letters are kept (sent as RFC 5987 ``filename*``)."""
    stem = (title or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    while _EXTENSION.search(stem):
        stem = _EXTENSION.sub("", stem)
    try:
        stem = get_valid_filename(stem.strip(". "))[:80]
    except Exception:  # noqa: BLE001 - SuspiciousFileOperation for names like ".." or ""
        stem = ""
    return f"{stem or default}.{ext}"
