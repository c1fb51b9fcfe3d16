"""Writes on plans: import a document as a draft, correct it, confirm it.

Each function takes the acting user, asks the policy, and runs in one transaction: an import that
fails at any step leaves nothing behind, and a confirmation creates all milestones or none.
"""

from __future__ import annotations

import dataclasses
import hashlib
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max

from apps.accounts.policy import as_user, require
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.orgs.models import OrgUnit
from apps.plans.directory import agency_directory, resolve_into
from apps.plans.models import AREA_CHOICES, Milestone, Plan, SourceDocument, Target, Task, TaskAgency
from apps.plans.signals import draft_saved, plan_activated
from cchc import clock
from cchc.concurrency import require_version
from cchc.files import removed_on_error
from core.bounds import (
    NOTE_MAX,
    TARGET_TEXT_MAX,
    TASK_CONTENT_MAX,
    plan_period_problem,
    text_problem,
)
from core.deadlines import parse_deadline
from core.plan_json import plan_period
from core.plandoc import parse_plan
from core.plandoc.diagnose import current_warnings
from core.plandoc.errors import PlanDocError, RowErrors
from core.plandoc.model import PlanDraft, TargetDraft, TaskDraft
from core.plandoc.readers import is_xlsx
from core.plandoc.sandbox import run_bounded

AREA_CODES = {code for code, _ in AREA_CHOICES}
PARSE_TIMEOUT_S = 60
PARSE_MEMORY_MB = 1536
# A scan is read by OCR, a few seconds a page (core.plandoc.readers.ocr, at most 60 pages).
OCR_TIMEOUT_S = 300


class ConflictError(ValidationError):
    """Someone else saved the same row since this user opened it: tell them, never overwrite."""


def read_plan_document(data: bytes, filename: str) -> PlanDraft:
    """Parse in a bounded child process so a hostile file cannot stall or exhaust the server."""
    limit = settings.UPLOAD_MAX_BYTES
    if len(data) > limit:
        raise ValidationError(PlanDocError("too_large", limit_mb=limit // (1024 * 1024)).message)
    try:
        try:
            return run_bounded(
                parse_plan, data, filename, ocr=False, timeout_s=PARSE_TIMEOUT_S, memory_mb=PARSE_MEMORY_MB
            )
        except PlanDocError as exc:
            if exc.code != "needs_ocr":
                raise
        # A scan: the same bounded child, with the time OCR needs.
        return run_bounded(parse_plan, data, filename, timeout_s=OCR_TIMEOUT_S, memory_mb=PARSE_MEMORY_MB)
    except RowErrors as exc:  # a workbook with wrong rows: the summary, then each row to fix
        raise ValidationError([exc.message, *exc.rows], code=exc.code) from exc
    except PlanDocError as exc:
        raise ValidationError(exc.message, code=exc.code) from exc


def _span_dict(spans: dict) -> dict:
    return {
        key: [s.start, s.end] + ([s.page] if s.page is not None else [])
        for key, s in spans.items()
        if s is not None
    }


def store_draft_rows(plan: Plan, draft: PlanDraft, directory=None, *, after_existing: bool = False) -> None:
    """Targets, tasks and their printed agencies of a draft, in bulk (no per-row signals: an import
    is recorded as one audit event). Agencies are resolved when a directory is given.
    ``after_existing`` places the rows after those the plan already has (rows added by hand)."""
    first_target = first_task = 0
    if after_existing:
        first_target = (plan.targets.aggregate(m=Max("position"))["m"] or 0) + 1
        first_task = (plan.tasks.aggregate(m=Max("position"))["m"] or 0) + 1
    Target.objects.bulk_create(
        Target(
            plan=plan,
            position=position,
            area=t.area or "",
            text=t.text,
            indicator=t.indicator or "",
            comparator=t.comparator or "",
            value=Decimal(str(t.value)) if t.value is not None else None,
            unit=t.unit or "",
            year=t.year,
            spans=_span_dict(t.spans),
            review=dict(t.review),
        )
        for position, t in enumerate(draft.targets, start=first_target)
    )
    tasks = Task.objects.bulk_create(
        Task(
            plan=plan,
            position=position,
            area=t.area or "chi_dao",
            no=t.no or "",
            content=t.content,
            products=list(t.products),
            deadline_text=(t.deadline_text or "")[:500],
            notes=t.notes or "",
            spans=_span_dict(t.spans),
            review=dict(t.review),
        )
        for position, t in enumerate(draft.tasks, start=first_task)
    )
    links = [
        TaskAgency(task=task, role=role, position=i, printed=name[:300])
        for task, t in zip(tasks, draft.tasks, strict=True)
        for role, names in ((TaskAgency.Role.LEAD, t.lead), (TaskAgency.Role.COORDINATING, t.coordinating))
        for i, name in enumerate(names)
    ]
    if directory is not None:
        links = [resolve_into(link, directory) for link in links]
    TaskAgency.objects.bulk_create(links)


def import_plan(
    actor, org_unit: OrgUnit, data: bytes, filename: str, *, replaces: Plan | None = None
) -> Plan:
    """Read a plan document into a DRAFT plan of ``org_unit`` for review. Nothing is kept on failure.

    A document in which no task or target was found is still kept as a draft with what was found
    (number, date, title) and the reasons (``core.plandoc.diagnose``), so the official can add the
    rows by hand on the review page instead of starting over."""
    require(actor, "plans.manage", org_unit)
    draft = read_plan_document(data, filename)
    return save_draft(actor, org_unit, draft, data, filename, replaces=replaces)


def save_draft(
    actor, org_unit: OrgUnit, draft: PlanDraft, data: bytes, filename: str, *, replaces: Plan | None = None
) -> Plan:
    """Store an extracted plan as a DRAFT of ``org_unit`` (``policy.OPERATOR`` at the command line)."""
    require(actor, "plans.manage", org_unit)
    if replaces is not None and replaces.org_unit_id != org_unit.pk:
        raise ValidationError("Kế hoạch được thay thế phải cùng đơn vị.")
    start, end = plan_period(draft)
    warnings = list(draft.warnings)
    if draft.period_start is None:
        warnings.append("Không đọc được thời gian của kế hoạch; tạm lấy cả năm, cần kiểm tra lại.")
    with removed_on_error() as stored, transaction.atomic():
        source = SourceDocument(
            org_unit=org_unit,
            filename=filename[:255],
            format=filename.rsplit(".", 1)[-1].lower()[:10],
            sha256=hashlib.sha256(data).hexdigest(),
            size=len(data),
            text=draft.source_text,
            uploaded_by=as_user(actor),
        )
        source.file.save(f"{source.sha256[:16]}.{source.format or 'bin'}", ContentFile(data), save=False)
        stored.append(source.file)
        source.save()
        plan = Plan.objects.create(
            org_unit=org_unit,
            title=(draft.title or filename)[:500],
            issuer=draft.issuer or "",
            decision_number=draft.decision_number or "",
            signed_date=draft.signed_date,
            signer=draft.signer or "",
            period_start=start,
            period_end=end,
            source=source,
            replaces=replaces,
            parent=replaces.parent if replaces else None,
            spans=_span_dict(draft.spans),
            review=dict(draft.review),
            warnings=warnings,
            created_by=as_user(actor),
        )
        store_draft_rows(plan, draft, agency_directory(org_unit))
        draft_saved.send(sender=Plan, plan=plan, draft=draft, actor=actor)
        with acting_as(actor):
            record_event(
                plan,
                f"Nhập kế hoạch từ tệp {filename}: {len(draft.tasks)} nhiệm vụ, {len(draft.targets)} chỉ tiêu.",
            )
    return plan


def _worked_on(milestone: Milestone) -> bool:
    """A milestone that carries work: a progress report, a report status, or a date an officer set."""
    return bool(
        milestone.report_status
        or getattr(milestone, "report", None) is not None
        or (milestone.kind == Milestone.Kind.ON_EVENT and milestone.due is not None)
    )


def lay_out_milestones(task: Task) -> list[Milestone]:
    """Lay out a task's milestones from its deadline text over the plan period.

    On a re-layout (the deadline text was corrected) milestones that already carry work are kept —
    a progress report with its evidence must never vanish because a date was retyped; the others
    are replaced. A new milestone equal (label and due date) to a kept one is not created twice."""
    parsed = parse_deadline(task.deadline_text or None, task.plan.period_start, task.plan.period_end)
    existing = list(task.milestones.all())
    kept = [m for m in existing if _worked_on(m)]
    Milestone.objects.filter(pk__in=[m.pk for m in existing if not _worked_on(m)]).delete()
    kept_keys = {(m.label, m.due) for m in kept}
    rows = [
        Milestone(
            task=task, position=i, label=m.label[:200], kind=m.kind, due=m.due, frequency=m.frequency or ""
        )
        for i, m in enumerate(parsed.milestones)
        if (m.label[:200], m.due) not in kept_keys
    ]
    return Milestone.objects.bulk_create(rows)


def confirm_plan(actor, plan: Plan, reason: str = "") -> Plan:
    """Make a reviewed draft the unit's plan: milestones laid out, the replaced version retired.
    Anything still open (errors, warnings, unknown agency names) needs a recorded reason."""
    from apps.plans.confirmation import confirm_with_decision

    return confirm_with_decision(actor, plan, reason)


def activate_plan(actor, plan: Plan) -> Plan:
    """Confirm a draft (``policy.OPERATOR`` at the command line): asks the policy like every write."""
    require(actor, "plans.manage", plan.org_unit)
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != Plan.Status.DRAFT:
            raise ValidationError("Kế hoạch này đã được xác nhận trước đó.")
        if problem := plan_period_problem(plan.period_start, plan.period_end):
            raise ValidationError(
                f"Chưa xác nhận được kế hoạch: {problem} Vui lòng sửa thời gian của kế hoạch."
            )
        for task in plan.tasks.select_related("plan"):
            lay_out_milestones(task)
        with acting_as(actor):
            if plan.replaces_id:
                old = plan.replaces
                old.status = Plan.Status.SUPERSEDED
                old.save()
                Plan.objects.filter(parent=old).update(parent=plan)
            plan.status = Plan.Status.ACTIVE
            plan.confirmed_by = as_user(actor)
            plan.confirmed_at = clock.now()
            plan.save()
            record_event(plan, "Xác nhận kế hoạch.")
            plan_activated.send(sender=Plan, plan=plan, actor=actor)
    return plan


def _check_version(model, obj, expected_version: int | None):
    """The row locked for this transaction, if it is still the version the editor opened."""
    expected_version = require_version(expected_version)
    current = model.objects.select_for_update().get(pk=obj.pk)
    if current.version != expected_version:
        raise ConflictError(
            "Nội dung này vừa được người khác sửa. Vui lòng tải lại trang để xem bản mới rồi sửa tiếp."
        )
    return current


def _checked(row, names) -> None:
    """An official who saves fields has compared them with the paper: their OCR marks go."""
    names = set(names)
    row.review = {key: conf for key, conf in (row.review or {}).items() if key.split(".")[0] not in names}


def update_plan(actor, plan: Plan, fields: dict, expected_version: int | None = None) -> Plan:
    require(actor, "plans.manage", plan.org_unit)
    with transaction.atomic(), acting_as(actor):
        current = _check_version(Plan, plan, expected_version)
        for name, value in fields.items():
            setattr(current, name, value)
        _checked(current, fields)
        current.full_clean(exclude=["org_unit", "source", "replaces", "created_by", "confirmed_by"])
        if problem := plan_period_problem(current.period_start, current.period_end):
            raise ValidationError({"period_end": problem})
        current.version += 1
        current.save()
    return current


def update_task(actor, task: Task, fields: dict, expected_version: int | None = None) -> Task:
    """Save an official's correction; a changed deadline re-lays the milestones of a confirmed plan."""
    require(actor, "plans.manage", task.plan.org_unit)
    _check_task_fields(fields)
    with transaction.atomic(), acting_as(actor):
        current = _check_version(Task, task, expected_version)
        old_deadline = current.deadline_text
        for name, value in fields.items():
            setattr(current, name, value)
        _checked(current, fields)
        current.version += 1
        current.save()
        if current.plan.status == Plan.Status.ACTIVE and current.deadline_text != old_deadline:
            lay_out_milestones(current)
    return current


def set_task_agencies(actor, task: Task, role: str, printed_names: list[str]) -> None:
    """Replace a task's lead or coordinating agencies with the given printed names, resolved again."""
    require(actor, "plans.manage", task.plan.org_unit)
    directory = agency_directory(task.plan.org_unit)
    with transaction.atomic(), acting_as(actor):
        task.agencies.filter(role=role).delete()
        if task.review:
            _checked(task, [role])
            Task.objects.filter(pk=task.pk).update(review=task.review)
        for i, name in enumerate(n for n in printed_names if n.strip()):
            resolve_into(
                TaskAgency(task=task, role=role, position=i, printed=name.strip()[:300]), directory
            ).save()


def _check_task_fields(fields: dict) -> None:
    """Errors keyed by field, so each form shows them beside the field that caused them."""
    if "area" in fields and fields["area"] not in AREA_CODES:
        raise ValidationError(
            {"area": "Lĩnh vực không hợp lệ: chọn một trong bảy lĩnh vực cải cách hành chính."}
        )
    if "content" in fields and (
        problem := text_problem(fields["content"], "Nội dung nhiệm vụ", TASK_CONTENT_MAX)
    ):
        raise ValidationError({"content": problem})
    for name, label in (("notes", "Ghi chú"), ("no", "Số thứ tự")):
        if name in fields and (problem := text_problem(fields[name], label, NOTE_MAX)):
            raise ValidationError({name: problem})


def add_task(actor, plan: Plan, area: str, content: str) -> Task:
    require(actor, "plans.manage", plan.org_unit)
    if not (content or "").strip():
        raise ValidationError({"content": "Nội dung nhiệm vụ không được để trống."})
    _check_task_fields({"area": area, "content": content})
    with transaction.atomic(), acting_as(actor):
        position = (plan.tasks.order_by("-position").values_list("position", flat=True).first() or 0) + 1
        return Task.objects.create(plan=plan, area=area, content=content.strip(), position=position)


def has_work(task: Task) -> bool:
    """Progress reports (any status), a report status or evidence: history that must be kept."""
    from apps.tracking.models import ProgressReport

    return (
        task.milestones.exclude(report_status="").exists()
        or ProgressReport.objects.filter(milestone__task=task).exists()
    )


def delete_task(actor, task: Task) -> None:
    """Delete a task entered by mistake; one with reports or evidence is refused (cancel it instead)."""
    require(actor, "plans.manage", task.plan.org_unit)
    with transaction.atomic(), acting_as(actor):
        task = Task.objects.select_for_update().get(pk=task.pk)
        if has_work(task):
            raise ValidationError(
                "Nhiệm vụ đã có báo cáo tiến độ hoặc tài liệu kiểm chứng nên không xóa được: "
                "hãy dừng thực hiện nhiệm vụ (ghi rõ lý do) để giữ lại lịch sử."
            )
        task.delete()


def cancel_task(actor, task: Task, reason: str, expected_version: int | None = None) -> Task:
    """Stop a task (dừng thực hiện): kept with its history, out of the figures from now on."""
    require(actor, "plans.manage", task.plan.org_unit)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Vui lòng ghi lý do dừng thực hiện nhiệm vụ.")
    if len(reason) > 2000:
        raise ValidationError("Lý do dừng thực hiện quá dài (tối đa 2.000 ký tự).")
    with transaction.atomic(), acting_as(actor):
        current = _check_version(Task, task, expected_version)
        if current.cancelled:
            raise ValidationError("Nhiệm vụ này đã dừng thực hiện.")
        current.cancelled_at, current.cancel_reason, current.cancelled_by = clock.now(), reason, actor
        current.version += 1
        current.save()
        record_event(current, f"Dừng thực hiện nhiệm vụ: {reason[:400]}")
    return current


def restore_task(actor, task: Task, expected_version: int | None = None) -> Task:
    """Take a cancelled task back into the plan's follow-up."""
    require(actor, "plans.manage", task.plan.org_unit)
    with transaction.atomic(), acting_as(actor):
        current = _check_version(Task, task, expected_version)
        if not current.cancelled:
            raise ValidationError("Nhiệm vụ này đang được thực hiện.")
        current.cancelled_at, current.cancel_reason, current.cancelled_by = None, "", None
        current.version += 1
        current.save()
        record_event(current, "Thực hiện lại nhiệm vụ đã dừng.")
    return current


def update_target(actor, target: Target, fields: dict, expected_version: int | None = None) -> Target:
    require(actor, "plans.manage", target.plan.org_unit)
    if "text" in fields and (problem := text_problem(fields["text"], "Nội dung chỉ tiêu", TARGET_TEXT_MAX)):
        raise ValidationError({"text": problem})
    with transaction.atomic(), acting_as(actor):
        current = _check_version(Target, target, expected_version)
        for name, value in fields.items():
            setattr(current, name, value)
        _checked(current, fields)
        current.version += 1
        current.save()
    return current


def add_target(actor, plan: Plan, text: str) -> Target:
    require(actor, "plans.manage", plan.org_unit)
    if not (text or "").strip():
        raise ValidationError({"text": "Nội dung chỉ tiêu không được để trống."})
    if problem := text_problem(text, "Nội dung chỉ tiêu", TARGET_TEXT_MAX):
        raise ValidationError({"text": problem})
    with transaction.atomic(), acting_as(actor):
        position = (plan.targets.order_by("-position").values_list("position", flat=True).first() or 0) + 1
        return Target.objects.create(plan=plan, text=text.strip(), position=position)


def delete_target(actor, target: Target) -> None:
    require(actor, "plans.manage", target.plan.org_unit)
    with transaction.atomic(), acting_as(actor):
        target.delete()


def discard_draft(actor, plan: Plan) -> None:
    require(actor, "plans.manage", plan.org_unit)
    if plan.status != Plan.Status.DRAFT:
        raise ValidationError("Chỉ hủy được bản nháp chưa xác nhận.")
    with transaction.atomic(), acting_as(actor):
        record_event(plan, "Hủy bản nháp kế hoạch.")
        source = plan.source
        plan.delete()
        # The uploaded document goes with its draft (its file on commit), unless another plan uses it.
        if source is not None and not source.plans.exists():
            source.delete()


def add_rows(actor, plan: Plan, tasks: list[TaskDraft], targets: list[TargetDraft], origin: str) -> Plan:
    """Add tasks and targets typed or pasted by hand to a draft plan: all of them or none, one audit
    event. Their spans are dropped (they point into no text of this plan); the diagnoses they
    answer ("Không tìm thấy nhiệm vụ nào …") leave the plan's warnings."""
    require(actor, "plans.manage", plan.org_unit)
    if not tasks and not targets:
        raise ValidationError("Không có dòng nào để thêm.")
    with transaction.atomic():
        plan = Plan.objects.select_for_update().select_related("org_unit").get(pk=plan.pk)
        if plan.status != Plan.Status.DRAFT:
            raise ValidationError("Chỉ thêm được nhiệm vụ, chỉ tiêu vào bản nháp chưa xác nhận.")
        rows = PlanDraft(
            document=origin,
            source_text="",
            tasks=[dataclasses.replace(t, spans={}) for t in tasks],
            targets=[dataclasses.replace(t, spans={}) for t in targets],
        )
        store_draft_rows(plan, rows, agency_directory(plan.org_unit), after_existing=True)
        warnings = current_warnings(plan.warnings, plan.tasks.exists(), plan.targets.exists())
        Plan.objects.filter(pk=plan.pk).update(warnings=warnings)
        with acting_as(actor):
            record_event(plan, f"Thêm {len(tasks)} nhiệm vụ, {len(targets)} chỉ tiêu {origin}.")
    plan.warnings = warnings
    return plan


def add_rows_from_workbook(actor, plan: Plan, data: bytes, filename: str) -> tuple[int, int]:
    """Add the tasks and targets of an XLSX (the template, or any sheet with a header row) to a draft;
    return how many of each. The workbook's header fields are not applied: the draft keeps those
    read from its document."""
    require(actor, "plans.manage", plan.org_unit)
    if not is_xlsx(data):
        raise ValidationError("Chỉ nhận tệp Excel (.xlsx): tải tệp mẫu, điền nhiệm vụ, chỉ tiêu rồi tải lên.")
    draft = read_plan_document(data, filename)
    add_rows(actor, plan, draft.tasks, draft.targets, f"từ tệp {filename}")
    return len(draft.tasks), len(draft.targets)
