"""Reads for follow-up pages: milestones with their derived state, scoped by the policy.

Rows shown one by one get their state from ``core.tracking.milestone_state``; counts over many
milestones use ``state_expression``, the same rule in SQL, so a dashboard of 150,000 milestones is
one grouped query. A test checks the two agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, CharField, F, Prefetch, Q, QuerySet, Value, When

from apps.accounts.models import Role
from apps.accounts.policy import ORG_WIDE_ROLES, subject
from apps.orgs.models import OrgUnit
from apps.plans.models import AREA_CHOICES, Milestone, Plan, TaskAgency
from apps.tracking.calendar import work_calendar
from apps.tracking.models import TrackingSettings
from cchc import clock
from core.bounds import query_int
from core.tracking import (
    DEFAULT_DUE_SOON_DAYS,
    STATE_LABELS,
    State,
    StateBounds,
    milestone_state,
    state_bounds,
    urgency_key,
)

AREA_LABELS = dict(AREA_CHOICES)
STATE_CHOICES = [(s.value, STATE_LABELS[s]) for s in State]


def due_soon_days(unit_id: int | None) -> int:
    if unit_id is None:
        return DEFAULT_DUE_SOON_DAYS
    value = (
        TrackingSettings.objects.filter(org_unit_id=unit_id).values_list("due_soon_days", flat=True).first()
    )
    return value or DEFAULT_DUE_SOON_DAYS


def tracking_today() -> date:
    """The business date (``cchc.clock.today``: real today, or the pinned demo date)."""
    return clock.today()


def bounds_for(unit_id: int | None = None, today: date | None = None) -> StateBounds:
    return state_bounds(today or tracking_today(), work_calendar(), due_soon_days(unit_id))


def tracked_milestones() -> QuerySet[Milestone]:
    """Milestones follow-up cares about: of active plans, leaving out the undated 'thường xuyên'
    placeholder (its dated quarterly check-ins stand for it) and the tasks that were cancelled
    (dừng thực hiện): kept with their history, out of every figure."""
    return Milestone.objects.filter(
        task__plan__status=Plan.Status.ACTIVE, task__cancelled_at__isnull=True
    ).exclude(kind=Milestone.Kind.CONTINUOUS, due__isnull=True)


def state_expression(b: StateBounds) -> Case:
    """``core.tracking.milestone_state`` as a SQL CASE over a Milestone queryset."""
    return Case(
        When(report_status="accepted", submitted_on__gt=F("due"), then=Value(State.DONE_LATE.value)),
        When(report_status="accepted", then=Value(State.ACCEPTED.value)),
        When(report_status__in=["submitted", "approved"], then=Value(State.SUBMITTED.value)),
        When(report_status="returned", then=Value(State.RETURNED.value)),
        When(due__isnull=True, then=Value(State.UNDATED.value)),
        When(due__lt=b.today, then=Value(State.OVERDUE.value)),
        When(due__lte=b.due_soon_until, then=Value(State.DUE_SOON.value)),
        default=Value(State.UPCOMING.value),
        output_field=CharField(),
    )


def state_q(state: str, b: StateBounds) -> Q:
    """A filter selecting one state (the CASE above, one branch at a time)."""
    open_ = Q(report_status__in=["", "draft"])
    return {
        State.DONE_LATE.value: Q(report_status="accepted", submitted_on__gt=F("due")),
        State.ACCEPTED.value: Q(report_status="accepted") & ~Q(submitted_on__gt=F("due")),
        State.SUBMITTED.value: Q(report_status__in=["submitted", "approved"]),
        State.RETURNED.value: Q(report_status="returned"),
        State.UNDATED.value: open_ & Q(due__isnull=True),
        State.OVERDUE.value: open_ & Q(due__lt=b.today),
        State.DUE_SOON.value: open_ & Q(due__gte=b.today, due__lte=b.due_soon_until),
        State.UPCOMING.value: open_ & Q(due__gt=b.due_soon_until),
    }.get(state, Q())


@dataclass
class Row:
    """A milestone as a list shows it."""

    milestone: Milestone
    state: State

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def task(self):
        return self.milestone.task


def with_state(milestones, b: StateBounds) -> list[Row]:
    cal = work_calendar()
    rows = [
        Row(m, milestone_state(m.due, b.today, cal, m.report_status, m.submitted_on, bounds=b))
        for m in milestones
    ]
    rows.sort(key=lambda r: urgency_key(r.state, r.milestone.due))
    return rows


def user_agencies(user) -> set[int]:
    """Agencies whose work the user does (head, staff): what they may report on."""
    return subject(user).agencies_with([Role.HEAD, Role.STAFF])


def member_agencies(user) -> set[int]:
    """Every agency the user belongs to, whatever the role: a CCHC officer seated in the Sở Nội vụ
    follows the tasks her office leads even though she reviews the whole unit's work."""
    return {m.agency_id for m in subject(user).memberships if m.agency_id}


def milestones_of_agencies(agency_ids: set[int], role: str) -> QuerySet[Milestone]:
    task_ids = TaskAgency.objects.filter(agency_id__in=agency_ids, role=role).values("task_id")
    return (
        tracked_milestones()
        .filter(task_id__in=task_ids)
        .select_related("task__plan__org_unit")
        .prefetch_related(Prefetch("task__agencies", queryset=TaskAgency.objects.select_related("agency")))
    )


def unit_ids_for(user, roles=ORG_WIDE_ROLES) -> set[int]:
    s = subject(user)
    if s.is_root:
        return set(OrgUnit.objects.values_list("pk", flat=True))
    return s.units_for(roles)


# --- "Việc của tôi" -------------------------------------------------------------------------------

WORKSPACE_LIMIT = 200


@dataclass
class Filters:
    area: str = ""
    plan: int | None = None
    state: str = ""

    @classmethod
    def from_query(cls, query) -> Filters:
        plan = query.get("ke_hoach", "")
        return cls(
            area=query.get("linh_vuc", "") if query.get("linh_vuc", "") in AREA_LABELS else "",
            plan=query_int(plan),
            state=query.get("trang_thai", "")
            if query.get("trang_thai", "") in {s.value for s in State}
            else "",
        )

    def apply(self, qs: QuerySet[Milestone], b: StateBounds) -> QuerySet[Milestone]:
        if self.area:
            qs = qs.filter(task__area=self.area)
        if self.plan:
            qs = qs.filter(task__plan_id=self.plan)
        if self.state:
            qs = qs.filter(state_q(self.state, b))
        else:  # by default what still needs the agency: everything but accepted work
            qs = qs.exclude(report_status="accepted")
        return qs


def _rows(qs: QuerySet[Milestone], f: Filters, b: StateBounds) -> tuple[list[Row], int]:
    qs = f.apply(qs, b)
    # Urgent first in SQL too, so the cut at WORKSPACE_LIMIT keeps the urgent ones.
    qs = qs.order_by(F("due").asc(nulls_last=True), "pk")
    total = qs.count()
    return with_state(list(qs[:WORKSPACE_LIMIT]), b), total


def waiting_for(user) -> Q | None:
    """Milestones whose report waits for this user: to approve (head of the reporting agency) or
    to accept (CCHC officer of the plan's unit, or of a unit above it); None when neither."""
    s = subject(user)
    heads = s.agencies_with([Role.HEAD])
    officer_units = s.units_for([Role.OFFICER]) if not s.is_root else set()
    if not heads and not officer_units:
        return None
    q = Q(report_status="submitted", report__agency_id__in=heads)
    return q | Q(report_status="approved", task__plan__org_unit_id__in=officer_units)


def workspace(user, f: Filters) -> dict:
    agencies = member_agencies(user)
    units = {m.agency.org_unit_id for m in subject(user).memberships if m.agency_id}
    b = bounds_for(next(iter(units), None))
    lead_rows, lead_total = _rows(milestones_of_agencies(agencies, "lead"), f, b)
    coord_rows, coord_total = _rows(milestones_of_agencies(agencies, "coordinating"), f, b)
    plan_ids = TaskAgency.objects.filter(agency_id__in=agencies).values("task__plan_id")
    plans = Plan.objects.filter(pk__in=plan_ids, status=Plan.Status.ACTIVE).select_related("org_unit")
    return {
        "lead_rows": lead_rows,
        "lead_total": lead_total,
        "coord_rows": coord_rows,
        "coord_total": coord_total,
        "plans": list(plans),
        "has_agency": bool(agencies),
        "filters": f,
        "areas": AREA_CHOICES,
        "states": STATE_CHOICES,
        "today": b.today,
        "limit": WORKSPACE_LIMIT,
    }


def unread_count(user) -> int:
    """Unread notices of the user, counted once per request (the top bar and the home card share it)."""
    cached = getattr(user, "_cchc_unread", None)
    if cached is None:
        from apps.tracking.models import Notification

        cached = Notification.objects.filter(user=user, read_at__isnull=True).count()
        user._cchc_unread = cached
    return cached
