"""Dashboard reads: counts by state per area, agency and subordinate unit, in a few grouped queries.

Each count is one SQL query grouped on ``state_expression`` (the state rule as a CASE), so a
province of 200 communes and 150,000 milestones is read in well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, QuerySet

from apps.orgs.models import Agency, OrgUnit
from apps.plans.models import Milestone, Plan, Task, TaskAgency
from apps.plans.selectors import plans_in_force
from apps.tracking.selectors import AREA_LABELS, state_expression, tracked_milestones
from core.tracking import STATE_LABELS, State, StateBounds

# Stacking order of the bars: done first, then waiting, then what is wrong, then the future.
BAR_ORDER = [
    State.ACCEPTED,
    State.DONE_LATE,
    State.SUBMITTED,
    State.RETURNED,
    State.OVERDUE,
    State.DUE_SOON,
    State.UPCOMING,
    State.UNDATED,
]
DONE = {State.ACCEPTED.value, State.DONE_LATE.value}


@dataclass
class Tally:
    """Counts by state of one row (an area, an agency, a unit) and its bar segments."""

    key: object
    label: str
    counts: dict[str, int] = field(default_factory=dict)
    tasks: int = 0  # distinct tasks behind the milestones (the unit rows; the reports count tasks)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return sum(self.counts.get(s, 0) for s in DONE)

    @property
    def overdue(self) -> int:
        return self.counts.get(State.OVERDUE.value, 0)

    @property
    def pct_done(self) -> int | None:
        """None when there is nothing to do: no plan for the year is not 0% done."""
        return round(100 * self.done / self.total) if self.total else None

    @property
    def segments(self) -> list[dict]:
        out, x = [], 0.0
        for s in BAR_ORDER:
            n = self.counts.get(s.value, 0)
            if n:
                w = 100 * n / self.total
                out.append(
                    {"x": round(x, 2), "w": round(w, 2), "state": s.value, "n": n, "label": STATE_LABELS[s]}
                )
                x += w
        return out


def _group(qs: QuerySet[Milestone], key: str, b: StateBounds) -> dict[object, dict[str, int]]:
    out: dict[object, dict[str, int]] = {}
    rows = qs.annotate(st=state_expression(b)).values(key, "st").annotate(n=Count("pk")).order_by()
    for row in rows:
        out.setdefault(row[key], {})[row["st"]] = row["n"]
    return out


def in_year(qs: QuerySet[Milestone], unit_ids, year: int) -> QuerySet[Milestone]:
    """Milestones that count for ``year``: of the plans in force that year (the rule the periodic
    reports use, ``plans_in_force``), due within the year or not yet dated."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    plans = plans_in_force(unit_ids, first, last).values("pk")
    return qs.filter(task__plan__in=plans).filter(Q(due__range=(first, last)) | Q(due__isnull=True))


def scope(unit: OrgUnit, plan: Plan | None, year: int) -> QuerySet[Milestone]:
    qs = in_year(tracked_milestones(), [unit.pk], year)
    return qs.filter(task__plan=plan) if plan else qs


def by_area(qs: QuerySet[Milestone], b: StateBounds) -> list[Tally]:
    grouped = _group(qs, "task__area", b)
    order = list(AREA_LABELS)  # the official order of the seven areas, as reports list them
    codes = sorted(grouped, key=lambda code: order.index(code) if code in order else len(order))
    return [Tally(code, AREA_LABELS.get(code, code), grouped[code]) for code in codes]


def by_agency(qs: QuerySet[Milestone], b: StateBounds) -> list[Tally]:
    lead = qs.filter(task__agencies__role=TaskAgency.Role.LEAD, task__agencies__agency__isnull=False)
    grouped = _group(lead, "task__agencies__agency", b)
    names = dict(Agency.objects.filter(pk__in=grouped).values_list("pk", "name"))
    rows = [Tally(pk, names.get(pk, "?"), counts) for pk, counts in grouped.items()]
    return sorted(rows, key=lambda t: (-t.overdue, t.label))


@dataclass
class Punctuality:
    agency: str
    due: int
    on_time: int
    late: int
    missing: int

    @property
    def rate(self) -> int:
        return round(100 * self.on_time / self.due) if self.due else 100


def ranking(qs: QuerySet[Milestone], b: StateBounds) -> list[Punctuality]:
    """Agencies by on-time reporting over milestones already due: sent by the due date, sent late,
    or still missing."""
    due = qs.filter(
        due__lt=b.today, task__agencies__role=TaskAgency.Role.LEAD, task__agencies__agency__isnull=False
    )
    sent = Q(submitted_on__isnull=False)
    rows = (
        due.values("task__agencies__agency", "task__agencies__agency__name")
        .annotate(
            n=Count("pk"),
            on_time=Count("pk", filter=sent & Q(submitted_on__lte=F("due"))),
            late=Count("pk", filter=sent & Q(submitted_on__gt=F("due"))),
            missing=Count("pk", filter=Q(submitted_on__isnull=True)),
        )
        .order_by()
    )
    out = [
        Punctuality(r["task__agencies__agency__name"], r["n"], r["on_time"], r["late"], r["missing"])
        for r in rows
    ]
    return sorted(out, key=lambda p: (-p.rate, -p.due, p.agency))


def late_list(qs: QuerySet[Milestone], b: StateBounds, limit: int = 50) -> list[Milestone]:
    """Overdue and unreported milestones, the oldest first, with their lead agencies."""
    return list(
        qs.filter(report_status__in=["", "draft"], due__lt=b.today)
        .select_related("task__plan__org_unit")
        .prefetch_related("task__agencies__agency")
        .order_by("due")[:limit]
    )


def subordinate_units(unit: OrgUnit, b: StateBounds, year: int) -> list[Tally]:
    """The same counts for each unit under ``unit`` (communes of a province), for drill-down."""
    ids = unit.subtree_ids()
    ids.discard(unit.pk)
    if not ids:
        return []
    qs = in_year(tracked_milestones(), ids, year)
    grouped = _group(qs, "task__plan__org_unit", b)
    # Tasks as the compiled report counts them: every task of the plans in force, with or without
    # a dated milestone (a task without a deadline is still a task not done).
    first, last = date(year, 1, 1), date(year, 12, 31)
    tasks = dict(
        Task.objects.filter(plan__in=plans_in_force(ids, first, last).values("pk"), cancelled_at__isnull=True)
        .values("plan__org_unit")
        .annotate(n=Count("pk"))
        .values_list("plan__org_unit", "n")
        .order_by()
    )
    units = OrgUnit.objects.filter(pk__in=ids).values_list("pk", "name", "valid_to")
    # Units that ended (the districts abolished on 01/7/2025) are listed only if they had work.
    rows = [
        Tally(pk, name, grouped.get(pk, {}), tasks.get(pk, 0))
        for pk, name, ended in units
        if ended is None or pk in grouped
    ]
    return sorted(rows, key=lambda t: (-t.overdue, t.label))
