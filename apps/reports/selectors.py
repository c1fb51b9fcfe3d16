"""Reads for the report pages: a unit's periods, its reports, and what its subordinates have sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.http import Http404
from django.utils.safestring import mark_safe

from apps.accounts.models import Membership, Role
from apps.accounts.policy import can, visible_units
from apps.orgs.models import OrgUnit
from apps.reports.compile import latest_reports, subordinates
from apps.reports.models import Indicator, IndicatorValue, PeriodicReport, ReportingPeriod
from cchc import clock
from core.reporting.chart import trend_svg
from core.reporting.periods import (
    Kind,
    Period,
    PeriodError,
    PeriodRule,
    due_between,
    merge_rules,
    parse_period,
    periods_of_year,
)
from core.reporting.targets import VERDICT_LABELS

DUE_HORIZON_DAYS = 30  # a superior sees periods due within this many days (and the overdue ones)


def rules_for(unit: OrgUnit) -> dict[Kind, PeriodRule]:
    """National defaults, overridden by the unit's superiors (top first), then by the unit itself."""
    chain = [unit, *unit.ancestors()]
    rows = ReportingPeriod.objects.filter(org_unit__in=chain) | ReportingPeriod.objects.filter(
        org_unit__isnull=True
    )
    by_unit: dict[int | None, dict[Kind, PeriodRule]] = {}
    for row in rows:
        by_unit.setdefault(row.org_unit_id, {})[Kind(row.kind)] = row.rule()
    layers = [by_unit.get(None, {})] + [by_unit.get(u.pk, {}) for u in reversed(chain)]
    return merge_rules(layers)


def period_for(unit: OrgUnit, code: str) -> Period:
    """The period a code names for this unit; a bad code is a 404 on pages (PeriodError elsewhere)."""
    return parse_period(code, rules_for(unit))


def period_or_404(unit: OrgUnit, code: str) -> Period:
    try:
        return period_for(unit, code)
    except PeriodError as exc:
        raise Http404(str(exc)) from exc


def unit_or_404(user, pk: int) -> OrgUnit:
    unit = visible_units(user).select_related("parent").filter(pk=pk).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def latest_report(unit: OrgUnit, code: str) -> PeriodicReport | None:
    return PeriodicReport.objects.filter(org_unit=unit, period_code=code).order_by("-version").first()


def versions(unit: OrgUnit, code: str) -> list[PeriodicReport]:
    return list(
        PeriodicReport.objects.filter(org_unit=unit, period_code=code)
        .order_by("-version")
        .only("pk", "version", "status", "submitted_on", "signed_at", "org_unit_id", "due")
    )


def default_leader_name(unit: OrgUnit) -> str:
    m = (
        Membership.objects.filter(org_unit=unit, role=Role.LEADER)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return m.user.get_full_name() if m else ""


@dataclass
class SubordinateRow:
    unit: OrgUnit
    report: PeriodicReport | None
    due: date
    today: date

    @property
    def state(self) -> str:
        r = self.report
        if r is not None and r.status == PeriodicReport.Status.SUBMITTED:
            return "on_time" if r.on_time else "late"
        return "overdue" if self.today > self.due else "pending"

    @property
    def label(self) -> str:
        return {
            "on_time": "Đã gửi đúng hạn",
            "late": "Đã gửi trễ hạn",
            "overdue": "Quá hạn, chưa gửi",
            "pending": "Chưa gửi (chưa đến hạn)",
        }[self.state]


def subordinate_status(unit: OrgUnit, period: Period, today: date | None = None) -> list[SubordinateRow]:
    """Each subordinate commune and its latest report for the period: submitted on time, late, or not."""
    today = today or clock.today()
    units = subordinates(unit)
    reports = latest_reports(units, period.code)
    return [
        SubordinateRow(u, reports.get(u.pk), reports[u.pk].due if u.pk in reports else period.due, today)
        for u in units
    ]


def due_overview(user, today: date | None = None) -> list[dict]:
    """For each unit the user oversees: the required periods due soon or overdue and not submitted."""
    today = today or clock.today()
    units = [u for u in visible_units(user).order_by("level", "name") if u.level == OrgUnit.Level.COMMUNE]
    units = [u for u in units if can(user, "reports.oversee", u)][:300]
    first, last = today - timedelta(days=120), today + timedelta(days=DUE_HORIZON_DAYS)
    periods = due_between(first, last)  # national cadence; units with their own rules are checked below
    if not units or not periods:
        return []
    sent = set(
        PeriodicReport.objects.filter(
            org_unit__in=units,
            period_code__in=[p.code for p in periods],
            status=PeriodicReport.Status.SUBMITTED,
        ).values_list("org_unit_id", "period_code")
    )
    out = []
    for p in periods:
        missing = [u for u in units if (u.pk, p.code) not in sent]
        if missing:
            out.append({"period": p, "overdue": p.due < today, "units": missing, "total": len(units)})
    return out


def indicator_page(unit: OrgUnit, period: Period, facts) -> list[dict]:
    """Rows of the indicator page: the fact, its verdict label and its trend chart."""
    rows = []
    for f in facts:
        rows.append(
            {
                "fact": f,
                "verdict_label": VERDICT_LABELS.get(f.verdict, f.verdict),
                # Built by core.reporting.chart from numbers, every text in it escaped.
                "chart": mark_safe(trend_svg(f.trend, target=f.target_value, unit=f.unit, title=f.name)),  # noqa: S308
            }
        )
    return rows


def indicator_choices() -> list[Indicator]:
    return list(Indicator.objects.all())


def values_of(unit: OrgUnit, period: Period) -> dict[str, IndicatorValue]:
    return {
        v.indicator.code: v
        for v in IndicatorValue.objects.filter(org_unit=unit, period_code=period.code).select_related(
            "indicator"
        )
    }


def latest_reports_for(units: list[OrgUnit], code: str) -> dict[int, PeriodicReport]:
    return latest_reports(units, code) if units else {}


def period_choices(today: date) -> list[Period]:
    """The periods offered in the selector: this year's and last year's required reports."""
    return [p for y in (today.year, today.year - 1) for p in reversed(periods_of_year(y))]
