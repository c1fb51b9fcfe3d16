"""Writes of periodic reports: one function per use case, acting user first, one transaction each.

Every function asks the policy, writes the audit trail (field changes by ``track``, workflow steps
by ``record_event``) and refuses to touch a report that is no longer a draft: what a leader signed
and a superior received never changes; a correction is a new version.
"""

from __future__ import annotations

import hashlib
import io
import uuid
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from apps.accounts.policy import require
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.jobs.models import Job
from apps.jobs.services import submit as submit_job
from apps.orgs.models import OrgUnit
from apps.reports import jobs
from apps.reports.gather import report_data
from apps.reports.models import Indicator, IndicatorValue, PeriodicReport, ReportingPeriod
from apps.reports.selectors import default_leader_name, period_for
from apps.tracking.evidence import PDF, sniff
from cchc import clock
from cchc.concurrency import require_version
from cchc.files import removed_on_error
from core.reporting import pdf_export
from core.reporting.data import RESULT_AREAS
from core.reporting.periods import Kind, Period

NARRATIVE_FIELDS = ("direction", "achievements", "limitations", "causes", "next_tasks", "proposals")
HEADER_FIELDS = (
    "parent_body",
    "number",
    "place",
    "report_date",
    "recipients",
    "signer_authority",
    "signer_title",
    "signer_name",
)


def default_recipients(unit: OrgUnit) -> str:
    if unit.parent is None:
        return "\n".join(
            [
                "Bộ Nội vụ (để báo cáo)",
                "Thường trực Tỉnh ủy, HĐND tỉnh (để báo cáo)",
                "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
                "Lưu: VT.",
            ]
        )
    return "\n".join(
        [
            f"UBND {unit.parent.name} (để báo cáo)",
            "Sở Nội vụ (để tổng hợp)",
            f"Chủ tịch, các Phó Chủ tịch UBND {unit.name}",
            "Lưu: VT.",
        ]
    )


def _locked_row(report: PeriodicReport) -> PeriodicReport:
    return (
        PeriodicReport.objects.select_for_update(of=("self",))
        .select_related("org_unit__parent")
        .get(pk=report.pk)
    )


def _refuse_if_locked(report: PeriodicReport) -> None:
    if report.locked:
        raise ValidationError(
            f"Báo cáo phiên bản {report.version} {report.get_status_display().lower()}: không sửa được nữa. "
            "Tạo phiên bản mới nếu cần điều chỉnh."
        )


def _fill_narrative(report: PeriodicReport, period: Period) -> None:
    n = report_data(report.org_unit, period, None).narrative
    report.direction, report.achievements, report.limitations = n.direction, n.achievements, n.limitations
    report.causes, report.next_tasks, report.proposals = n.causes, n.next_tasks, n.proposals
    report.area_texts = n.areas
    report.drafted = True


def open_report(actor, unit: OrgUnit, period: Period) -> PeriodicReport:
    """The unit's latest report for the period, or a new draft with its narrative drafted."""
    existing = (
        PeriodicReport.objects.filter(org_unit=unit, period_code=period.code).order_by("-version").first()
    )
    if existing is not None:
        return existing
    require(actor, "reports.prepare", unit)
    with transaction.atomic(), acting_as(actor):
        report = PeriodicReport(
            org_unit=unit,
            period_code=period.code,
            period_start=period.start,
            period_end=period.end,
            due=period.due,
            place=unit.short_name,
            recipients=default_recipients(unit),
            signer_name=default_leader_name(unit),
            created_by=actor,
        )
        _fill_narrative(report, period)
        report.save()
        return report


def save_narrative(
    actor, report: PeriodicReport, fields: dict, expected_revision: int | None = None
) -> PeriodicReport:
    """Save the official's edits of the narrative and header; a concurrent edit is refused, not lost."""
    with transaction.atomic(), acting_as(actor):
        report = _locked_row(report)
        require(actor, "reports.prepare", report.org_unit)
        _refuse_if_locked(report)
        if report.revision != require_version(expected_revision):
            raise ValidationError(
                "Báo cáo vừa được người khác sửa. Vui lòng tải lại trang rồi sửa tiếp; thay đổi của bạn chưa được lưu."
            )
        for name in NARRATIVE_FIELDS + HEADER_FIELDS:
            if name in fields:
                value = fields[name]
                setattr(report, name, value.strip() if isinstance(value, str) else value)
        if "area_texts" in fields:
            report.area_texts = {k: (fields["area_texts"].get(k) or "").strip() for k in RESULT_AREAS}
        report.drafted, report.revision = True, report.revision + 1
        report.save()
        return report


def redraft(actor, report: PeriodicReport) -> PeriodicReport:
    """Write the narrative again from today's facts (the official's edits are replaced)."""
    with transaction.atomic(), acting_as(actor):
        report = _locked_row(report)
        require(actor, "reports.prepare", report.org_unit)
        _refuse_if_locked(report)
        _fill_narrative(report, period_for(report.org_unit, report.period_code))
        report.revision += 1
        report.save()
        return report


def check_scan(upload) -> bytes:
    """The signed scan's bytes if it is a PDF (read from its content) within the size limit."""
    limit = getattr(settings, "REPORT_SCAN_MAX_BYTES", settings.UPLOAD_MAX_BYTES)
    if upload is None:
        raise ValidationError("Vui lòng tải lên bản scan báo cáo đã ký (PDF).")
    if upload.size > limit:
        raise ValidationError(
            f"Tệp quá lớn ({upload.size / 1048576:.1f} MB). Tối đa {limit / 1048576:.0f} MB."
        )
    data = upload.read()
    if not data:
        raise ValidationError("Tệp rỗng, không có nội dung.")
    if sniff(io.BytesIO(data)) is not PDF or b"%%EOF" not in data[-2048:]:
        raise ValidationError(
            "Bản scan phải là tệp PDF hoàn chỉnh. Hệ thống kiểm tra nội dung tệp, không dựa vào đuôi tên tệp."
        )
    return data


def sign(actor, report: PeriodicReport, upload) -> PeriodicReport:
    """The leader marks the report signed with its scan: the data is frozen as it was signed."""
    data = check_scan(upload)
    with removed_on_error() as stored, transaction.atomic(), acting_as(actor):
        report = _locked_row(report)
        require(actor, "reports.sign", report.org_unit)
        _refuse_if_locked(report)
        period = period_for(report.org_unit, report.period_code)
        report.snapshot = report_data(report.org_unit, period, report).to_dict()
        report.signed_scan.save(f"{uuid.uuid4().hex}.pdf", ContentFile(data), save=False)
        stored.append(report.signed_scan)  # no orphan scan if the signing fails after this
        report.signed_scan_sha256 = hashlib.sha256(data).hexdigest()
        report.status, report.signed_by, report.signed_at = (
            PeriodicReport.Status.SIGNED,
            actor,
            clock.now(),
        )
        report.save()
        record_event(report, f"Ký báo cáo {report.period_code} (phiên bản {report.version})")
        return report


def submit(actor, report: PeriodicReport) -> PeriodicReport:
    """Send the signed report to the superior level; from now on it is theirs to read."""
    with transaction.atomic(), acting_as(actor):
        report = _locked_row(report)
        require(actor, "reports.submit", report.org_unit)
        if report.status != PeriodicReport.Status.SIGNED:
            raise ValidationError(
                "Chỉ gửi được báo cáo đã ký."
                if report.status == PeriodicReport.Status.DRAFT
                else "Báo cáo này đã được gửi."
            )
        report.status, report.submitted_by = PeriodicReport.Status.SUBMITTED, actor
        report.submitted_at, report.submitted_on = clock.now(), clock.today()
        report.save()
        late = "" if report.on_time else f" (trễ hạn, hạn {report.due:%d/%m/%Y})"
        record_event(report, f"Gửi báo cáo {report.period_code} lên cấp trên{late}")
        return report


def new_version(actor, report: PeriodicReport) -> PeriodicReport:
    """A new draft version of a signed or submitted report, starting from its narrative."""
    with transaction.atomic(), acting_as(actor):
        report = _locked_row(report)
        require(actor, "reports.prepare", report.org_unit)
        latest = (
            PeriodicReport.objects.filter(org_unit=report.org_unit, period_code=report.period_code)
            .order_by("-version")
            .first()
        )
        if latest.pk != report.pk or not report.locked:
            raise ValidationError("Chỉ tạo phiên bản mới từ phiên bản mới nhất đã ký hoặc đã gửi.")
        copy = PeriodicReport(
            org_unit=report.org_unit,
            period_code=report.period_code,
            period_start=report.period_start,
            period_end=report.period_end,
            due=report.due,
            version=report.version + 1,
            previous=report,
            created_by=actor,
            drafted=True,
            area_texts=dict(report.area_texts or {}),
            compiled=report.compiled,
            **{name: getattr(report, name) for name in NARRATIVE_FIELDS + HEADER_FIELDS},
        )
        copy.number = ""
        copy.save()
        record_event(copy, f"Tạo phiên bản {copy.version} của báo cáo {report.period_code}")
        return copy


def start_compile(actor, report: PeriodicReport) -> Job:
    """Queue the compilation of the subordinate units' reports; returns the job the page polls (the
    one already waiting or running, if any: a second click never starts a second run)."""
    with transaction.atomic(), acting_as(actor):
        report = _locked_row(report)
        require(actor, "reports.prepare", report.org_unit)
        _refuse_if_locked(report)
        return submit_job(
            jobs.KIND, actor=actor, org_unit=report.org_unit, subject=report, key=jobs.key(report)
        )


def start_pdf(actor, report: PeriodicReport) -> Job:
    """Queue the PDF export of a report (anyone who may read it); the job already waiting or
    running is returned instead of a second one. Refused at once, in plain words, when this
    server has no LibreOffice: the job would only fail a few seconds later."""
    require(actor, "reports.view", report)
    if not pdf_export.available():
        raise ValidationError(pdf_export.MISSING)
    with transaction.atomic(), acting_as(actor):
        return submit_job(
            jobs.PDF_KIND, actor=actor, org_unit=report.org_unit, subject=report, key=jobs.pdf_key(report)
        )


def set_indicator_value(
    actor, unit: OrgUnit, indicator: Indicator, period: Period, value, source: str, evidence_note: str = ""
) -> IndicatorValue:
    """Enter (or correct) an indicator's value for a period, with where it comes from."""
    require(actor, "reports.indicators", unit)
    try:
        number = Decimal(str(value).replace(",", ".").strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValidationError("Giá trị phải là một số, ví dụ 97,5.") from exc
    if not number.is_finite() or number < 0 or (indicator.unit == "%" and number > 100):
        raise ValidationError(
            "Tỷ lệ phải từ 0 đến 100." if indicator.unit == "%" else "Giá trị không hợp lệ."
        )
    if not (source or "").strip():
        raise ValidationError("Vui lòng ghi nguồn số liệu (ví dụ: Hệ thống thông tin giải quyết TTHC tỉnh).")
    with transaction.atomic(), acting_as(actor):
        row, _ = IndicatorValue.objects.update_or_create(
            org_unit=unit,
            indicator=indicator,
            period_code=period.code,
            defaults={
                "period_end": period.end,
                "value": number,
                "source": source.strip(),
                "evidence_note": (evidence_note or "").strip(),
                "entered_by": actor,
            },
        )
        return row


def set_period_rule(actor, unit: OrgUnit, kind: Kind, fields: dict) -> ReportingPeriod:
    """Set how one kind of period is cut for a unit and its subordinates."""
    require(actor, "reports.periods", unit)
    with transaction.atomic(), acting_as(actor):
        row, _ = ReportingPeriod.objects.update_or_create(org_unit=unit, kind=kind.value, defaults=fields)
        try:
            period_for(unit, f"2025-{'M06' if kind is Kind.MONTH else kind.value}")
        except ValueError as exc:
            raise ValidationError(str(exc)) from exc
        return row
