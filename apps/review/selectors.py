"""Reads for the review pages: the findings panel, the cascade page, the list of superior plans."""

from __future__ import annotations

from django.db.models import Count, Q

from apps.accounts.policy import can, subject, visible_units
from apps.plans.models import Plan, Task
from apps.plans.selectors import plans_for
from apps.review.drafts import load_plan, plan_queryset
from apps.review.findings import SEVERITY_LABELS, plan_findings
from apps.review.models import TaskAlignment
from core.alignment import align
from core.checks import SEVERITIES
from core.checks.superior import mismatch
from core.plandoc.model import task_ref


def visible_plan(user, pk: int) -> Plan | None:
    return plan_queryset().filter(pk__in=plans_for(user).values("pk")).filter(pk=pk).first()


def suggested_superior(plan: Plan) -> Plan | None:
    """For a plan without a superior plan: the confirmed plan of a superior unit covering its period."""
    ancestors = [u.pk for u in plan.org_unit.ancestors()]
    if plan.parent_id or not ancestors:
        return None
    return (
        Plan.objects.filter(
            org_unit_id__in=ancestors,
            status=Plan.Status.ACTIVE,
            period_start__lte=plan.period_end,
            period_end__gte=plan.period_start,
        )
        .order_by("-period_start")
        .first()
    )


def panel_context(plan: Plan, user, *, show_dismissed: bool = False) -> dict:
    items = plan_findings(plan)
    active = [i for i in items if i.dismissal is None]
    dismissed = [i for i in items if i.dismissal is not None]
    shown = items if show_dismissed else active
    groups = [
        {
            "severity": severity,
            "label": SEVERITY_LABELS[severity],
            "items": [i for i in shown if i.severity == severity],
            "count": sum(1 for i in active if i.severity == severity),
        }
        for severity in SEVERITIES
    ]
    linked = plan.tasks.aggregate(total=Count("pk"), linked=Count("pk", filter=Q(parent_task__isnull=False)))
    return {
        "plan": plan,
        "groups": [g for g in groups if g["items"]],
        "counts": {g["severity"]: g["count"] for g in groups},
        "n_active": len(active),
        "n_dismissed": len(dismissed),
        "show_dismissed": show_dismissed,
        "may_dismiss": can(user, "review.dismiss", plan.org_unit),
        "may_align": can(user, "review.align", plan.org_unit) and plan.parent_id is not None,
        "may_coverage": can(user, "review.coverage", plan.org_unit) and plan.children.exists(),
        "linked": linked,
        "suggested_superior": suggested_superior(plan),
    }


def _option(task: Task) -> tuple[int, str]:
    return task.pk, f"{task_ref(task.area, task.no)} — {task.content[:110]}"


def alignment_page(plan: Plan, user) -> dict:
    """Each task with its superior task and why, and the superior tasks nothing implements."""
    tasks = list(plan.tasks.select_related("parent_task", "alignment").order_by("position", "pk"))
    context = {
        "plan": plan,
        "tasks": tasks,
        "may_align": can(user, "review.align", plan.org_unit),
        "options": [],
        "uncovered": [],
        "mismatch": None,
    }
    if plan.parent_id is None:
        return context
    superior_tasks = list(plan.parent.tasks.order_by("position", "pk"))
    context["options"] = [_option(t) for t in superior_tasks]
    stored = load_plan(plan, with_text=False, with_spans=False)
    superior = load_plan(plan.parent, with_text=False, with_spans=False)
    context["mismatch"] = mismatch(stored.draft, superior.draft)
    if context["mismatch"] is None:
        by_pk = {t.pk: t for t in superior_tasks}
        linked = {t.parent_task_id for t in tasks}
        for cov in align(stored.draft, superior.draft).superior_tasks:
            pk = superior.task_ids[cov.superior_index]
            if cov.status == "missing" and cov.applies != "none" and pk not in linked:
                context["uncovered"].append({"task": by_pk[pk], "applies": cov.applies})
    return context


def alignment_row(task: Task, user) -> dict:
    task = Task.objects.select_related("plan__parent", "plan__org_unit", "parent_task").get(pk=task.pk)
    try:
        task.alignment  # noqa: B018 - load it once for the template
    except TaskAlignment.DoesNotExist:
        pass
    options = (
        [_option(t) for t in task.plan.parent.tasks.order_by("position", "pk")] if task.plan.parent_id else []
    )
    return {
        "t": task,
        "plan": task.plan,
        "options": options,
        "may_align": can(user, "review.align", task.plan.org_unit),
    }


def superior_plans(user) -> list[Plan]:
    """Plans with subordinate plans, of units where the user may compare the subordinates."""
    units = visible_units(user)
    if not subject(user).is_root:
        units = units.filter(level__in=["province", "district"])
    plans = (
        Plan.objects.filter(org_unit__in=units, status=Plan.Status.ACTIVE)
        .annotate(n_children=Count("children", filter=Q(children__status=Plan.Status.ACTIVE)))
        .filter(n_children__gt=0)
        .select_related("org_unit")
        .order_by("org_unit__name", "-period_start")
    )
    return [p for p in plans if can(user, "review.coverage", p.org_unit)]
