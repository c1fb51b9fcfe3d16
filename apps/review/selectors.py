"""Reads for the review pages: the findings panel, the cascade page, the list of superior plans."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils.html import escape
from django.utils.safestring import mark_safe

from apps.accounts.policy import can, subject, visible_units
from apps.plans.models import Plan, Task
from apps.plans.selectors import plans_for
from apps.review.drafts import load_plans, plan_queryset
from apps.review.findings import CACHE_SECONDS, SEVERITY_LABELS, digest, plan_findings
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


def _options_html(options: list[tuple[int, str]]) -> str:
    """The superior-task <option>s, escaped once for the page: every row has the same ~50 options,
    and rendering them through the template per row made the page cost ~1 s."""
    return "".join(f'<option value="{pk}">{escape(label)}</option>' for pk, label in options)


def _shape_rows(tasks: list[Task], options_html: str) -> None:
    """Per row: the area-coded numbers, and the options with the row's superior task selected."""
    for t in tasks:
        t.ref = task_ref(t.area, t.no)
        t.parent_ref = task_ref(t.parent_task.area, t.parent_task.no) if t.parent_task_id else ""
        html = options_html
        if t.parent_task_id:
            html = html.replace(f'value="{t.parent_task_id}">', f'value="{t.parent_task_id}" selected>', 1)
        t.options_html = mark_safe(html)  # noqa: S308 - built from escaped labels and integer keys


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
        _shape_rows(tasks, "")
        return context
    superior_tasks = list(plan.parent.tasks.order_by("position", "pk"))
    context["options"] = [_option(t) for t in superior_tasks]
    _shape_rows(tasks, _options_html(context["options"]))
    context["mismatch"], missing = _coverage_of_superior(plan)
    by_pk = {t.pk: t for t in superior_tasks}
    linked = {t.parent_task_id for t in tasks}
    context["uncovered"] = [
        {"task": by_pk[pk], "applies": applies} for pk, applies in missing if pk not in linked and pk in by_pk
    ]
    return context


def _coverage_of_superior(plan: Plan) -> tuple[object, list[tuple[int, str]]]:
    """Whether the superior plan fits (``mismatch``) and its tasks the plan's text does not cover.

    Matching costs most of the page; like the findings it is cached under a digest of both plans
    as the matcher reads them, so any change (by whatever path) computes it afresh."""
    loaded = load_plans([plan, plan.parent], with_text=False, with_spans=False)
    stored, superior = loaded[plan.pk], loaded[plan.parent_id]
    key = "review:alignment:" + digest(stored.draft, superior.draft)
    cached = cache.get(key)
    if cached is not None:
        return cached
    problem = mismatch(stored.draft, superior.draft)
    missing = []
    if problem is None:
        missing = [
            (superior.task_ids[cov.superior_index], cov.applies)
            for cov in align(stored.draft, superior.draft).superior_tasks
            if cov.status == "missing" and cov.applies != "none"
        ]
    cache.set(key, (problem, missing), CACHE_SECONDS)
    return problem, missing


def alignment_row(task: Task, user) -> dict:
    task = Task.objects.select_related("plan__parent", "plan__org_unit", "parent_task").get(pk=task.pk)
    try:
        task.alignment  # noqa: B018 - load it once for the template
    except TaskAlignment.DoesNotExist:
        pass
    options = (
        [_option(t) for t in task.plan.parent.tasks.order_by("position", "pk")] if task.plan.parent_id else []
    )
    _shape_rows([task], _options_html(options))
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
