"""Fill a ``ReportData`` from the database: plans, tasks and their follow-up, indicator values.

Reads work on a list of units at once, with a fixed number of queries whatever the number of units
or tasks, so a province compiling 200 communes does a few queries per batch, not per task.
Everything missing (no plan, no tasks, no reports, no values) becomes a plain sentence in
``ReportData.missing`` instead of an error.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch

from apps.orgs.models import OrgUnit
from apps.plans.models import Milestone, Plan, Target, Task, TaskAgency
from apps.plans.selectors import plans_in_force
from apps.reports.models import Indicator, IndicatorValue, PeriodicReport
from apps.tracking.models import Evidence
from cchc import clock
from core import measures
from core.reporting.data import (
    CommuneRow,
    EvidenceRef,
    IndicatorFact,
    Narrative,
    ReportData,
    TaskFact,
    commune_from_dict,
)
from core.reporting.draft import draft_narrative, missing_statements
from core.reporting.facts import MilestoneFact, as_it_stood, summarise
from core.reporting.periods import Period, PeriodError, parse_period
from core.reporting.targets import Verdict, verdict


@dataclass
class UnitFacts:
    """What the database says about one unit for one period."""

    plans: list[str] = field(default_factory=list)
    tasks: list[TaskFact] = field(default_factory=list)
    indicators: list[IndicatorFact] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _agency_name(link: TaskAgency) -> str:
    if link.agency_id:
        return link.agency.name
    if link.group_id:
        return link.group.name
    return link.printed


def _evidence_ref(e: Evidence) -> EvidenceRef:
    return EvidenceRef(e.title, e.url or (e.file.name.rsplit("/", 1)[-1] if e.file else ""))


def _milestone_fact(m: Milestone, as_of: date) -> MilestoneFact:
    """The milestone as it stood on the cut-off day (``as_it_stood``, shared with the unit
    figures so the report and the home page count the same tasks as done)."""
    fact = MilestoneFact(due=m.due, workflow=m.report_status, submitted_on=m.submitted_on)
    if as_it_stood(fact, as_of) is not fact:
        return MilestoneFact(due=m.due)
    report = getattr(m, "report", None)
    if report is not None:
        fact.progress, fact.percent, fact.text = report.progress, report.percent, report.text
        fact.evidence = [_evidence_ref(e) for e in report.evidence.all()]
    return fact


def _active_plans(unit_ids: list[int], period: Period):
    return plans_in_force(unit_ids, period.start, period.end).order_by("period_start", "pk")


def _plan_label(plan: Plan) -> str:
    number = f" số {plan.decision_number}" if plan.decision_number else ""
    signed = f" ngày {plan.signed_date:%d/%m/%Y}" if plan.signed_date else ""
    return f"{plan.title}{number}{signed}"


def _tasks(plan_ids: list[int]):
    milestones = Milestone.objects.select_related("report").prefetch_related(
        Prefetch("report__evidence", queryset=Evidence.objects.order_by("uploaded_at"))
    )
    return (
        Task.objects.filter(plan_id__in=plan_ids, cancelled_at__isnull=True)  # cancelled: out of figures
        .select_related("plan")
        .prefetch_related(
            Prefetch("agencies", queryset=TaskAgency.objects.select_related("agency", "group")),
            Prefetch("milestones", queryset=milestones),
        )
        .order_by("plan_id", "position")
    )


def _task_fact(task: Task, period: Period, unit_name: str) -> TaskFact:
    # A report drafted before its cut-off day is a picture of today: a deadline still ahead is not
    # missed (and the unit figures on the home page, cut at today too, say the same).
    as_of = min(period.end, clock.today())
    ms = [_milestone_fact(m, as_of) for m in task.milestones.all()]
    state, result, percent, evidence, due = summarise(ms, as_of)
    links = task.agencies.all()
    return TaskFact(
        area=task.area,
        no=task.no,
        content=task.content,
        state=state,
        lead=[_agency_name(x) for x in links if x.role == TaskAgency.Role.LEAD],
        coordinating=[_agency_name(x) for x in links if x.role == TaskAgency.Role.COORDINATING],
        deadline_text=task.deadline_text,
        due=due,
        result=result,
        percent=percent,
        evidence=evidence,
        unit=unit_name,
    )


def _measured(code: str, unit: OrgUnit | None, period: Period):
    """A figure CCHC computes itself (``core.measures``, e.g. dossier indicators): this period's
    measurement and the quarters of the year up to it; None when nobody measures it or no data."""
    if unit is None or not measures.is_measurable(code):
        return None
    try:
        current = measures.measure(code, unit, measures.calendar_period(period.code))
    except PeriodError:
        return None
    if current is None or current.value is None:
        return None
    trend = []
    for q in range(1, 5):
        quarter = measures.calendar_period(f"{period.year}-Q{q}")
        if quarter.end > period.end:
            break
        m = measures.measure(code, unit, quarter)
        if m is not None and m.value is not None:
            trend.append((quarter.label, m.value))
    return current, trend or [(period.label, current.value)]


def _measure_name(code: str) -> str:
    return next((spec.name for spec in measures.registered() if spec.code == code), code)


def _indicator_facts(
    targets: list[Target],
    values: list[IndicatorValue],
    catalog: dict[str, Indicator],
    period: Period,
    unit: OrgUnit | None = None,
) -> list[IndicatorFact]:
    """Each target of the period's year (or of the whole plan) against this period's value."""
    by_code: dict[str, list[IndicatorValue]] = defaultdict(list)
    for v in sorted(values, key=lambda v: v.period_end):
        by_code[v.indicator.code].append(v)
    out: list[IndicatorFact] = []
    seen: set[str] = set()
    for t in targets:
        if t.year not in (None, period.year):
            continue
        out.append(_indicator_fact(t.indicator, catalog, by_code, period, target=t, unit=unit))
        seen.add(t.indicator)
    for code in by_code:
        if code not in seen and any(v.period_code == period.code for v in by_code[code]):
            out.append(_indicator_fact(code, catalog, by_code, period))
            seen.add(code)
    # Figures CCHC measures for the unit that no target names (petitions handled on time, ...).
    if unit is not None:
        for spec in measures.registered():
            if spec.code not in seen:
                fact = _indicator_fact(spec.code, catalog, by_code, period, unit=unit)
                if fact.value is not None:
                    out.append(fact)
    return out


def _indicator_fact(
    code: str, catalog, by_code, period: Period, target: Target | None = None, unit: OrgUnit | None = None
) -> IndicatorFact:
    """The target against the measured figure when CCHC measures it, else the value entered by hand."""
    indicator = catalog.get(code)
    history = by_code.get(code, [])
    current = next((v for v in history if v.period_code == period.code), None)
    value = float(current.value) if current else None
    measured = _measured(code, unit, period)
    source = current.source if current else ""
    note = current.evidence_note if current else ""
    trend = [
        (parse_period(v.period_code).label, float(v.value)) for v in history if v.period_end <= period.end
    ]
    if measured is not None:
        m, trend = measured
        value, source, note = m.value, f"{m.source} (tính tự động)", m.formula
    target_value = float(target.value) if target is not None and target.value is not None else None
    comparator = target.comparator if target is not None else ""
    unit = (target.unit if target is not None and target.unit else None) or (
        indicator.unit if indicator else "%"
    )
    return IndicatorFact(
        code=code,
        name=indicator.name if indicator else _measure_name(code),
        unit=unit,
        target_text=target.text if target is not None else "",
        comparator=comparator,
        target_value=target_value,
        year=target.year if target is not None else None,
        value=value,
        source=source,
        evidence_note=note,
        verdict=(
            verdict(value, comparator, target_value)
            if target is not None
            else (Verdict.NO_TARGET if value is not None else Verdict.NO_DATA)
        ).value,
        trend=trend,
    )


def unit_facts(units: list[OrgUnit], period: Period) -> dict[int, UnitFacts]:
    """Facts of several units for one period, in six queries whatever their number."""
    ids = [u.pk for u in units]
    names = {u.pk: u.name for u in units}
    out = {pk: UnitFacts() for pk in ids}
    plans = list(_active_plans(ids, period))
    for p in plans:
        out[p.org_unit_id].plans.append(_plan_label(p))
    reported: dict[int, int] = defaultdict(int)
    for task in _tasks([p.pk for p in plans]):
        unit_id = task.plan.org_unit_id
        fact = _task_fact(task, period, names[unit_id])
        out[unit_id].tasks.append(fact)
        reported[unit_id] += bool(fact.result or fact.percent is not None)
    targets: dict[int, list[Target]] = defaultdict(list)
    for t in (
        Target.objects.filter(plan__in=plans)
        .exclude(indicator="")
        .select_related("plan")
        .order_by("plan_id", "position")
    ):
        targets[t.plan.org_unit_id].append(t)
    values: dict[int, list[IndicatorValue]] = defaultdict(list)
    for v in IndicatorValue.objects.filter(org_unit_id__in=ids, period_end__lte=period.end).select_related(
        "indicator"
    ):
        values[v.org_unit_id].append(v)
    catalog = {i.code: i for i in Indicator.objects.all()}
    by_pk = {u.pk: u for u in units}
    for pk, facts in out.items():
        facts.indicators = _indicator_facts(targets[pk], values[pk], catalog, period, by_pk[pk])
        facts.missing = missing_statements(
            has_plan=bool(facts.plans),
            n_tasks=len(facts.tasks),
            n_reported=reported[pk],
            # the plan's targets only: a figure no target names cannot leave a target unassessed
            n_indicators=sum(1 for i in facts.indicators if i.target_text),
            n_values=sum(1 for i in facts.indicators if i.target_text and i.value is not None),
            period_label=period.label,
        )
    return out


def narrative_of(report: PeriodicReport) -> Narrative:
    return Narrative(
        direction=report.direction,
        areas=dict(report.area_texts or {}),
        achievements=report.achievements,
        limitations=report.limitations,
        causes=report.causes,
        next_tasks=report.next_tasks,
        proposals=report.proposals,
    )


def issuer_of(unit: OrgUnit) -> str:
    return f"ỦY BAN NHÂN DÂN {unit.name.upper()}"


def report_data(unit: OrgUnit, period: Period, report: PeriodicReport | None = None) -> ReportData:
    """The data of a unit's report: frozen when signed, else read now (narrative drafted if new)."""
    if report is not None and report.snapshot:
        return ReportData.from_dict(report.snapshot)
    facts = unit_facts([unit], period)[unit.pk]
    data = ReportData(
        unit_name=unit.name,
        issuer=issuer_of(unit),
        period_code=period.code,
        period_title=period.title,
        period_start=period.start,
        period_end=period.end,
        due=period.due,
        place=unit.short_name,
        unit_level=unit.level,
        plans=facts.plans,
        tasks=facts.tasks,
        indicators=facts.indicators,
        missing=facts.missing,
    )
    if report is not None:
        data.version = report.version
        data.parent_body, data.number, data.report_date = (
            report.parent_body,
            report.number,
            report.report_date,
        )
        data.place = report.place or data.place
        data.recipients = [r for r in report.recipients.splitlines() if r.strip()]
        data.signer_authority, data.signer_title = report.signer_authority, report.signer_title
        data.signer_name = report.signer_name
        if report.compiled:
            data.communes = compiled_rows(report.compiled)
    data.narrative = narrative_of(report) if report is not None and report.drafted else draft_narrative(data)
    return data


def compiled_rows(compiled: dict) -> list[CommuneRow]:
    return [commune_from_dict(row) for row in compiled.get("rows", [])]
