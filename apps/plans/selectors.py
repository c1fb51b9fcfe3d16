"""Reads for the plan pages, scoped by the policy and prefetched to avoid N+1 queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from apps.accounts.policy import can, visible_units
from apps.orgs.models import Agency, AgencyGroup
from apps.plans.measured import measured_targets
from apps.plans.models import AREA_CHOICES, Milestone, Plan, Task, TaskAgency
from core.plandoc.diagnose import current_warnings
from core.plandoc.model import AREA_SHORT, task_ref
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
        task.ref = task_ref(task.area, task.no)
        task.leads = [a for a in task.links if a.role == TaskAgency.Role.LEAD]
        task.coordinators = [a for a in task.links if a.role == TaskAgency.Role.COORDINATING]
    return tasks


def agency_choices(plan: Plan) -> list[tuple[str, list[tuple[str, str]]]]:
    """What an unresolved printed name may be mapped to, as option groups: the plan's own unit first
    (its agencies, then its groups: a commune plan mostly names the commune's offices), then each
    superior unit's. Within a group, by name."""
    units = [plan.org_unit, *plan.org_unit.ancestors()]
    agencies: dict[int, list] = {u.pk: [] for u in units}
    groups: dict[int, list] = {u.pk: [] for u in units}
    for pk, name, unit_id in Agency.objects.filter(org_unit__in=units, is_active=True).values_list(
        "pk", "name", "org_unit_id"
    ):
        agencies[unit_id].append((f"agency:{pk}", name))
    for pk, name, unit_id in AgencyGroup.objects.filter(org_unit__in=units).values_list(
        "pk", "name", "org_unit_id"
    ):
        groups[unit_id].append((f"group:{pk}", f"Nhóm: {name}"))
    optgroups = []
    for unit in units:
        if agencies[unit.pk]:
            optgroups.append((f"Cơ quan của {unit}", sorted(agencies[unit.pk], key=lambda c: fold(c[1]))))
        if groups[unit.pk]:
            optgroups.append((f"Nhóm cơ quan của {unit}", sorted(groups[unit.pk], key=lambda c: fold(c[1]))))
    return optgroups


STATUS_FILTERS = {
    "qua_han": "Có mốc quá hạn hoặc bị trả lại",
    "sap_den_han": "Có mốc sắp đến hạn",
    "hoan_thanh": "Đã hoàn thành mọi mốc",
    "chua_xac_dinh": "Còn tên cơ quan chưa xác định",
    "dung": "Dừng thực hiện",
}


@dataclass(frozen=True)
class TaskFilter:
    """The plan page's task filter, from GET parameters so it works without JavaScript and a
    filtered view can be bookmarked or sent: ``q`` (words), ``co_quan`` ("agency:<pk>" /
    "group:<pk>"), ``trang_thai`` (a key of STATUS_FILTERS)."""

    q: str = ""
    agency: str = ""
    status: str = ""

    @classmethod
    def from_query(cls, query) -> TaskFilter:
        status = query.get("trang_thai", "")
        return cls(
            q=" ".join(query.get("q", "").split())[:200],
            agency=query.get("co_quan", "")[:40],
            status=status if status in STATUS_FILTERS else "",
        )

    def __bool__(self) -> bool:
        return bool(self.q or self.agency or self.status)

    def keeps(self, task: Task, states: dict[int, set]) -> bool:
        if self.agency and self.agency not in {_link_key(a) for a in task.links}:
            return False
        if self.status and not _has_status(task, self.status, states.get(task.pk, set())):
            return False
        return not self.q or all(word in _haystack(task) for word in fold(self.q).split())


def _link_key(link: TaskAgency) -> str:
    if link.agency_id:
        return f"agency:{link.agency_id}"
    return f"group:{link.group_id}" if link.group_id else ""


def _haystack(task: Task) -> str:
    parts = [task.ref, task.no, task.content, task.deadline_text, task.notes, *task.products]
    parts += [a.printed for a in task.links] + [str(a.resolved) for a in task.links if a.resolved]
    return fold(" ".join(p for p in parts if p))


def _has_status(task: Task, status: str, states: set) -> bool:
    from core.tracking import State

    if status == "dung":
        return task.cancelled
    if status == "chua_xac_dinh":
        return any(a.resolved is None for a in task.links)
    if task.cancelled:
        return False
    if status == "qua_han":
        return bool(states & {State.OVERDUE, State.RETURNED})
    if status == "sap_den_han":
        return State.DUE_SOON in states
    done = {State.ACCEPTED, State.DONE_LATE}
    return bool(states) and states <= done  # hoan_thanh


def _milestone_states(plan: Plan, tasks: list[Task]) -> dict[int, set]:
    """The follow-up state of each task's dated milestones (tracking's rules), for the status filter."""
    if plan.status != Plan.Status.ACTIVE:
        return {}
    from apps.tracking.calendar import work_calendar  # tracking builds on plans: imported when used
    from apps.tracking.selectors import bounds_for
    from core.tracking import milestone_state

    b, cal = bounds_for(plan.org_unit_id), work_calendar()
    return {
        t.pk: {
            milestone_state(m.due, b.today, cal, m.report_status, m.submitted_on, bounds=b)
            for m in t.milestone_list
            if m.due is not None
        }
        for t in tasks
    }


def agency_filter_choices(tasks: list[Task]) -> list[tuple[str, str]]:
    """The agencies and groups the plan's tasks name, for the "cơ quan" filter, by name."""
    seen = {_link_key(a): str(a.resolved) for t in tasks for a in t.links if a.resolved}
    return sorted(seen.items(), key=lambda kv: fold(kv[1]))


def plan_page(plan: Plan, task_filter: TaskFilter | None = None) -> dict:
    task_filter = task_filter or TaskFilter()
    tasks = _shaped(_tasks(plan))
    shown = tasks
    if task_filter:
        states = _milestone_states(plan, tasks) if task_filter.status else {}
        shown = [t for t in tasks if task_filter.keeps(t, states)]
    by_area: dict[str, list[Task]] = {}
    for task in shown:
        by_area.setdefault(task.area, []).append(task)
    areas = [
        {"code": code, "label": label, "short": AREA_SHORT.get(code, ""), "tasks": by_area[code]}
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
        "n_shown": len(shown),
        "task_filter": task_filter,
        # A draft has no milestones yet: only the agency-name status means something there.
        "status_filters": STATUS_FILTERS
        if plan.status == Plan.Status.ACTIVE
        else {"chua_xac_dinh": STATUS_FILTERS["chua_xac_dinh"]},
        "agency_filters": agency_filter_choices(tasks),
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
