"""What the search box finds: plans, tasks, agencies, progress reports and periodic reports.

Each kind reads the text of the rows in the user's scope, matches it folded (``core.search``), then
loads the few rows found. The scope is that of the kind's own page: plans and their tasks through
``plans_for`` (the plan page), agencies of ``visible_units``, progress reports whose task passes
``tracking.view``, periodic reports that pass ``reports.view``. A result the user could not open is
never listed, so a search cannot reveal what the pages hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.urls import reverse

from apps.accounts.policy import can, subject, visible_units
from apps.orgs.models import Agency
from apps.plans.models import Task, TaskAgency
from apps.plans.selectors import plans_for
from apps.reports.models import PeriodicReport
from apps.tracking.models import ProgressReport
from apps.tracking.selectors import unit_ids_for, user_agencies
from core import search
from core.reporting.periods import PeriodError, parse_period

LIMIT = 20  # per kind: a search box answers "where is it", not "list everything"
SCAN = 100  # rows read for the kinds sorted or filtered again in Python (rank, period labels)


@dataclass
class Hit:
    title: str
    url: str
    detail: str = ""
    text: str = ""  # the matched text, shortened around the match


@dataclass
class Group:
    kind: str
    label: str
    hits: list[Hit] = field(default_factory=list)
    more: bool = False  # more than LIMIT matched: ask the user to add a word


@dataclass
class Results:
    query: str
    terms: list[str]
    groups: list[Group]

    @property
    def total(self) -> int:
        return sum(len(g.hits) for g in self.groups)


def _matching(qs, fields: tuple[str, ...], terms: list[str], order: tuple[str, ...], cap: int = SCAN):
    """The rows of ``qs``, in ``order``, whose ``fields`` hold every word once folded (at most
    ``cap``). The text is read plainly and folded in Python: one fold for every database, and far
    faster than PostgreSQL's ``translate()`` with a Vietnamese table (~8 µs a character)."""
    pks: list[int] = []
    for pk, *texts in qs.order_by(*order).values_list("pk", *fields).iterator(chunk_size=2000):
        if search.matches(" ".join(t for t in texts if t), terms):
            pks.append(pk)
            if len(pks) >= cap:
                break
    return qs.model.objects.filter(pk__in=pks).order_by(*order)


def _cut(rows: list, limit: int = LIMIT) -> tuple[list, bool]:
    return rows[:limit], len(rows) > limit


def plans(user, terms: list[str]) -> Group:
    qs = _matching(
        plans_for(user), ("title", "decision_number", "issuer"), terms, ("-period_end", "-pk"), LIMIT + 1
    )
    rows, more = _cut(list(qs.select_related("org_unit")))
    hits = [
        Hit(
            p.title,
            reverse("plans:detail", args=[p.pk]),
            " · ".join(x for x in [p.decision_number, str(p.org_unit), p.get_status_display()] if x),
        )
        for p in rows
    ]
    return Group("plans", "Kế hoạch", hits, more)


def tasks(user, terms: list[str]) -> Group:
    order = ("-plan__period_end", "plan_id", "position")
    qs = _matching(Task.objects.filter(plan__in=plans_for(user)), ("content",), terms, order)
    rows = sorted(qs.select_related("plan__org_unit"), key=lambda t: search.rank(t.content, terms))
    rows, more = _cut(rows)
    hits = [
        Hit(
            f"Nhiệm vụ {t.no}".strip() if t.no else "Nhiệm vụ",
            reverse("plans:detail", args=[t.plan_id]) + f"#task-{t.pk}",
            f"{t.plan.title} · {t.plan.org_unit}",
            search.snippet(t.content, terms),
        )
        for t in rows
    ]
    return Group("tasks", "Nhiệm vụ", hits, more)


def agencies(user, terms: list[str]) -> Group:
    qs = Agency.objects.filter(org_unit__in=visible_units(user))
    qs = _matching(qs, ("name", "short_name"), terms, ("-is_active", "name", "pk"), LIMIT + 1)
    rows, more = _cut(list(qs.select_related("org_unit")))
    hits = [
        Hit(
            a.name + (f" ({a.short_name})" if a.short_name else ""),
            reverse("orgs:unit_detail", args=[a.org_unit_id]) + f"#agency-{a.pk}",
            str(a.org_unit) + ("" if a.is_active else " · không còn hoạt động"),
        )
        for a in rows
    ]
    return Group("agencies", "Cơ quan, đơn vị", hits, more)


def progress_reports(user, terms: list[str]) -> Group:
    """Reports on a task's milestone, matched on their text or on the task's content; only those
    whose task the user may follow (``tracking.view``: not another agency's work)."""
    qs = ProgressReport.objects.filter(milestone__task__plan__org_unit__in=visible_units(user))
    if not subject(user).is_root:  # narrow in SQL to what tracking.view can grant; it still decides
        own_tasks = TaskAgency.objects.filter(agency_id__in=user_agencies(user)).values("task_id")
        qs = qs.filter(
            Q(milestone__task__plan__org_unit_id__in=unit_ids_for(user)) | Q(milestone__task_id__in=own_tasks)
        )
    qs = _matching(qs, ("text", "milestone__task__content"), terms, ("-updated_at", "-pk"), LIMIT * 2)
    qs = qs.select_related("agency", "milestone__task__plan__org_unit").prefetch_related(
        Prefetch(
            "milestone__task__agencies", queryset=TaskAgency.objects.only("task_id", "agency_id", "role")
        )
    )
    rows = [r for r in qs if can(user, "tracking.view", r.milestone.task)]
    rows, more = _cut(rows)
    hits = [
        Hit(
            f"{r.milestone.label} — {r.agency}",
            reverse("tracking:milestone", args=[r.milestone_id]),
            f"{r.get_progress_display()} · {r.milestone.task.plan.org_unit}",
            search.snippet(r.text, terms),
        )
        for r in rows
    ]
    return Group("progress", "Báo cáo tiến độ", hits, more)


def _period_words(code: str) -> str:
    try:
        period = parse_period(code)
    except PeriodError:
        return code
    return f"{code} {period.label} {period.title}"


def periodic_reports(user, terms: list[str]) -> Group:
    """A unit's periodic (compiled) reports, found by unit, period ("quy iii 2025"), number or text."""
    qs = PeriodicReport.objects.filter(org_unit__in=visible_units(user)).select_related("org_unit")
    narrative = ("number", "direction", "achievements", "limitations", "next_tasks", "proposals")
    order = ("-period_end", "org_unit__name", "-version")
    in_text = set(_matching(qs, narrative, terms, order).values_list("pk", flat=True))
    light = qs.only(
        "org_unit__name", "org_unit_id", "period_code", "version", "status", "number", "period_end"
    )
    rows = []
    for r in light.order_by(*order)[: SCAN * 5]:  # the label is words, not columns: matched here
        label = f"báo cáo {r.org_unit} {_period_words(r.period_code)}"
        if (r.pk in in_text or search.matches(label, terms)) and can(user, "reports.view", r):
            rows.append(r)
    rows, more = _cut(rows)
    hits = []
    for r in rows:
        try:
            period = parse_period(r.period_code).label
        except PeriodError:
            period = r.period_code
        hits.append(
            Hit(
                f"Báo cáo CCHC {period} — {r.org_unit}",
                reverse("reports:report", args=[r.org_unit_id, r.period_code]) + f"?phien-ban={r.version}",
                f"Phiên bản {r.version} · {r.get_status_display()}"
                + (f" · Số {r.number}" if r.number else ""),
            )
        )
    return Group("reports", "Báo cáo định kỳ", hits, more)


KINDS = [plans, tasks, agencies, progress_reports, periodic_reports]


def run(user, query: str) -> Results:
    """All kinds for one query; an empty or one-letter query searches nothing."""
    terms = search.terms(query)
    groups = [kind(user, terms) for kind in KINDS] if terms else []
    return Results(query=query.strip(), terms=terms, groups=[g for g in groups if g.hits])
