"""Writes of follow-up: report, approve, accept or return, attach evidence, date a milestone.

Each function takes the acting user first, asks the policy, runs in one transaction with the
milestone row locked, writes the audit trail (field changes by ``track``, workflow steps by
``record_event``) and tells the next person. Concurrent edits are caught by the report's
``version``: the second editor is told, never silently overwritten.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import Role
from apps.accounts.policy import require, subject
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.plans.models import Milestone, Plan
from apps.tracking import notify
from apps.tracking.calendar import work_calendar
from apps.tracking.evidence import check_upload
from apps.tracking.models import (
    CalendarDay,
    Contribution,
    Evidence,
    Notification,
    NotificationPreference,
    ProgressReport,
    TrackingSettings,
)
from apps.tracking.selectors import tracking_today
from cchc import clock
from cchc.concurrency import require_version
from cchc.files import removed_on_error
from core.bounds import NOTE_MAX, REPORT_TEXT_MAX, text_problem
from core.tracking import Workflow

EDITABLE = {Workflow.NONE.value, Workflow.DRAFT.value, Workflow.RETURNED.value}
WORKFLOW_TEXT = {
    Workflow.SUBMITTED.value: "đang chờ lãnh đạo cơ quan duyệt",
    Workflow.APPROVED.value: "đang chờ chuyên viên CCHC tiếp nhận",
    Workflow.ACCEPTED.value: "đã được tiếp nhận",
}


RETURN_NEEDS_COMMENT = "Vui lòng ghi ý kiến (lý do trả lại) để cơ quan biết cần sửa gì."
MAX_FILES = 10  # evidence files in one report step


class ConflictError(ValidationError):
    """Someone else changed the report since this user opened it."""


def _locked(milestone: Milestone) -> Milestone:
    """The milestone row locked for this transaction, with what the rules need."""
    m = (
        Milestone.objects.select_for_update(of=("self",))
        .select_related("task__plan__org_unit")
        .get(pk=milestone.pk)
    )
    if m.task.plan.status != Plan.Status.ACTIVE:
        raise ValidationError(
            "Kế hoạch chưa được xác nhận hoặc đã được thay thế: không báo cáo trên kế hoạch này."
        )
    if m.task.cancelled:
        raise ValidationError(
            f"Nhiệm vụ đã dừng thực hiện ({m.task.cancel_reason}): không báo cáo trên nhiệm vụ này."
        )
    return m


def _check_version(report: ProgressReport | None, expected: int | None) -> None:
    """The editor opened ``expected`` (0: no report yet); anything else now is someone else's save."""
    expected = require_version(expected)
    if report is None and expected != 0:
        raise ConflictError(
            "Báo cáo của mốc này không còn như lúc bạn mở trang. Vui lòng tải lại trang; "
            "thay đổi của bạn chưa được lưu."
        )
    if report is not None and report.version != expected:
        who = report.submitted_by or report.created_by
        raise ConflictError(
            f"Báo cáo vừa được người khác cập nhật ({who or 'không rõ'}, lúc "
            f"{timezone.localtime(report.updated_at):%H:%M %d/%m/%Y}). Vui lòng tải lại trang, "
            "xem nội dung mới rồi sửa tiếp; thay đổi của bạn chưa được lưu."
        )


def _refuse_if_closed(m: Milestone) -> None:
    if m.report_status not in EDITABLE:
        raise ValidationError(
            f"Báo cáo của mốc này {WORKFLOW_TEXT.get(m.report_status, 'đã khóa')}: không thể sửa hoặc báo cáo lại."
        )


def _reporting_agency(actor, m: Milestone):
    """The lead agency the actor reports for: their own lead agency, else the first lead."""
    leads = [link.agency for link in m.task.agencies.all() if link.role == "lead" and link.agency_id]
    if not leads:
        raise ValidationError("Nhiệm vụ chưa có cơ quan chủ trì được xác định: không thể báo cáo.")
    mine = subject(actor).agencies_with([Role.HEAD, Role.STAFF])
    return next((a for a in leads if a.pk in mine), leads[0])


def _validate(fields: dict) -> None:
    """The report's own rules; each error keyed by its field, so a form shows it beside that field."""
    percent = fields.get("percent", 0)
    errors: dict[str, str] = {}
    if not 0 <= percent <= 100:
        errors["percent"] = "Tiến độ phải từ 0 đến 100%."
    elif fields.get("progress") == ProgressReport.Progress.DONE and percent != 100:
        errors["percent"] = "Nhiệm vụ đã hoàn thành thì tiến độ phải là 100%."
    if fields.get("progress") == ProgressReport.Progress.FAILED and not fields.get("reason", "").strip():
        errors["reason"] = "Vui lòng nêu lý do không thực hiện được."
    if not fields.get("text", "").strip():
        errors["text"] = "Vui lòng nhập kết quả thực hiện."
    for name, label, limit in (("text", "Kết quả thực hiện", REPORT_TEXT_MAX), ("reason", "Lý do", NOTE_MAX)):
        if name not in errors and (problem := text_problem(fields.get(name, ""), label, limit)):
            errors[name] = problem
    if errors:
        raise ValidationError(errors)


def _save_locked(actor, m: Milestone, fields: dict, expected_version: int | None) -> ProgressReport:
    """Write the report's fields on the locked milestone (inside the caller's transaction)."""
    require(actor, "tracking.report", m.task)
    _refuse_if_closed(m)
    report = ProgressReport.objects.filter(milestone=m).first()
    _check_version(report, expected_version)
    if report is None:
        report = ProgressReport(milestone=m, agency=_reporting_agency(actor, m), created_by=actor)
    for name in ("text", "percent", "progress", "reason"):
        if name in fields:
            setattr(report, name, fields[name].strip() if isinstance(fields[name], str) else fields[name])
    report.version = (report.version or 0) + (1 if report.pk else 0)
    report.save()
    if m.report_status == Workflow.NONE.value:
        Milestone.objects.filter(pk=m.pk).update(report_status=Workflow.DRAFT.value)
        m.report_status = Workflow.DRAFT.value
    return report


def save_report(
    actor, milestone: Milestone, fields: dict, expected_version: int | None = None
) -> ProgressReport:
    """Create or correct the report of a milestone (text, percent, progress, reason).

    ``expected_version`` is the version the editor opened: 0 when the milestone had no report yet,
    so that of two people writing the first report at once the second is told, not overwritten."""
    _validate(fields)
    with transaction.atomic(), acting_as(actor):
        return _save_locked(actor, _locked(milestone), fields, expected_version)


def report_progress(
    actor,
    milestone: Milestone,
    fields: dict,
    *,
    files=(),
    link: tuple[str, str] | None = None,
    submit: bool = False,
    expected_version: int | None = None,
) -> ProgressReport:
    """Report in one step, as the agency's staff see it: text, result, evidence files (and a link),
    then either keep it as a draft or send it to the head ("Gửi duyệt").

    All or nothing: a refused file, a stale version or a refused submission leaves no report change,
    no evidence row and no stored file (files written before the failure are deleted)."""
    _validate(fields)
    checked = _checked_files(files)
    url, title = _checked_link(link) if link and link[0].strip() else ("", "")
    with removed_on_error() as stored, transaction.atomic(), acting_as(actor):
        m = _locked(milestone)
        report = _save_locked(actor, m, fields, expected_version)
        for upload, kind, digest in checked:
            _store_file(actor, report, m, upload, kind, digest, stored)
        if url:
            Evidence.objects.create(
                report=report, agency=_attach_agency(actor, m), title=title or url, url=url, uploaded_by=actor
            )
        if submit:
            _submit_locked(actor, m, report)
        return report


def _transition(actor, report: ProgressReport, expected_version: int | None, allowed: set[str]):
    m = _locked(report.milestone)
    report = ProgressReport.objects.select_related("agency").get(pk=report.pk)
    _check_version(report, expected_version)
    if m.report_status not in allowed:
        raise ValidationError(
            f"Báo cáo {WORKFLOW_TEXT.get(m.report_status, 'chưa được gửi')}: thao tác này không còn phù hợp."
        )
    return m, report


def _finish(m: Milestone, report: ProgressReport, status: str, message: str, **report_fields) -> None:
    changes = {"report_status": [m.report_status, status]}
    updates = {"report_status": status}
    if status in (Workflow.SUBMITTED.value, Workflow.APPROVED.value):
        # Days waiting in the reviewers' queue count from here, on the same business clock.
        report.waiting_since = tracking_today()
    if status == Workflow.SUBMITTED.value and m.submitted_on is None:
        # The day of the tracking world (a pinned demonstration day when CCHC_TODAY is set),
        # so a report sent before the due date on that day is not judged late against the real date.
        updates["submitted_on"] = tracking_today()
    Milestone.objects.filter(pk=m.pk).update(**updates)
    for name, value in report_fields.items():
        setattr(report, name, value)
    report.version += 1
    report.save()
    record_event(report, message, changes)


def report_url(milestone_id: int) -> str:
    return reverse("tracking:milestone", args=[milestone_id])


def _submit_locked(actor, m: Milestone, report: ProgressReport) -> None:
    require(actor, "tracking.report", m.task)
    if m.report_status not in {Workflow.DRAFT.value, Workflow.RETURNED.value}:
        raise ValidationError(
            f"Báo cáo {WORKFLOW_TEXT.get(m.report_status, 'chưa được gửi')}: thao tác này không còn phù hợp."
        )
    if report.progress == ProgressReport.Progress.NOT_STARTED and not report.reason.strip():
        raise ValidationError({"reason": "Nhiệm vụ chưa triển khai: vui lòng nêu lý do trước khi gửi."})
    _finish(
        m,
        report,
        Workflow.SUBMITTED.value,
        "Gửi báo cáo tiến độ để lãnh đạo cơ quan duyệt.",
        submitted_by=actor,
        submitted_at=clock.now(),
    )
    notify.notify(
        notify.heads_of(report.agency_id),
        f"Báo cáo chờ duyệt: {m.task} — {m.label}",
        report_url(m.pk),
        m,
        exclude=actor,
    )


def submit_report(actor, report: ProgressReport, expected_version: int | None = None) -> ProgressReport:
    """Send the report to the agency head for approval."""
    with transaction.atomic(), acting_as(actor):
        m, report = _transition(
            actor, report, expected_version, {Workflow.DRAFT.value, Workflow.RETURNED.value}
        )
        _submit_locked(actor, m, report)
        return report


def approve_report(actor, report: ProgressReport, expected_version: int | None = None) -> ProgressReport:
    """The agency head approves: the report goes to the CCHC officer of the unit."""
    with transaction.atomic(), acting_as(actor):
        m, report = _transition(actor, report, expected_version, {Workflow.SUBMITTED.value})
        require(actor, "work.approve", report.agency)
        _finish(
            m,
            report,
            Workflow.APPROVED.value,
            "Lãnh đạo cơ quan duyệt báo cáo.",
            approved_by=actor,
            approved_at=clock.now(),
        )
        notify.notify(
            notify.officers_of(m.task.plan.org_unit_id),
            f"Báo cáo chờ tiếp nhận: {report.agency} — {m.label}",
            report_url(m.pk),
            m,
            exclude=actor,
        )
        return report


def accept_report(
    actor, report: ProgressReport, comment: str = "", expected_version: int | None = None
) -> ProgressReport:
    """The CCHC officer accepts: the milestone is done (on time or late)."""
    if problem := text_problem(comment, "Ý kiến", NOTE_MAX):
        raise ValidationError({"comment": problem})
    with transaction.atomic(), acting_as(actor):
        m, report = _transition(actor, report, expected_version, {Workflow.APPROVED.value})
        require(actor, "tracking.review", m.task)
        _finish(
            m,
            report,
            Workflow.ACCEPTED.value,
            "Chuyên viên CCHC tiếp nhận báo cáo.",
            reviewed_by=actor,
            reviewed_at=clock.now(),
            review_comment=comment.strip(),
        )
        people = notify.agency_users([report.agency_id], [Role.HEAD, Role.STAFF])
        notify.notify(
            people, f"Báo cáo đã được tiếp nhận: {m.label} — {m.task}", report_url(m.pk), m, exclude=actor
        )
        return report


def return_report(
    actor, report: ProgressReport, comment: str, expected_version: int | None = None
) -> ProgressReport:
    """Send the report back with a comment: the head before approving, or the officer after."""
    if not comment.strip():
        raise ValidationError({"comment": RETURN_NEEDS_COMMENT})
    if problem := text_problem(comment, "Ý kiến", NOTE_MAX):
        raise ValidationError({"comment": problem})
    with transaction.atomic(), acting_as(actor):
        m, report = _transition(
            actor, report, expected_version, {Workflow.SUBMITTED.value, Workflow.APPROVED.value}
        )
        if m.report_status == Workflow.SUBMITTED.value:
            require(actor, "work.approve", report.agency)
        else:
            require(actor, "tracking.review", m.task)
        _finish(
            m,
            report,
            Workflow.RETURNED.value,
            f"Trả lại báo cáo: {comment.strip()[:400]}",
            reviewed_by=actor,
            reviewed_at=clock.now(),
            review_comment=comment.strip(),
        )
        people = notify.agency_users([report.agency_id], [Role.STAFF, Role.HEAD])
        notify.notify(
            people,
            f"Báo cáo bị trả lại: {m.label} — {comment.strip()[:200]}",
            report_url(m.pk),
            m,
            exclude=actor,
        )
        return report


def _may_attach(actor, m: Milestone) -> None:
    from apps.accounts.policy import can

    if not (can(actor, "tracking.report", m.task) or can(actor, "tracking.contribute", m.task)):
        require(actor, "tracking.report", m.task)


def _attach_agency(actor, m: Milestone):
    mine = subject(actor).agencies_with([Role.HEAD, Role.STAFF])
    return next((link.agency for link in m.task.agencies.all() if link.agency_id in mine), None)


def _checked_file(upload) -> tuple:
    """(upload, kind, sha256) of an accepted file; read before any transaction opens."""
    kind = check_upload(upload, upload.size, settings.UPLOAD_MAX_BYTES)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return upload, kind, digest.hexdigest()


def _checked_files(files) -> list[tuple]:
    """Every file checked before anything is written; the errors name the files, beside the field."""
    if len(files) > MAX_FILES:
        raise ValidationError({"files": f"Mỗi lần gửi tối đa {MAX_FILES} tệp."})
    checked, errors = [], []
    for upload in files:
        try:
            checked.append(_checked_file(upload))
        except ValidationError as exc:
            errors += [f"“{getattr(upload, 'name', '') or 'tệp'}”: {m}" for m in exc.messages]
    if errors:
        raise ValidationError({"files": errors})
    return checked


def _checked_link(link: tuple[str, str]) -> tuple[str, str]:
    url, title = link[0].strip(), link[1].strip()
    if not url.startswith(("https://", "http://")):
        raise ValidationError({"link_url": "Đường dẫn phải bắt đầu bằng http:// hoặc https://."})
    return url, title[:300]


def _store_file(
    actor, report: ProgressReport, m: Milestone, upload, kind, digest: str, stored: list
) -> Evidence:
    """Write one checked file and its row; the file is noted in ``stored`` for removal on failure."""
    evidence = Evidence(
        report=report,
        agency=_attach_agency(actor, m),
        title=(getattr(upload, "name", "") or f"tai-lieu.{kind.ext}")[:300],
        content_type=kind.content_type,
        size=upload.size,
        sha256=digest,
        uploaded_by=actor,
    )
    # The stored name never comes from the user: no path tricks, no misleading extension.
    evidence.file.save(f"{uuid.uuid4().hex}.{kind.ext}", File(upload), save=False)
    stored.append(evidence.file)
    evidence.save()
    return evidence


def add_evidence_file(actor, report: ProgressReport, upload) -> Evidence:
    """Attach a file, checked by content and size, stored under MEDIA_ROOT by a random name.
    A refusal of the file names the form's ``file`` field, so it shows beside the input."""
    try:
        _, kind, digest = _checked_file(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    with removed_on_error() as stored, transaction.atomic(), acting_as(actor):
        m = _locked(report.milestone)
        _may_attach(actor, m)
        _refuse_if_closed(m)
        return _store_file(actor, report, m, upload, kind, digest, stored)


def add_evidence_link(actor, report: ProgressReport, url: str, title: str) -> Evidence:
    """Attach a link to a published document (cổng thông tin điện tử, văn bản đã ban hành)."""
    url = url.strip()
    if not url.startswith(("https://", "http://")):
        raise ValidationError({"url": "Đường dẫn phải bắt đầu bằng http:// hoặc https://."})
    with transaction.atomic(), acting_as(actor):
        m = _locked(report.milestone)
        _may_attach(actor, m)
        _refuse_if_closed(m)
        return Evidence.objects.create(
            report=report,
            agency=_attach_agency(actor, m),
            title=(title.strip() or url)[:300],
            url=url,
            uploaded_by=actor,
        )


def delete_evidence(actor, evidence: Evidence) -> None:
    with transaction.atomic(), acting_as(actor):
        m = _locked(evidence.report.milestone)
        _may_attach(actor, m)
        _refuse_if_closed(m)
        evidence.delete()  # its file goes on commit (django-cleanup)


def add_contribution(actor, report: ProgressReport, text: str) -> Contribution:
    """A coordinating agency adds its part to the lead agency's report (text errors name ``text``)."""
    if not text.strip():
        raise ValidationError({"text": "Vui lòng nhập nội dung phối hợp."})
    if problem := text_problem(text, "Nội dung phối hợp", REPORT_TEXT_MAX):
        raise ValidationError({"text": problem})
    with transaction.atomic(), acting_as(actor):
        m = _locked(report.milestone)
        require(actor, "tracking.contribute", m.task)
        _refuse_if_closed(m)
        agency = _attach_agency(actor, m)
        contribution = Contribution.objects.create(
            report=report, agency=agency, text=text.strip(), author=actor
        )
        people = notify.agency_users([report.agency_id], [Role.STAFF, Role.HEAD])
        notify.notify(
            people, f"{agency} đã bổ sung nội dung phối hợp: {m.label}", report_url(m.pk), m, exclude=actor
        )
        return contribution


def schedule_milestone(actor, milestone: Milestone, due: date) -> Milestone:
    """Date an on-event milestone once the awaited guidance arrives; the date must lie in the plan."""
    with transaction.atomic(), acting_as(actor):
        m = _locked(milestone)
        require(actor, "tracking.schedule", m.task)
        if m.kind != Milestone.Kind.ON_EVENT:
            raise ValidationError(
                "Chỉ xác định hạn cho mốc theo sự kiện (khi có hướng dẫn, khi có kinh phí)."
            )
        plan = m.task.plan
        if not plan.period_start <= due <= plan.period_end:
            raise ValidationError(
                f"Ngày {due:%d/%m/%Y} nằm ngoài thời gian của kế hoạch "
                f"({plan.period_start:%d/%m/%Y} – {plan.period_end:%d/%m/%Y})."
            )
        old = m.due
        Milestone.objects.filter(pk=m.pk).update(due=due)
        m.due = due
        record_event(
            m.task,
            f"Xác định hạn cho mốc “{m.label}”: {due:%d/%m/%Y}.",
            {"due": [old.isoformat() if old else None, due.isoformat()]},
        )
        return m


SETTINGS_FIELDS = (
    "remind_before",
    "overdue_every",
    "escalate_head_after",
    "escalate_leader_after",
    "due_soon_days",
)


def save_tracking_settings(actor, unit, fields: dict) -> TrackingSettings:
    """A unit's reminder settings (validated by the form); created on first save, one row per unit
    even when two officers save at once (the row is created or locked inside the transaction)."""
    require(actor, "tracking.settings", unit)
    values = {name: fields[name] for name in SETTINGS_FIELDS if name in fields}
    with transaction.atomic(), acting_as(actor):
        row, created = TrackingSettings.objects.select_for_update().get_or_create(
            org_unit=unit, defaults=values
        )
        if not created:
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
        return row


# --- the working-day calendar ------------------------------------------------------------------


def save_calendar_day(actor, day: date, kind: str, note: str) -> CalendarDay:
    """Add or change an official override (nghỉ bù, làm bù); every deadline in days follows it."""
    require(actor, "tracking.calendar")
    if kind not in CalendarDay.Kind.values:
        raise ValidationError("Loại ngày không hợp lệ.")
    if kind == CalendarDay.Kind.WORK and day.weekday() < 5 and day not in work_calendar().holidays(day.year):
        raise ValidationError(f"{day:%d/%m/%Y} đã là ngày làm việc: không cần đặt làm bù.")
    with transaction.atomic(), acting_as(actor):
        row, _ = CalendarDay.objects.update_or_create(
            day=day, defaults={"kind": kind, "note": note.strip()[:200]}
        )
        return row


def delete_calendar_day(actor, row: CalendarDay) -> None:
    require(actor, "tracking.calendar")
    with transaction.atomic(), acting_as(actor):
        row.delete()


def mark_notifications_read(actor, ids: list[int] | None = None) -> int:
    """The user has seen their notices: all unread ones, or those of ``ids`` (their own rows only:
    another user's id is silently not theirs to mark)."""
    qs = Notification.objects.filter(user=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids[:1000])
    return qs.update(read_at=timezone.now())


def save_notification_preference(actor, email: str) -> NotificationPreference:
    """The user's own choice of email (audited like every user change)."""
    pref = NotificationPreference.objects.filter(user=actor).first() or NotificationPreference(user=actor)
    pref.email = email
    pref.save()
    return pref
