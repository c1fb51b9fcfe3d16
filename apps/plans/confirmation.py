"""What is still open on a draft before it is confirmed, and the confirmation decision itself.

Confirming lays out the milestones every agency is then chased on, so a plan with an open error or
an agency name nobody resolved must not slip through on one click: the official sees the list and
either fixes it, dismisses the finding with a reason, or confirms anyway with a reason that is kept
on the plan and in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.plans.models import Plan, TaskAgency
from core.checks import ERROR, WARNING
from core.text import clean, fold

REASON_REQUIRED = "Kế hoạch còn lỗi, cảnh báo hoặc tên cơ quan chưa xác định: ghi lý do vẫn xác nhận."


@dataclass
class UnresolvedName:
    """One printed agency name no agency or group was found for, and the task rows printing it."""

    printed: str
    link_ids: list[int] = field(default_factory=list)
    task_ids: list[int] = field(default_factory=list)


@dataclass
class OpenItems:
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    unresolved: list[UnresolvedName] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.errors or self.warnings or self.unresolved)

    @property
    def summary(self) -> str:
        parts = [
            f"{len(self.errors)} lỗi" if self.errors else "",
            f"{len(self.warnings)} cảnh báo" if self.warnings else "",
            f"{len(self.unresolved)} tên cơ quan chưa xác định" if self.unresolved else "",
        ]
        return ", ".join(p for p in parts if p)


def unresolved_names(plan: Plan) -> list[UnresolvedName]:
    """Unresolved printed names of the plan, one entry per name (folded), in task order."""
    by_key: dict[str, UnresolvedName] = {}
    links = TaskAgency.objects.filter(task__plan=plan, agency__isnull=True, group__isnull=True)
    for pk, task_id, printed in links.order_by("task__position", "role", "position").values_list(
        "pk", "task_id", "printed"
    ):
        item = by_key.setdefault(fold(clean(printed)), UnresolvedName(clean(printed)))
        item.link_ids.append(pk)
        if task_id not in item.task_ids:
            item.task_ids.append(task_id)
    return list(by_key.values())


def open_items(plan: Plan) -> OpenItems:
    """Findings not dismissed (errors, warnings; notes are left out) and unresolved agency names."""
    from apps.review.findings import plan_findings  # review builds on plans: imported when used

    active = [item for item in plan_findings(plan) if item.dismissal is None]
    return OpenItems(
        errors=[i for i in active if i.severity == ERROR],
        warnings=[i for i in active if i.severity == WARNING],
        unresolved=unresolved_names(plan),
    )


def confirm_with_decision(actor, plan: Plan, reason: str = "") -> Plan:
    """Confirm ``plan``; with anything still open the reason is required, stored and audited."""
    from apps.plans.services import activate_plan

    reason = (reason or "").strip()
    items = open_items(plan)
    if items and not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    if len(reason) > 2000:
        raise ValidationError({"reason": "Lý do dài quá 2000 ký tự."})
    with transaction.atomic():
        plan = activate_plan(actor, plan)
        if items:
            plan.confirm_reason = reason
            with acting_as(actor):
                plan.save(update_fields=["confirm_reason"])
                record_event(plan, f"Xác nhận kế hoạch khi còn {items.summary}. Lý do: {reason}")
    return plan
