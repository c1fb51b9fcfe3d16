"""The home page as a cockpit: what is late, what is due soon, what waits for me, how my unit is doing.

One panel for every role, in a fixed number of queries whatever the data (a province officer sees
thousands of milestones; the page lists the few most urgent and counts the rest). The scope is the
one "Việc của tôi" and the dashboard already use: org-wide roles (officer, leader, viewer, appraiser,
admin) look at the plans of the units they cover; agency roles (head, staff) at the tasks their
agencies lead. Rates come from ``core.measures`` (the same figures the reports print), compared with
the plan's own targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, QuerySet

from apps.accounts.models import Role
from apps.accounts.policy import ORG_WIDE_ROLES, can, subject
from apps.orgs.models import OrgUnit
from apps.plans.models import Milestone, Plan, Target, TaskAgency
from apps.plans.selectors import plans_in_force
from apps.tracking.queue import QueueItem, queue_items
from apps.tracking.selectors import (
    bounds_for,
    member_agencies,
    state_q,
    tracked_milestones,
    unread_count,
    user_agencies,
)
from core import measures
from core.reporting.targets import VERDICT_LABELS, Verdict, verdict
from core.tracking import State, StateBounds

LIST_LIMIT = 8  # rows per list; the count says how many more there are
UNIT_LIMIT = 3  # units whose rates are shown (the user's own units first)
RATE_CODES = ("task_completion_rate", "task_on_time_rate")


@dataclass
class Scope:
    """Which milestones the cockpit watches, and how to say it."""

    milestones: QuerySet[Milestone]
    label: str
    unit_id: int | None  # for the unit's own "due soon" setting


def _home_units(user) -> list[OrgUnit]:
    """The units the user belongs to, most senior first (a superuser: the top-level units)."""
    s = subject(user)
    if s.is_root:
        return list(OrgUnit.objects.filter(parent__isnull=True, valid_to__isnull=True).order_by("name"))
    seen: dict[int, OrgUnit] = {}
    for m in sorted(s.memberships, key=lambda m: (m.org_unit.level, m.org_unit.name)):
        seen.setdefault(m.org_unit_id, m.org_unit)
    return list(seen.values())


def scope_of(user) -> Scope | None:
    """Org-wide roles watch their units' plans; agency roles their agencies' lead tasks."""
    s = subject(user)
    if s.is_root:
        return Scope(tracked_milestones(), "mọi đơn vị", None)
    units = s.units_for(ORG_WIDE_ROLES)
    if units:
        own = [m.org_unit for m in s.memberships if m.role in ORG_WIDE_ROLES]
        label = own[0].name if len(own) == 1 else "các đơn vị bạn theo dõi"
        if own and own[0].level != OrgUnit.Level.COMMUNE:
            label += " và các đơn vị cấp dưới"
        return Scope(tracked_milestones().filter(task__plan__org_unit_id__in=units), label, own[0].pk)
    agencies = user_agencies(user)
    if agencies:
        leads = TaskAgency.objects.filter(agency_id__in=agencies, role=TaskAgency.Role.LEAD).values("task_id")
        names = [m.agency.name for m in s.memberships if m.agency_id in agencies]
        unit_id = next(m.org_unit_id for m in s.memberships if m.agency_id in agencies)
        return Scope(tracked_milestones().filter(task_id__in=leads), "; ".join(names), unit_id)
    return None


def _listed(qs: QuerySet[Milestone]) -> list[Milestone]:
    """The first rows of a list, with unit and lead agencies in two more queries (no N+1)."""
    leads = TaskAgency.objects.filter(role=TaskAgency.Role.LEAD).select_related("agency", "group")
    return list(
        qs.select_related("task__plan__org_unit")
        .prefetch_related(Prefetch("task__agencies", queryset=leads, to_attr="lead_links"))
        .order_by("due", "pk")[:LIST_LIMIT]
    )


def _urgent(scope: Scope, b: StateBounds) -> dict:
    qs = scope.milestones.order_by()
    counts = qs.aggregate(
        **{
            s.value: Count("pk", filter=state_q(s.value, b))
            for s in (State.OVERDUE, State.DUE_SOON, State.RETURNED)
        }
    )
    overdue = _listed(scope.milestones.filter(state_q(State.OVERDUE.value, b))) if counts["overdue"] else []
    soon = _listed(scope.milestones.filter(state_q(State.DUE_SOON.value, b))) if counts["due_soon"] else []
    for m in overdue:
        m.days_late = (b.today - m.due).days
    for m in soon:
        m.days_left = (m.due - b.today).days
    return {
        "n_overdue": counts["overdue"],
        "n_due_soon": counts["due_soon"],
        "n_returned": counts["returned"],
        "overdue": overdue,
        "due_soon": soon,
        "due_soon_until": b.due_soon_until,
    }


def waiting_for(user) -> list[QueueItem]:
    """Reports waiting for this user's decision: the lines of the reviewers' queue
    (``apps.tracking.queue``), the longest-waiting first. Each line's wait is the queue's own
    count of working days (``queue.working_days_waited``), so the card and the queue page agree."""
    rows = queue_items(user)
    rows.sort(key=lambda i: (i.waiting_since is None, i.waiting_since or date.max))
    return rows


@dataclass
class Rate:
    name: str
    measurement: measures.Measurement | None
    target: Target | None
    verdict: str

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS.get(self.verdict, "")

    @property
    def target_value(self) -> float | None:
        return float(self.target.value) if self.target and self.target.value is not None else None


def unit_rates(units: list[OrgUnit], today: date) -> list[dict]:
    """Each unit's completion and on-time rates this year (``core.measures``, as the reports compute
    them), against the targets of the unit's active plan that name these indicators."""
    if not units:
        return []
    plans = plans_in_force([u.pk for u in units], today, today).order_by("org_unit_id", "-period_start")
    plan_of: dict[int, Plan] = {}
    for p in plans:
        plan_of.setdefault(p.org_unit_id, p)
    targets: dict[tuple[int, str], Target] = {}
    for t in Target.objects.filter(plan__in=list(plan_of.values()), indicator__in=RATE_CODES).order_by(
        "position"
    ):
        targets.setdefault((t.plan_id, t.indicator), t)
    names = {spec.code: spec.name for spec in measures.registered()}
    period = measures.calendar_period(f"{today.year}-Y")
    out = []
    with measures.session():
        for unit in units:
            plan = plan_of.get(unit.pk)
            rates = []
            for code in RATE_CODES:
                m = measures.measure(code, unit, period)
                target = targets.get((plan.pk, code)) if plan else None
                value = m.value if m else None
                goal = float(target.value) if target and target.value is not None else None
                v = verdict(value, target.comparator if target else "", goal)
                rates.append(
                    Rate(names.get(code, code), m, target, v.value if target else Verdict.NO_TARGET.value)
                )
            out.append({"unit": unit, "plan": plan, "rates": rates})
    return out


def _own_office(user, agencies: set[int], b: StateBounds) -> dict | None:
    """For an org-wide role seated in an agency (the CCHC officer in the Sở Nội vụ): what that
    office itself leads, late and due soon, one query. Agency roles already see exactly this."""
    if not agencies or subject(user).agencies_with([Role.HEAD, Role.STAFF]):
        return None
    leads = TaskAgency.objects.filter(agency_id__in=agencies, role=TaskAgency.Role.LEAD).values("task_id")
    counts = (
        tracked_milestones()
        .filter(task_id__in=leads)
        .order_by()
        .aggregate(
            **{s.value: Count("pk", filter=state_q(s.value, b)) for s in (State.OVERDUE, State.DUE_SOON)}
        )
    )
    names = sorted({m.agency.name for m in subject(user).memberships if m.agency_id in agencies})
    return {"names": "; ".join(names), "overdue": counts["overdue"], "due_soon": counts["due_soon"]}


def cockpit_panel(user) -> dict | None:
    """Everything the home page shows above the user's roles; None for a user with no scope at all."""
    scope = scope_of(user)
    b = bounds_for(scope.unit_id if scope else None)
    waiting = waiting_for(user)
    unread = unread_count(user)
    if scope is None and not waiting and not unread:
        return None
    s = subject(user)
    agencies = member_agencies(user)
    rated = [u for u in _home_units(user) if s.is_root or u.pk in s.units_for()][:UNIT_LIMIT]
    rates = unit_rates(rated, b.today)
    for r in rates:  # the indicators page is for org-wide roles; a link shown must open
        r["indicators"] = can(user, "reports.view", r["unit"]) or can(user, "reports.oversee", r["unit"])
    return {
        "scope": scope,
        "today": b.today,
        **(_urgent(scope, b) if scope else {}),
        "waiting": waiting,
        "unread": unread,
        "has_agency": bool(agencies),
        "own_office": _own_office(user, agencies, b),
        "is_agency_role": bool(s.agencies_with([Role.HEAD, Role.STAFF])),
        "rates": rates,
    }
