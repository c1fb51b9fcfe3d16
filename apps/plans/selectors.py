"""Reads for the plan pages, scoped by the policy and prefetched to avoid N+1 queries."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from apps.accounts.policy import can, visible_units
from apps.orgs.models import Agency, AgencyGroup
from apps.plans.measured import measured_targets
from apps.plans.models import AREA_CHOICES, Milestone, Plan, Task, TaskAgency
from core.plandoc.diagnose import current_warnings
from core.similarity import pair_tasks
from core.text import fold

AREA_LABELS = dict(AREA_CHOICES)


def plans_for(user) -> QuerySet[Plan]:
    """Plans of the units the user sees, and the superior plans those implement (read-only for them:
    a commune officer must read what the province asks of the commune)."""
    units = visible_units(user)
    own = Plan.objects.filter(org_unit__in=units)
    superior_ids = own.exclude(parent__isnull=True).values("parent_id")
    return Plan.objects.filter(Q(org_unit__in=units) | Q(pk__in=superior_ids))


def plans_in_force(unit_ids, start: date, end: date) -> QuerySet[Plan]:
    """The one rule for which plans count for units over a period: confirmed (active) plans whose
    period overlaps it. The dashboards, the home page and the periodic reports all use it, so a
    2026-2030 plan is in none of their 2025 figures (it was on the dashboard and not in the report)."""
    return Plan.objects.filter(
        org_unit_id__in=unit_ids, status=Plan.Status.ACTIVE, period_start__lte=end, period_end__gte=start
    )


def with_counts(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    return plans.annotate(n_tasks=Count("tasks", distinct=True), n_targets=Count("targets", distinct=True))


def _tasks(plan: Plan) -> QuerySet[Task]:
    agencies = TaskAgency.objects.select_related("agency", "group")
    return plan.tasks.prefetch_related(
        Prefetch("agencies", queryset=agencies, to_attr="links"),
        Prefetch(
            "milestones", queryset=Milestone.objects.order_by("due", "position"), to_attr="milestone_list"
        ),
    )


def _shaped(tasks) -> list[Task]:
    """Split each task's agencies by role once, in Python: the template loops over plain lists
    instead of building related managers per row (a 60-task plan renders several times faster)."""
    tasks = list(tasks)
    for task in tasks:
        task.leads = [a for a in task.links if a.role == TaskAgency.Role.LEAD]
        task.coordinators = [a for a in task.links if a.role == TaskAgency.Role.COORDINATING]
    return tasks


def agency_choices(plan: Plan) -> list[tuple[str, str]]:
    """Agencies and groups an unresolved printed name may be mapped to: the unit's, then its superiors'."""
    unit_ids = [plan.org_unit_id] + [u.pk for u in plan.org_unit.ancestors()]
    choices = [
        (f"agency:{a.pk}", f"{a.name} ({a.org_unit})")
        for a in Agency.objects.filter(org_unit_id__in=unit_ids, is_active=True).select_related("org_unit")
    ]
    choices += [
        (f"group:{g.pk}", f"Nhóm: {g.name} ({g.org_unit})")
        for g in AgencyGroup.objects.filter(org_unit_id__in=unit_ids).select_related("org_unit")
    ]
    return choices


def plan_page(plan: Plan) -> dict:
    tasks = _shaped(_tasks(plan))
    by_area: dict[str, list[Task]] = {}
    for task in tasks:
        by_area.setdefault(task.area, []).append(task)
    areas = [
        {"code": code, "label": label, "tasks": by_area[code]}
        for code, label in AREA_CHOICES
        if code in by_area
    ]
    unresolved = sum(1 for t in tasks for a in t.links if a.resolved is None)
    targets = list(plan.targets.all())
    measured = measured_targets(plan, targets)
    for t in targets:
        t.measured = measured.get(t.pk)
    return {
        "plan": plan,
        "targets": targets,
        # The import's diagnoses that still hold (rows added by hand since answer the others).
        "warnings": current_warnings(plan.warnings, bool(tasks), bool(targets)),
        "missing_rows": not tasks or not targets,
        "areas": areas,
        "n_tasks": len(tasks),
        "unresolved": unresolved,
        "choices": agency_choices(plan) if unresolved else [],
        "document": plan.source.text if plan.source else "",
        "children": plan.children.select_related("org_unit"),
        "milestone_count": sum(len(t.milestone_list) for t in tasks),
        "area_choices": AREA_CHOICES,
    }


def task_row_context(task: Task, user) -> dict:
    task = _shaped(_tasks(task.plan).filter(pk=task.pk))[0]
    unresolved = any(a.resolved is None for a in task.links)
    return {
        "task": task,
        "plan": task.plan,
        "may_edit": can(user, "plans.manage", task.plan.org_unit),
        "choices": agency_choices(task.plan) if unresolved else [],
    }


def plan_diff(old: Plan, new: Plan) -> dict:
    """What a corrected version changes: tasks matched by content within an area, then fields compared."""
    old_tasks, new_tasks = _shaped(_tasks(old)), _shaped(_tasks(new))
    index_pairs = pair_tasks(
        [(t.area, t.content) for t in old_tasks], [(t.area, t.content) for t in new_tasks]
    )
    pairs = [(old_tasks[i], new_tasks[j]) for i, j in index_pairs]
    used = {o.pk for o, _ in pairs}
    changed = []
    for o, n in pairs:
        fields = _changed_fields(o, n)
        if fields:
            changed.append({"old": o, "new": n, "fields": fields})
    matched_new = {n.pk for _, n in pairs}
    return {
        "added": [t for t in new_tasks if t.pk not in matched_new],
        "removed": [t for t in old_tasks if t.pk not in used],
        "changed": changed,
        "targets_old": list(old.targets.all()),
        "targets_new": list(new.targets.all()),
    }


def _changed_fields(o: Task, n: Task) -> list[tuple[str, str, str]]:
    def names(task, role):
        return ", ".join(a.printed for a in task.links if a.role == role)

    fields = [
        ("Nội dung", o.content, n.content),
        ("Sản phẩm", "; ".join(o.products), "; ".join(n.products)),
        ("Chủ trì", names(o, "lead"), names(n, "lead")),
        ("Phối hợp", names(o, "coordinating"), names(n, "coordinating")),
        ("Thời hạn", o.deadline_text, n.deadline_text),
        ("Ghi chú", o.notes, n.notes),
    ]
    return [
        (label, before, after) for label, before, after in fields if fold(before or "") != fold(after or "")
    ]
