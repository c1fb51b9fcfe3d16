"""Writes of plan review: dismiss or restore a finding, link tasks to the superior plan's tasks.

Each use case takes the acting user, asks the policy, runs in one transaction and leaves an audit
record. The automatic alignment writes many links at once, so it records one event on the plan
(how many tasks it linked) rather than one entry per task; a link corrected by hand is a plain
tracked change of ``Task.parent_task``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.policy import as_user, require
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.plans.models import Plan, Task
from apps.review.drafts import StoredPlan, load_plan
from apps.review.findings import describe, plan_findings
from apps.review.models import AreaAssignment, FindingDismissal, TaskAlignment
from cchc import clock
from core.alignment import SuperiorIndex, align
from core.checks.superior import mismatch
from core.plandoc.model import PlanDraft

REASON_MAX = 500


def _stored_span(span) -> list[int]:
    """A core Span in the form apps.plans stores spans: ``[start, end]`` or ``[start, end, page]``."""
    if span is None:
        return []
    return [span.start, span.end] + ([span.page] if span.page is not None else [])


def store_assignments(plan: Plan, draft: PlanDraft) -> None:
    """Keep the "Tổ chức thực hiện" assignments of an imported draft (the lead_conflict check)."""
    AreaAssignment.objects.bulk_create(
        [
            AreaAssignment(
                plan=plan,
                position=i,
                area=item.area,
                agency=item.agency[:300],
                task_numbers=list(item.task_numbers),
                verb=(item.verb or "")[:40],
                span=_stored_span(item.span),
            )
            for i, item in enumerate(draft.assignments)
        ]
    )


# --- findings -------------------------------------------------------------------------------------


def dismiss_finding(
    actor, plan: Plan, rule: str, location: str, message_hash: str, reason: str
) -> FindingDismissal:
    """Hide a finding of ``plan`` for good, with the official's reason; it stays hidden on re-checks."""
    require(actor, "review.dismiss", plan.org_unit)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Ghi lý do bỏ qua phát hiện này (ví dụ: đúng theo văn bản đã ban hành).")
    if len(reason) > REASON_MAX:
        raise ValidationError(f"Lý do dài quá {REASON_MAX} ký tự.")
    item = next((f for f in plan_findings(plan) if f.key == (rule, location, message_hash)), None)
    if item is None:
        raise ValidationError(
            "Phát hiện này không còn: kế hoạch vừa được sửa. Tải lại trang để xem kết quả mới."
        )
    if item.dismissal is not None:
        raise ValidationError("Phát hiện này đã được bỏ qua trước đó.")
    with transaction.atomic(), acting_as(actor):
        dismissal = FindingDismissal.objects.create(
            plan=plan,
            rule=rule,
            location=location,
            message_hash=message_hash,
            message=item.finding.message,
            reason=reason,
            dismissed_by=as_user(actor),
        )
        record_event(
            plan,
            f"Bỏ qua phát hiện {describe(item)}: {reason}",
            {"finding": [item.finding.message[:300], None], "reason": [None, reason]},
        )
    return dismissal


def restore_finding(actor, dismissal: FindingDismissal) -> None:
    """Show a dismissed finding again (the dismissal was a mistake)."""
    plan = dismissal.plan
    require(actor, "review.dismiss", plan.org_unit)
    with transaction.atomic(), acting_as(actor):
        record_event(
            plan,
            f"Khôi phục phát hiện đã bỏ qua ({dismissal.rule}): {dismissal.message[:200]}",
            {"reason": [dismissal.reason, None]},
        )
        dismissal.delete()


# --- cascade: tasks linked to the superior plan's tasks ---------------------------------------------


@dataclass
class AlignSummary:
    linked: int = 0
    covered: int = 0
    adapted: int = 0
    unmatched: int = 0
    kept: int = 0  # links an official set by hand, left as they are

    @property
    def total(self) -> int:
        return self.linked + self.unmatched + self.kept


def _drafts(plan: Plan) -> tuple[StoredPlan, StoredPlan]:
    parent = Plan.objects.select_related("org_unit__parent__parent").get(pk=plan.parent_id)
    stored = load_plan(plan, with_text=False, with_spans=False)
    return stored, load_plan(parent, with_text=False, with_spans=False)


def align_plan(actor, plan: Plan) -> AlignSummary:
    """On demand ("Đối chiếu với kế hoạch cấp trên"): link every task not linked by hand."""
    require(actor, "review.align", plan.org_unit)
    if plan.parent_id is None:
        raise ValidationError(
            "Kế hoạch chưa có kế hoạch cấp trên. Chọn kế hoạch cấp trên ở phần thông tin chung."
        )
    return link_tasks(actor, plan)


def link_tasks(actor, plan: Plan, *, quiet: bool = False) -> AlignSummary:
    """Store the matcher's best superior task of each task as ``Task.parent_task``, with its score.

    No policy check: called by ``align_plan`` and when a plan is confirmed (its confirmer has
    already been checked). A superior plan of the wrong level or period is refused (``quiet``:
    skipped), since every link to it would be wrong."""
    stored, superior = _drafts(plan)
    why = mismatch(stored.draft, superior.draft)
    if why:
        if quiet:
            return AlignSummary()
        raise ValidationError(why)
    result = align(stored.draft, superior.draft)
    existing = {a.task_id: a for a in TaskAlignment.objects.filter(task__plan=plan)}
    summary = AlignSummary()
    tasks, rows = [], []
    for m in result.matches:
        task_id = stored.task_ids[m.task_index]
        if task_id in existing and existing[task_id].manual:
            summary.kept += 1
            continue
        parent_id = superior.task_ids[m.superior_index] if m.superior_index is not None else None
        setattr(summary, m.status, getattr(summary, m.status) + 1)
        summary.linked += parent_id is not None
        tasks.append(Task(pk=task_id, parent_task_id=parent_id))
        rows.append(
            TaskAlignment(
                task_id=task_id,
                status=m.status,
                score=m.score if m.superior_index is not None else None,
                explanation=m.explanation[:500],
                updated_by=as_user(actor),
            )
        )
    with transaction.atomic():
        Task.objects.bulk_update(tasks, ["parent_task"])
        TaskAlignment.objects.filter(task_id__in=[t.pk for t in tasks]).delete()
        TaskAlignment.objects.bulk_create(rows)
        with acting_as(actor):
            record_event(
                plan,
                f"Đối chiếu với kế hoạch cấp trên “{superior.plan}”: {summary.linked}/{len(stored.task_ids)} "
                f"nhiệm vụ gắn với nhiệm vụ cấp trên, {summary.unmatched} nhiệm vụ riêng"
                + (f", giữ {summary.kept} lựa chọn bằng tay." if summary.kept else "."),
            )
    return summary


def set_parent_task(actor, task: Task, superior_task: Task | None, *, automatic: bool = False) -> Task:
    """An official chooses (or clears) the superior task a task implements; ``automatic`` hands the
    choice back to the matcher. A hand choice is kept when the plan is aligned again."""
    plan = task.plan
    require(actor, "review.align", plan.org_unit)
    if plan.parent_id is None:
        raise ValidationError("Kế hoạch chưa có kế hoạch cấp trên.")
    if superior_task is not None and superior_task.plan_id != plan.parent_id:
        raise ValidationError("Nhiệm vụ được chọn không thuộc kế hoạch cấp trên của kế hoạch này.")
    stored, superior = _drafts(plan)
    index = stored.task_index(task.pk)
    if index is None:
        raise ValidationError("Không tìm thấy nhiệm vụ trong kế hoạch.")
    if automatic:
        match = align(stored.draft, superior.draft).matches[index]
        parent_id = superior.task_ids[match.superior_index] if match.superior_index is not None else None
        status, score, explanation = match.status, match.score, match.explanation
    else:
        parent_id = superior_task.pk if superior_task else None
        when = clock.today().strftime("%d/%m/%Y")
        if superior_task is None:
            status, score = TaskAlignment.Status.MANUAL, None
            explanation = f"{actor} xác định đây là nhiệm vụ riêng của đơn vị (ngày {when})."
        else:
            j = superior.task_ids.index(superior_task.pk)
            score = round(SuperiorIndex(superior.draft).text_scores(task.content)[j], 1)
            status = TaskAlignment.Status.MANUAL
            explanation = (
                f"{actor} chọn nhiệm vụ {superior_task.no or '(không số)'} của kế hoạch cấp trên "
                f"(ngày {when}; điểm tương đồng câu chữ {score:.0f})."
            )
    with transaction.atomic(), acting_as(actor):
        task.parent_task_id = parent_id
        task.save(update_fields=["parent_task"])
        TaskAlignment.objects.update_or_create(
            task=task,
            defaults={
                "status": status,
                "score": score,
                "explanation": explanation[:500],
                "manual": not automatic,
                "updated_by": as_user(actor),
            },
        )
    return task
