"""Report pages: the list of periods and units, one report (preview, narrative, files, signing,
submission, compilation), its downloads. Views stay thin: reads in selectors, writes in services."""

from __future__ import annotations

import io
import logging
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, subject, visible_units
from apps.jobs.selectors import latest_for
from apps.reports import jobs, selectors, services
from apps.reports.compile import subordinates
from apps.reports.forms import NarrativeForm, SignForm
from apps.reports.gather import report_data
from apps.reports.models import PeriodicReport
from apps.reports.preview import preview_context
from cchc import clock
from cchc.middleware import error_page
from cchc.web import attempt
from core.reporting.docx_report import build_docx
from core.reporting.periods import PeriodError, current_period, parse_period
from core.reporting.xlsx_annex import build_annex

log = logging.getLogger("cchc")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report(request, pk: int) -> PeriodicReport:
    """A report the user may read; others are 404 so their existence is not revealed."""
    report = get_object_or_404(PeriodicReport.objects.select_related("org_unit__parent"), pk=pk)
    if not can(request.user, "reports.view", report):
        raise Http404("Không tìm thấy báo cáo.")
    return report


def _page_url(report: PeriodicReport) -> str:
    url = reverse("reports:report", args=[report.org_unit_id, report.period_code])
    return f"{url}?phien-ban={report.version}"


@login_required
def index(request):
    today = clock.today()
    try:
        period = parse_period(request.GET.get("ky", "")) if request.GET.get("ky") else current_period(today)
    except PeriodError as exc:
        messages.error(request, str(exc))
        period = current_period(today)
    s = subject(request.user)
    own_ids = {m.org_unit_id for m in s.memberships}
    units = (
        list(visible_units(request.user).filter(pk__in=own_ids).order_by("level", "name"))
        if not s.is_root
        else []
    )
    if s.is_root:
        units = list(visible_units(request.user).filter(parent__isnull=True).order_by("name"))
    mine = selectors.latest_reports_for(units, period.code)
    overseen = [u for u in units if u.level != "commune" and can(request.user, "reports.oversee", u)]
    return render(
        request,
        "reports/index.html",
        {
            "period": period,
            "periods": selectors.period_choices(today),
            # Agency heads and staff belong to the unit but read none of its reports: no dead links.
            "units": [(u, mine.get(u.pk), can(request.user, "reports.view", u)) for u in units],
            "subordinates": [(u, selectors.subordinate_status(u, period, today)) for u in overseen],
            "due": selectors.due_overview(request.user, today) if overseen else [],
        },
    )


@login_required
def report_page(request, unit: int, code: str):
    unit_obj = selectors.unit_or_404(request.user, unit)
    period = selectors.period_or_404(unit_obj, code)
    visible = [r for r in selectors.versions(unit_obj, period.code) if can(request.user, "reports.view", r)]
    member = can(request.user, "reports.view", unit_obj)
    if not visible and not member:
        raise Http404("Không tìm thấy báo cáo.")
    wanted = request.GET.get("phien-ban", "")
    pick = next((r for r in visible if str(r.version) == wanted), visible[0] if visible else None)
    report = PeriodicReport.objects.select_related("org_unit__parent").get(pk=pick.pk) if pick else None
    data = report_data(unit_obj, period, report)
    may_prepare = can(request.user, "reports.prepare", unit_obj)
    context = {
        "unit": unit_obj,
        "period": period,
        "report": report,
        "versions": visible,
        "data": data,
        "may_prepare": may_prepare,
        "may_edit": may_prepare and report is not None and not report.locked,
        "may_sign": report is not None
        and report.status == "draft"
        and can(request.user, "reports.sign", unit_obj),
        "may_submit": report is not None
        and report.status == "signed"
        and can(request.user, "reports.submit", unit_obj),
        "is_latest": report is not None and visible and report.pk == visible[0].pk,
        "has_subordinates": bool(subordinates(unit_obj)) if unit_obj.level != "commune" else False,
        # A finished compilation is shown by its table (and when it was made), not by a message
        # asking to reload the page: that message stayed after reloading (issue 14).
        "job": _running_or_failed(latest_for(report, jobs.KIND)) if report is not None else None,
        "compiled_at": _compiled_at(report),
        "pdf_job": latest_for(report, jobs.PDF_KIND) if report is not None else None,
        **preview_context(data),
    }
    if context["may_edit"]:
        context["form"] = NarrativeForm(initial=_initial(report))
    if context["may_sign"]:
        context["sign_form"] = SignForm()
    if context["has_subordinates"] and can(request.user, "reports.oversee", unit_obj):
        context["subordinate_rows"] = selectors.subordinate_status(unit_obj, period)
    return render(request, "reports/report.html", context)


def _running_or_failed(job):
    return None if job is None or job.status == "succeeded" else job


def _compiled_at(report: PeriodicReport | None):
    """When the subordinate table was compiled (business clock), None when it never was."""
    at = (report.compiled or {}).get("at") if report is not None else None
    try:
        return timezone.localtime(datetime.fromisoformat(at)) if at else None
    except ValueError:
        return None


def _initial(report: PeriodicReport) -> dict:
    initial = {name: getattr(report, name) for name in services.NARRATIVE_FIELDS + services.HEADER_FIELDS}
    initial.update({f"area_{k}": v for k, v in (report.area_texts or {}).items()})
    initial["revision"] = report.revision
    return initial


@login_required
@require_POST
def open_report(request, unit: int, code: str):
    unit_obj = selectors.unit_or_404(request.user, unit)
    period = selectors.period_or_404(unit_obj, code)
    if not can(request.user, "reports.prepare", unit_obj):
        raise PermissionDenied("Chỉ chuyên viên CCHC của đơn vị được soạn báo cáo.")
    report = services.open_report(request.user, unit_obj, period)
    messages.success(request, "Đã tạo bản nháp báo cáo từ số liệu trên hệ thống.")
    return redirect(_page_url(report))


def _prepared(request, pk: int) -> PeriodicReport:
    report = _report(request, pk)
    if not can(request.user, "reports.prepare", report.org_unit):
        raise PermissionDenied("Chỉ chuyên viên CCHC của đơn vị được soạn báo cáo.")
    return report


@login_required
@require_POST
def save_narrative(request, pk: int):
    report = _prepared(request, pk)
    form = NarrativeForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "Nội dung chưa hợp lệ: "
            + "; ".join(
                f"{form.fields[f].label}: {' '.join(e)}" if f in form.fields else " ".join(e)
                for f, e in form.errors.items()
            ),
        )
        return redirect(_page_url(report))
    attempt(
        request,
        lambda: services.save_narrative(
            request.user, report, form.service_fields(), form.cleaned_data.get("revision")
        ),
        "Đã lưu nội dung báo cáo.",
    )
    return redirect(_page_url(report))


@login_required
@require_POST
def redraft(request, pk: int):
    report = _prepared(request, pk)
    attempt(
        request, lambda: services.redraft(request.user, report), "Đã soạn lại nội dung từ số liệu mới nhất."
    )
    return redirect(_page_url(report))


@login_required
@require_POST
def sign(request, pk: int):
    report = _report(request, pk)
    if not can(request.user, "reports.sign", report.org_unit):
        raise PermissionDenied("Chỉ lãnh đạo UBND của đơn vị được ký báo cáo.")
    upload = request.FILES.get("scan")  # checked by content and size in the service, one place
    attempt(
        request,
        lambda: services.sign(request.user, report, upload),
        "Đã ký báo cáo; nội dung và số liệu đã được khóa.",
    )
    return redirect(_page_url(report))


@login_required
@require_POST
def submit(request, pk: int):
    report = _report(request, pk)
    if not can(request.user, "reports.submit", report.org_unit):
        raise PermissionDenied("Chỉ chuyên viên CCHC hoặc lãnh đạo UBND của đơn vị được gửi báo cáo.")
    attempt(request, lambda: services.submit(request.user, report), "Đã gửi báo cáo lên cấp trên.")
    return redirect(_page_url(report))


@login_required
@require_POST
def new_version(request, pk: int):
    report = _prepared(request, pk)
    holder: list[PeriodicReport] = []
    if attempt(
        request,
        lambda: holder.append(services.new_version(request.user, report)),
        "Đã tạo phiên bản mới để chỉnh sửa.",
    ):
        return redirect(_page_url(holder[0]))
    return redirect(_page_url(report))


@login_required
@require_POST
def compile_subordinates(request, pk: int):
    report = _prepared(request, pk)
    attempt(
        request,
        lambda: services.start_compile(request.user, report),
        "Đã bắt đầu tổng hợp báo cáo của các đơn vị cấp dưới.",
    )
    return redirect(_page_url(report))


def _filename(report: PeriodicReport, ext: str) -> str:
    stem = slugify(f"bao-cao-cchc-{report.period_code}-{report.org_unit.short_name}-v{report.version}")
    return f"{stem}.{ext}"


@login_required
@require_POST
def export_pdf(request, pk: int):
    report = _report(request, pk)
    attempt(
        request,
        lambda: services.start_pdf(request.user, report),
        "Đang xuất bản PDF (LibreOffice cần vài giây); đường tải sẽ hiện ở mục Thao tác khi xong.",
    )
    return redirect(_page_url(report))


def _pdf(request, report: PeriodicReport, data):
    """The PDF made from exactly this content, or back to the page to export it (again)."""
    path = jobs.pdf_path(report, data)
    if not default_storage.exists(path):
        messages.warning(
            request,
            "Chưa có bản PDF của nội dung hiện tại (chưa xuất, hoặc số liệu, nội dung đã thay đổi từ lần "
            "xuất trước). Bấm “Xuất bản PDF” để tạo.",
        )
        return redirect(_page_url(report))
    return private_file(default_storage.open(path, "rb"), _filename(report, "pdf"), "application/pdf")


@login_required
def download(request, pk: int, kind: str):
    report = _report(request, pk)
    data = report_data(report.org_unit, selectors.period_for(report.org_unit, report.period_code), report)
    if kind == "pdf":
        return _pdf(request, report, data)
    if kind == "docx":
        return FileResponse(
            io.BytesIO(build_docx(data)),
            as_attachment=True,
            filename=_filename(report, "docx"),
            content_type=DOCX_TYPE,
        )
    if kind == "xlsx":
        return FileResponse(
            io.BytesIO(build_annex(data)),
            as_attachment=True,
            filename=_filename(report, "xlsx").replace("bao-cao", "phu-luc"),
            content_type=XLSX_TYPE,
        )
    raise Http404("Không có định dạng này.")


def private_file(handle, filename: str, content_type: str) -> FileResponse:
    """A file served by a view as a download: its declared type, never sniffed by the browser, and
    never run as a page of this site (sandboxed) even if its content were crafted."""
    response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def signed_scan(request, pk: int):
    """The signed scan, from outside the web root, only to those who may read the report
    (``reports.view``; others get the same 404 as for a report that does not exist)."""
    report = _report(request, pk)
    if not report.signed_scan:
        raise Http404("Báo cáo này chưa có bản đã ký.")
    try:
        handle = report.signed_scan.open("rb")
    except FileNotFoundError as exc:  # the row says signed, the storage lost the file: say so
        log.error("signed scan of report %s missing from storage: %s", report.pk, report.signed_scan.name)
        return error_page(
            404,
            "Không tìm thấy tệp bản đã ký",
            f"Báo cáo {report.period_code} phiên bản {report.version} đã ký nhưng tệp bản đã ký (PDF) không "
            f"còn trên máy chủ (mã lỗi {exc.errno}). Vui lòng báo quản trị hệ thống khôi phục tệp từ bản sao lưu.",
        )
    return private_file(handle, _filename(report, "pdf").replace("bao-cao", "ban-ky"), "application/pdf")
