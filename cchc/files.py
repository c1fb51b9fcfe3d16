"""Stored files never outlive their rows.

Deleting a row deletes its files (django-cleanup, on commit, through the storage API so it works on
S3-compatible storage too). This module covers the other way a file is orphaned: it is written
before the row that points at it, and the transaction then fails.
"""

from __future__ import annotations

from contextlib import contextmanager


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
                field_file.storage.delete(field_file.name)
        raise
