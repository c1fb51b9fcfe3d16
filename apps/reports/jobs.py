"""The province compilation (tổng hợp báo cáo cấp dưới) as a background job of ``apps.jobs``.

A superior unit's officer asks for it on the report page (``services.start_compile``); a worker reads
every subordinate commune in batches (``compile.compile_rows``), reporting progress after each, and
writes the table into the report's ``compiled`` in one final transaction with the job's success: a
worker killed half-way leaves nothing half-written, and the next one compiles again from the start.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.jobs.progress import JobFailed
from apps.jobs.registry import job_kind
from apps.reports.compile import compile_rows
from apps.reports.gather import report_data
from apps.reports.models import PeriodicReport
from apps.reports.selectors import period_for
from cchc import clock
from core.reporting.data import to_json
from core.reporting.docx_report import build_docx
from core.reporting.pdf_export import PdfExportError, docx_to_pdf

KIND = "reports.compile"


def key(report: PeriodicReport) -> str:
    """One compilation of a report version at a time."""
    return f"{KIND}:{report.pk}"


def _report_url(job) -> str:
    report = job.subject
    if report is None:
        return ""
    url = reverse("reports:report", args=[report.org_unit_id, report.period_code])
    # ``xem=tong-hop`` makes the link differ from the page it is on, so following it loads the
    # page again (a bare ``#tong-hop`` on the same URL would only scroll a page without the table).
    return f"{url}?phien-ban={report.version}&xem=tong-hop#tong-hop"


def _report_of(job) -> PeriodicReport:
    """The job's report, or a failure the user understands when it has been deleted since."""
    report = PeriodicReport.objects.select_related("org_unit").filter(pk=job.subject_id).first()
    if report is None:
        raise JobFailed("Báo cáo không còn trên hệ thống.")
    return report


@job_kind(
    KIND,
    label="Tổng hợp báo cáo của các đơn vị cấp dưới",
    unit="đơn vị",
    timeout=15 * 60,
    attempts=3,
    view_rule="reports.view",
    result_url=_report_url,
    result_label="Xem bảng tổng hợp",
)
def compile_report(job, progress) -> None:
    report = _report_of(job)
    if report.locked:
        raise JobFailed("Báo cáo đã ký nên không tổng hợp lại được; tạo phiên bản mới để tổng hợp.")
    period = period_for(report.org_unit, report.period_code)
    rows = compile_rows(report.org_unit, period, progress)
    compiled = {"at": clock.now().isoformat(), "rows": [to_json(asdict(r)) for r in rows]}
    message = f"Đã tổng hợp {len(rows)} đơn vị cấp dưới."
    with progress.complete(message=message, result={"units": len(rows)}):
        drafts = PeriodicReport.objects.filter(pk=report.pk, status=PeriodicReport.Status.DRAFT)
        if not drafts.update(compiled=compiled, updated_at=timezone.now()):
            raise JobFailed("Báo cáo đã được ký trong lúc tổng hợp; bảng tổng hợp không được ghi.")
        with acting_as(job.created_by):
            record_event(report, f"Tổng hợp báo cáo cấp dưới: {message}")


# --- the report as PDF (LibreOffice headless, a few seconds) -----------------------------------------

PDF_KIND = "reports.pdf"
PDF_LAYOUT = "1"  # bump when the DOCX layout changes: PDFs made from the old layout are made again


def pdf_key(report: PeriodicReport) -> str:
    """One PDF export of a report version at a time."""
    return f"{PDF_KIND}:{report.pk}"


def pdf_path(report: PeriodicReport, data) -> str:
    """Where the PDF of exactly this content is stored: named by a hash of the report's data, so a
    draft whose figures or narrative changed since the last export is never served a stale PDF."""
    raw = json.dumps(data.to_dict(), sort_keys=True, ensure_ascii=False) + PDF_LAYOUT
    digest = hashlib.sha256(raw.encode()).hexdigest()[:40]
    return f"reports/pdf/{report.pk}/{digest}.pdf"


def _drop_older_pdfs(keep: str) -> None:
    """PDFs of this report's earlier content can never be served again (their data changed): gone."""
    folder = keep.rsplit("/", 1)[0]
    try:
        _dirs, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    for name in files:
        if f"{folder}/{name}" != keep:
            default_storage.delete(f"{folder}/{name}")


def _pdf_url(job) -> str:
    return reverse("reports:download", args=[job.subject_id, "pdf"]) if job.subject_id else ""


@job_kind(
    PDF_KIND,
    label="Xuất báo cáo ra PDF",
    unit="bước",
    timeout=5 * 60,
    attempts=2,
    view_rule="reports.view",
    result_url=_pdf_url,
    result_label="Tải bản PDF",
)
def export_pdf(job, progress) -> None:
    report = _report_of(job)
    progress(0, 3, "Đang soạn bản Word của báo cáo…")
    data = report_data(report.org_unit, period_for(report.org_unit, report.period_code), report)
    path = pdf_path(report, data)
    if not default_storage.exists(path):
        progress(1, 3, "Đang chuyển sang PDF bằng LibreOffice…")
        try:
            pdf = docx_to_pdf(build_docx(data))
        except PdfExportError as exc:
            raise JobFailed(str(exc)) from exc
        progress(2, 3, "Đang lưu bản PDF…")
        default_storage.save(path, ContentFile(pdf))
        _drop_older_pdfs(path)
    with progress.complete(message="Đã xuất bản PDF của báo cáo.", result={"path": path}):
        pass
