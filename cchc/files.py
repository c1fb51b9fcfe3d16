"""Uploaded files and transactions: a file saved for a row that is then rolled back must not stay.

Storage (disk or S3) is not transactional. ``removed_on_failure`` wraps a service's transaction (it
must be outside the ``atomic`` block): every file registered inside it is deleted from its storage if
the block raises, so a failed step leaves neither the row nor an orphaned file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db.models.fields.files import FieldFile

log = logging.getLogger(__name__)


@contextmanager
def removed_on_failure() -> Iterator[Callable[[FieldFile], None]]:
    saved: list[tuple[object, str]] = []
    try:
        yield lambda field_file: saved.append((field_file.storage, field_file.name))
    except BaseException:
        for storage, name in saved:
            try:
                storage.delete(name)
            except Exception:  # noqa: BLE001 - the original error matters more; the log keeps this one
                log.exception("Không xóa được tệp %s sau khi thao tác thất bại", name)
        raise
