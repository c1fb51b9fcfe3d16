"""Writes of petition handling: receive (public page or staff), classify or redirect, ask for a
supplement, assign, transfer, answer, approve or return, publish; the citizen's supplement and
feedback.

Each staff step takes the acting user first, asks the policy, locks the petition row, checks the
status it starts from, recomputes the due date of the new step (``core.petitions`` on the
database's working-day calendar), records the step in the audit trail, and tells the next people
(in the app, and by e-mail after commit; the citizen by e-mail when they gave an address).
A public submission has no actor: its row, with its channel and receipt time, is the record.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from apps.accounts.models import Role
from apps.accounts.policy import require
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.citizen import mail
from apps.citizen.attachments import CheckedFile, store_files
from apps.citizen.models import Petition
from apps.orgs.models import Agency, OrgUnit
from apps.tracking import notify
from apps.tracking.calendar import work_calendar
from cchc import clock
from cchc.files import removed_on_error
from core.petitions import (
    REDIRECT_LABELS,
    STATUS_LABELS,
    Channel,
    Feedback,
    PetitionFacts,
    RedirectKind,
    Status,
    Subject,
    current_due,
    new_code,
    text_problems,
)

STAFF_CHANNELS = {Channel.PHONE, Channel.LETTER, Channel.PORTAL, Channel.DIRECT, Channel.EMAIL}


def facts_of(p: Petition) -> PetitionFacts:
    return PetitionFacts(
        status=p.status,
        received_on=p.received_on,
        transferred_on=p.transferred_on,
        supplemented_on=p.supplemented_on,
        info_requested_on=p.info_requested_on,
        redirected_on=p.redirected_on,
        approved_on=p.approved_on,
        published_on=p.published_on,
        feedback=p.feedback,
        followed_up=getattr(p, "n_follow_ups", 0) > 0,
    )


def _refresh_due(p: Petition) -> None:
    p.due_on = current_due(facts_of(p), work_calendar())


def staff_url(p: Petition) -> str:
    return reverse("citizen:petition", args=[p.pk])


# --- receipt ------------------------------------------------------------------------------------


def _clean(data: dict) -> dict:
    """Check and normalise what a petition carries, raising one Vietnamese ValidationError."""
    problems = text_problems(data.get("text", ""))
    try:
        Subject(data.get("subject", ""))
    except ValueError:
        problems.append("Vui lòng chọn nội dung phản ánh về thủ tục, quy định hay hành vi của cán bộ.")
    anonymous = bool(data.get("anonymous"))
    name = (data.get("sender_name") or "").strip()
    if not anonymous and not name:
        problems.append("Vui lòng nhập họ và tên, hoặc chọn “Không nêu tên”.")
    if problems:
        raise ValidationError(problems)
    return {
        "subject": data["subject"],
        "text": data["text"].strip(),
        "anonymous": anonymous,
        "sender_name": "" if anonymous else name[:150],
        "sender_phone": (data.get("sender_phone") or "").strip()[:20],
        "sender_email": (data.get("sender_email") or "").strip()[:254],
        "sender_address": (data.get("sender_address") or "").strip()[:300],
        "procedure_name": (data.get("procedure_name") or "").strip()[:300],
        "dossier_code": (data.get("dossier_code") or "").strip()[:60],
        "official_name": (data.get("official_name") or "").strip()[:200],
    }


def _unique_code(received_on) -> str:
    for _ in range(5):
        code = new_code(received_on)
        if not Petition.objects.filter(code=code).exists():
            return code
    raise RuntimeError("could not draw a free tracking code")  # 40 random bits: never in practice


def _create(unit: OrgUnit, fields: dict, files: Iterable[CheckedFile], **extra) -> Petition:
    """One petition and its files, all or nothing (stored files are removed if the row fails)."""
    if not unit.is_active:
        raise ValidationError(f"{unit.name} đã ngừng hoạt động (sáp nhập); vui lòng chọn đơn vị hiện nay.")
    today = clock.today()
    with removed_on_error() as stored, transaction.atomic():
        p = Petition(org_unit=unit, code=_unique_code(today), received_on=today, **fields, **extra)
        _refresh_due(p)
        p.save()
        store_files(p, files, "petition", stored.append)
        _tell_receipt(p)
    return p


def submit_public(unit: OrgUnit, data: dict, files: Iterable[CheckedFile] = ()) -> Petition:
    """A petition sent from the public page (no account): checked, stored whole or not at all."""
    follow_up_of = data.get("follow_up_of")
    return _create(unit, _clean(data), list(files), channel=Channel.WEB.value, follow_up_of=follow_up_of)


def enter_petition(actor, unit: OrgUnit, data: dict, files: Iterable[CheckedFile] = ()) -> Petition:
    """A petition taken by phone, letter, e-mail, in person or from the national portal."""
    require(actor, "citizen.receive", unit)
    try:
        channel = Channel(data.get("channel", ""))
    except ValueError:
        channel = None
    if channel not in STAFF_CHANNELS:
        raise ValidationError("Vui lòng chọn kênh tiếp nhận (điện thoại, thư, cổng quốc gia, trực tiếp…).")
    with acting_as(actor):
        p = _create(unit, _clean(data), list(files), channel=channel.value, entered_by=actor)
        record_event(p, f"Tiếp nhận phản ánh qua {channel.value}")
    return p


def _tell_receipt(p: Petition) -> None:
    notify.notify(
        notify.officers_of(p.org_unit_id),
        f"Phản ánh, kiến nghị mới {p.code}: {p.text[:120]}",
        staff_url(p),
    )
    mail.queue(p, "receipt")


# --- staff steps --------------------------------------------------------------------------------


def _locked(p: Petition, allowed: set[Status]) -> Petition:
    row = Petition.objects.select_for_update(of=("self",)).select_related("org_unit").get(pk=p.pk)
    if Status(row.status) not in allowed:
        raise ValidationError(
            f"Phản ánh {row.code} đang ở trạng thái “{STATUS_LABELS[Status(row.status)]}”: "
            "không thực hiện được bước này (có thể người khác vừa xử lý; vui lòng tải lại trang)."
        )
    return row


def _step(actor, p: Petition, action: str, allowed: set[Status], message: str, change) -> Petition:
    """Run one workflow step: lock, check status and permission, change, new due date, audit."""
    with transaction.atomic(), acting_as(actor):
        row = _locked(p, allowed)
        require(actor, action, row)
        before = row.status
        change(row)
        _refresh_due(row)
        row.save()
        record_event(row, message, {"status": [before, row.status]})
    return row


def classify(actor, p: Petition, *, agency: Agency | None = None) -> Petition:
    """In scope (a PAKN on administrative regulations): accepted, and assigned when an agency is given."""
    if agency is not None:
        _check_agency(p, agency)
    today = clock.today()

    def change(row):
        row.classified_on = today
        row.status = Status.ACCEPTED.value
        if agency is not None:
            row.agency, row.assigned_on, row.status = agency, today, Status.ASSIGNED.value

    row = _step(actor, p, "citizen.receive", {Status.RECEIVED}, "Phân loại: thuộc phạm vi PAKN", change)
    if agency is not None:
        _tell_agency(row)
    return row


def redirect(actor, p: Petition, kind: str, reason: str) -> Petition:
    """Not a PAKN: a complaint, a denunciation or another matter, redirected with the reason."""
    try:
        kind = RedirectKind(kind)
    except ValueError as exc:
        raise ValidationError("Vui lòng chọn loại đơn (khiếu nại, tố cáo hoặc nội dung khác).") from exc
    if len(reason.strip()) < 10:
        raise ValidationError("Vui lòng nêu rõ lý do và hướng dẫn người gửi (ít nhất 10 ký tự).")
    today = clock.today()

    def change(row):
        row.status, row.redirect_kind, row.redirect_reason = (
            Status.REDIRECTED.value,
            kind.value,
            reason.strip(),
        )
        row.redirected_on = row.classified_on = today

    row = _step(
        actor, p, "citizen.receive", {Status.RECEIVED}, f"Chuyển hướng: {REDIRECT_LABELS[kind]}", change
    )
    mail.queue(row, "redirected")
    return row


def request_supplement(actor, p: Petition, text: str) -> Petition:
    if len(text.strip()) < 10:
        raise ValidationError("Vui lòng nêu rõ thông tin cần bổ sung (ít nhất 10 ký tự).")
    today = clock.today()

    def change(row):
        row.status, row.info_request, row.info_requested_on = Status.NEEDS_INFO.value, text.strip(), today

    row = _step(actor, p, "citizen.receive", {Status.RECEIVED}, "Yêu cầu người gửi bổ sung", change)
    mail.queue(row, "needs_info")
    return row


def _check_agency(p: Petition, agency: Agency) -> None:
    if agency.org_unit_id != p.org_unit_id or not agency.is_active:
        raise ValidationError(
            "Cơ quan được giao phải là cơ quan đang hoạt động của đơn vị tiếp nhận phản ánh."
        )


def assign(actor, p: Petition, agency: Agency) -> Petition:
    """Give the petition to an agency of the unit (or move it to another one)."""
    _check_agency(p, agency)
    today = clock.today()

    def change(row):
        row.agency, row.assigned_on, row.status = agency, today, Status.ASSIGNED.value
        row.classified_on = row.classified_on or today

    allowed = {Status.RECEIVED, Status.ACCEPTED, Status.ASSIGNED}
    row = _step(actor, p, "citizen.receive", allowed, f"Giao {agency.name} xử lý", change)
    _tell_agency(row)
    return row


def _tell_agency(p: Petition) -> None:
    if p.agency_id:
        people = notify.agency_users([p.agency_id], [Role.HEAD, Role.STAFF])
        due = f" (hạn {p.due_on:%d/%m/%Y})" if p.due_on else ""
        notify.notify(people, f"Được giao xử lý phản ánh {p.code}{due}", staff_url(p))


def transfer(actor, p: Petition, unit: OrgUnit, reason: str) -> Petition:
    """Send the petition to the unit competent for it; handling restarts there on the transfer day."""
    if unit.pk == p.org_unit_id or not unit.is_active:
        raise ValidationError("Vui lòng chọn một đơn vị khác, đang hoạt động.")
    if len(reason.strip()) < 10:
        raise ValidationError("Vui lòng nêu lý do chuyển (ít nhất 10 ký tự).")
    today = clock.today()
    source = p.org_unit

    def change(row):
        row.transferred_from, row.org_unit, row.transferred_on = source, unit, today
        row.agency, row.status, row.classified_on, row.assigned_on = None, Status.RECEIVED.value, None, None

    allowed = {Status.RECEIVED, Status.ACCEPTED, Status.ASSIGNED}
    row = _step(actor, p, "citizen.receive", allowed, f"Chuyển đến {unit.name}: {reason.strip()}", change)
    notify.notify(
        notify.officers_of(unit.pk), f"{source.name} chuyển đến phản ánh {row.code}", staff_url(row)
    )
    return row


def answer(actor, p: Petition, text: str, files: Iterable[CheckedFile] = ()) -> Petition:
    """The agency's draft answer, sent for approval."""
    if len(text.strip()) < 20:
        raise ValidationError("Nội dung trả lời quá ngắn (ít nhất 20 ký tự).")
    files = list(files)
    today = clock.today()

    with removed_on_error() as stored:

        def change(row):
            row.answer, row.answered_on, row.answered_by = text.strip(), today, actor
            row.status, row.return_comment = Status.ANSWERED.value, ""
            store_files(row, files, "answer", stored.append)

        row = _step(actor, p, "citizen.answer", {Status.ASSIGNED}, "Dự thảo trả lời, trình duyệt", change)
    approvers = (
        notify.agency_users([row.agency_id], [Role.HEAD]) if row.agency_id else []
    ) or notify.unit_users(row.org_unit_id, [Role.LEADER])
    notify.notify(approvers, f"Trình duyệt trả lời phản ánh {row.code}", staff_url(row), exclude=actor)
    return row


def approve(actor, p: Petition) -> Petition:
    today = clock.today()

    def change(row):
        row.status, row.approved_on, row.approved_by = Status.APPROVED.value, today, actor

    row = _step(actor, p, "citizen.approve", {Status.ANSWERED}, "Duyệt nội dung trả lời", change)
    due = f" trước {row.due_on:%d/%m/%Y}" if row.due_on else ""
    notify.notify(
        notify.officers_of(row.org_unit_id), f"Công khai trả lời phản ánh {row.code}{due}", staff_url(row)
    )
    return row


def return_answer(actor, p: Petition, comment: str) -> Petition:
    if len(comment.strip()) < 5:
        raise ValidationError("Vui lòng ghi ý kiến khi trả lại dự thảo.")

    def change(row):
        row.status, row.return_comment = Status.ASSIGNED.value, comment.strip()

    row = _step(actor, p, "citizen.approve", {Status.ANSWERED}, f"Trả lại dự thảo: {comment.strip()}", change)
    if row.answered_by_id:
        notify.notify([row.answered_by], f"Dự thảo trả lời phản ánh {row.code} bị trả lại", staff_url(row))
    return row


def publish(actor, p: Petition, summary: str) -> Petition:
    """Make the approved answer public, with a summary of the petition that leaves out personal data."""
    if len(summary.strip()) < 20:
        raise ValidationError("Vui lòng nhập tóm tắt nội dung phản ánh để công khai (ít nhất 20 ký tự).")
    if text_problems(summary, min_len=20):
        raise ValidationError(text_problems(summary, min_len=20))
    today = clock.today()

    def change(row):
        row.status, row.published_on, row.public_summary = Status.PUBLISHED.value, today, summary.strip()

    row = _step(actor, p, "citizen.publish", {Status.APPROVED}, "Công khai kết quả trả lời", change)
    mail.queue(row, "published")
    return row


# --- the citizen, holding the tracking code -------------------------------------------------------


def supplement_public(p: Petition, text: str, files: Iterable[CheckedFile] = ()) -> Petition:
    """The citizen's supplement: back to the officers, handling restarts on the day it arrives."""
    problems = text_problems(text, min_len=10)
    if problems:
        raise ValidationError(problems)
    files = list(files)
    with removed_on_error() as stored, transaction.atomic():
        row = _locked(p, {Status.NEEDS_INFO})
        row.supplement_text = "\n\n".join(x for x in (row.supplement_text, text.strip()) if x)
        row.supplemented_on, row.status = clock.today(), Status.RECEIVED.value
        _refresh_due(row)
        row.save()
        store_files(row, files, "supplement", stored.append)
    notify.notify(
        notify.officers_of(row.org_unit_id), f"Người gửi đã bổ sung phản ánh {row.code}", staff_url(row)
    )
    return row


def give_feedback(p: Petition, satisfied: bool) -> Petition:
    """The citizen's verdict on the published answer (QĐ 766 5.3): once."""
    with transaction.atomic():
        row = _locked(p, {Status.PUBLISHED})
        if row.feedback:
            raise ValidationError("Phản ánh này đã được đánh giá; mỗi phản ánh chỉ đánh giá một lần.")
        row.feedback = (Feedback.SATISFIED if satisfied else Feedback.DISSATISFIED).value
        row.feedback_on = clock.today()
        row.save(update_fields=["feedback", "feedback_on", "updated_at"])
    return row
