"""Writes of the dossier register: uploads and their column mappings, the apology of a late dossier.

Each function takes the acting user first, asks the policy, runs in one transaction and leaves an
audit record. The import itself runs as a background job (``apps/dossiers/jobs.py``); the rows it
writes are recorded once per import (``record_event``), not one audit entry per dossier.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from apps.accounts.policy import can, require, subject
from apps.accounts.policy.dossiers import IMPORTERS
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.dossiers.models import ColumnMapping, Dossier, DossierImport
from apps.dossiers.pipeline.source import SourceError, column_key, max_bytes, open_source
from cchc.files import removed_on_error
from core.dossiers.fields import ALL_COLUMNS

KIND = "dossiers.import"


def _home_unit(actor):
    """The unit an import is filed under: the importer's highest unit where they may import."""
    members = [m for m in subject(actor).memberships if m.role in IMPORTERS]
    order = {"province": 0, "district": 1, "commune": 2}
    members.sort(key=lambda m: order.get(m.org_unit.level, 3))
    return members[0].org_unit if members else None


def _sniff(upload) -> str:
    """The file's kind by its content: "xlsx" or "csv"; refuses anything else."""
    head = upload.read(4096)
    upload.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if not head.strip() or b"\x00" in head:
        raise ValidationError("Tệp không phải CSV hay Excel .xlsx (nội dung không đúng định dạng).")
    return "csv"


@contextmanager
def local_copy(imp: DossierImport):
    """The import's stored file as a local temporary file (storage may be S3: no path)."""
    suffix = Path(imp.file.name).suffix
    fd, name = tempfile.mkstemp(prefix="cchc-import-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as out, imp.file.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
        yield Path(name)
    finally:
        os.unlink(name)


def header_problem(imp: DossierImport) -> str:
    """Why the stored file cannot be read with its mapping ("" when it can)."""
    with local_copy(imp) as path:
        try:
            open_source(path, imp.mapping.columns if imp.mapping else None)
        except SourceError as exc:
            return str(exc)
    return ""


def file_header(imp: DossierImport) -> list[str]:
    """The header row of the stored file, for the column mapping page."""
    with local_copy(imp) as path:
        try:
            return open_source(path, {c: c for c in ALL_COLUMNS}).header
        except SourceError:
            pass
        from apps.dossiers.pipeline import source as src

        head = path.read_bytes()[: src.SNIFF_BYTES]
        if head.startswith(b"PK\x03\x04"):
            return [src._cell_text(v) for v in next(src._xlsx_rows(path), (1, []))[1]]
        text = head.decode(src._detect_encoding(head), errors="ignore")
        line, delimiter = src._header_line(text)
        return [h.strip() for h in line.split(delimiter)]


def upload(actor, file, *, mapping: ColumnMapping | None = None, dry_run: bool = False) -> DossierImport:
    """Store an uploaded export and start importing it, or wait for its columns to be mapped."""
    require(actor, "dossiers.import")
    if file.size > max_bytes():
        raise ValidationError(f"Tệp quá lớn (tối đa {max_bytes() / 1024**3:.1f} GB).")
    kind = _sniff(file)
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    with removed_on_error() as stored, transaction.atomic():
        imp = DossierImport.objects.create(
            kind=DossierImport.Kind.FILE,
            org_unit=_home_unit(actor),
            file_name=os.path.basename(file.name)[:300],
            size=file.size,
            sha256=digest.hexdigest(),
            mapping=mapping,
            dry_run=dry_run,
            created_by=actor,
        )
        imp.file.save(f"{uuid.uuid4().hex}.{kind}", File(file), save=True)
        stored.append(imp.file)
        with acting_as(actor):
            record_event(imp, f"Tải lên tệp hồ sơ “{imp.file_name}”{' (chạy thử)' if dry_run else ''}.")
        problem = header_problem(imp)
        if problem:
            imp.status, imp.message = DossierImport.Status.MAPPING, problem[:1000]
            imp.save(update_fields=["status", "message"])
        else:
            _submit(actor, imp)
    return imp


def _submit(actor, imp: DossierImport):
    from apps.jobs.services import submit

    imp.status = DossierImport.Status.QUEUED
    imp.save(update_fields=["status"])
    return submit(KIND, actor=actor, org_unit=imp.org_unit, subject=imp, key=f"{KIND}:{imp.pk}")


def save_mapping(actor, imp: DossierImport, columns: dict[str, str], name: str) -> DossierImport:
    """Remember how this source names the canonical columns, then start the import with it."""
    require(actor, "dossiers.import")
    _own(actor, imp)
    name = " ".join((name or "").split())[:120]
    if not name:
        raise ValidationError("Đặt tên cho nguồn dữ liệu để lần sau dùng lại ánh xạ này.")
    columns = {c: h for c, h in columns.items() if c in ALL_COLUMNS and h}
    with transaction.atomic():
        mapping, _created = ColumnMapping.objects.get_or_create(name=name, defaults={"created_by": actor})
        with acting_as(actor):
            mapping.columns = columns
            mapping.header_key = "|".join(sorted(column_key(h) for h in columns.values()))[:2000]
            mapping.save()
        imp.mapping = mapping
        imp.save(update_fields=["mapping"])
        problem = header_problem(imp)
        if problem:
            raise ValidationError(problem)
        _submit(actor, imp)
    return imp


def rerun(actor, imp: DossierImport, *, dry_run: bool = False) -> DossierImport:
    """Import the same stored file again (after a dry run, or after fixing the catalogue)."""
    require(actor, "dossiers.import")
    _own(actor, imp)
    if not imp.file:
        raise ValidationError("Lần nhập này không có tệp để nhập lại.")
    with removed_on_error() as stored, transaction.atomic():
        again = DossierImport.objects.create(
            kind=imp.kind, org_unit=imp.org_unit, file_name=imp.file_name, size=imp.size, sha256=imp.sha256,
            mapping=imp.mapping, dry_run=dry_run, created_by=actor,
        )  # fmt: skip
        with imp.file.open("rb") as f:
            again.file.save(f"{uuid.uuid4().hex}{Path(imp.file.name).suffix}", File(f), save=True)
        stored.append(again.file)
        with acting_as(actor):
            record_event(again, f"Nhập lại tệp “{imp.file_name}”{' (chạy thử)' if dry_run else ''}.")
        _submit(actor, again)
    return again


def _own(actor, imp: DossierImport) -> None:
    if not (imp.created_by_id == actor.pk or subject(actor).is_root):
        raise ValidationError("Chỉ người tải tệp lên mới tiếp tục được lần nhập này.")


def record_apology(actor, dossier: Dossier, sent_at: datetime, note: str = "") -> Dossier:
    """Record that the apology letter (phiếu xin lỗi và hẹn lại ngày trả kết quả) was sent."""
    require(actor, "dossiers.apology", dossier)
    if sent_at is None:
        raise ValidationError("Nhập ngày gửi phiếu xin lỗi.")
    if timezone.is_naive(sent_at):
        sent_at = timezone.make_aware(sent_at)
    if dossier.received_at and sent_at < dossier.received_at:
        raise ValidationError("Ngày gửi phiếu xin lỗi không thể trước ngày tiếp nhận hồ sơ.")
    with transaction.atomic():
        Dossier.objects.filter(pk=dossier.pk).update(apology_at=sent_at)
        dossier.apology_at = sent_at
        with acting_as(actor):
            record_event(
                dossier,
                f"Ghi nhận phiếu xin lỗi hồ sơ {dossier.code} ngày {timezone.localtime(sent_at):%d/%m/%Y}"
                + (f": {note}" if note else "."),
                {"apology_at": [None, sent_at.isoformat()]},
            )
    return dossier


def may_import(actor) -> bool:
    return can(actor, "dossiers.import")
