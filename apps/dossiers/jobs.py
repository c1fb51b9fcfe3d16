"""The dossier import as a background job of ``apps.jobs``.

A worker copies the stored file to local disk, reads it (progress in rows), and writes everything in
one final transaction together with the job's success (``progress.complete``): a worker killed
half-way leaves nothing written, and the next attempt imports the file again from the start, which
an import by ``MaHoSo`` makes harmless.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from apps.accounts.policy import subject
from apps.accounts.policy.dossiers import import_scope
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.dossiers.models import DossierImport
from apps.dossiers.pipeline import ImportRequest, Outcome, SourceError, import_file
from apps.dossiers.services import KIND, local_copy
from apps.jobs.progress import JobFailed
from apps.jobs.registry import job_kind


def _import_url(job) -> str:
    return reverse("dossiers:import", args=[job.subject_id]) if job.subject_id else ""


def summary(imp: DossierImport, o: Outcome) -> str:
    """One Vietnamese sentence of what an import did (or would do, for a dry run)."""
    verb = "Chạy thử: sẽ thêm" if imp.dry_run else "Đã thêm"
    text = (
        f"{verb} {o.created} hồ sơ, cập nhật {o.updated}, không đổi {o.unchanged}"
        + (f", bỏ qua {o.older} dòng cũ hơn dữ liệu đã có" if o.older else "")
        + (f", {o.duplicates} dòng lặp lại" if o.duplicates else "")
        + (f"; {o.errors} dòng lỗi (xem báo cáo lỗi)." if o.errors else ".")
    )
    return text


def save_outcome(imp: DossierImport, o: Outcome) -> None:
    """Inside the final transaction: the counts and the end of the import."""
    DossierImport.objects.filter(pk=imp.pk).update(
        status=DossierImport.Status.DONE,
        rows=o.rows,
        created=o.created,
        updated=o.updated,
        unchanged=o.unchanged,
        older=o.older,
        duplicates=o.duplicates,
        errors=o.errors,
        done=o.rows,
        total=o.rows,
        phase="",
        message=summary(imp, o)[:1000],
        finished_at=timezone.now(),
    )
    with acting_as(imp.created_by):
        record_event(imp, f"Nhập hồ sơ từ “{imp.file_name}”: {summary(imp, o)}")


def _progress_adapter(imp: DossierImport, progress):
    def report(phase: str, done: int, total: int) -> None:
        progress(done, total or None, phase)

    return report


@job_kind(
    KIND,
    label="Nhập hồ sơ TTHC",
    unit="dòng",
    timeout=60 * 60,
    attempts=3,
    view_rule="dossiers.view",
    result_url=_import_url,
    result_label="Xem kết quả nhập",
)
def import_dossiers(job, progress) -> None:
    imp = DossierImport.objects.select_related("mapping", "created_by").filter(pk=job.subject_id).first()
    if imp is None or not imp.file:
        raise JobFailed("Lần nhập hồ sơ không còn trên hệ thống.")
    DossierImport.objects.filter(pk=imp.pk).update(
        status=DossierImport.Status.RUNNING, started_at=timezone.now(), message=""
    )
    imp.row_errors.all().delete()  # a retried attempt lists its rows once
    scope = import_scope(subject(imp.created_by)) if imp.created_by else None
    request = ImportRequest(
        dry_run=imp.dry_run,
        mapping=imp.mapping.columns if imp.mapping else None,
        scope=scope,
        import_id=imp.pk,
        final=lambda: progress.complete(message=f"Đã xử lý tệp “{imp.file_name}”."),
        finalize=lambda outcome: save_outcome(imp, outcome),
    )
    try:
        with local_copy(imp) as path:
            import_file(path, request, _progress_adapter(imp, progress))
    except SourceError as exc:
        DossierImport.objects.filter(pk=imp.pk).update(
            status=DossierImport.Status.FAILED, message=str(exc)[:1000], finished_at=timezone.now()
        )
        raise JobFailed(str(exc)) from exc
