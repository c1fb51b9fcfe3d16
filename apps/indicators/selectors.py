"""Reads for the indicator pages: the dashboard of a unit and period, its drill-down (subordinate
units → sectors → procedures → dossiers), the monthly trend, and the late dossiers without an
apology letter. Every breakdown is one grouped query over the roll-ups, whatever the number of rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, Sum
from django.http import Http404
from django.utils import timezone

from apps.accounts.policy import can, visible_units
from apps.dossiers.models import Dossier, Procedure, Sector
from apps.indicators import engine
from apps.orgs.models import OrgUnit
from cchc import clock
from core import qd766
from core.measures import calendar_period
from core.reporting.periods import Period, PeriodError

KEY_CODES = (
    "on_time_rate",
    "online_dossier_rate",
    "online_payment_rate",
    "digitized_result_rate",
    "data_reuse_rate",
)


def period_choices(year: int) -> list[tuple[int, list[Period]]]:
    """Periods to choose from, grouped by year: this one, the two before it and the period's own."""
    this = clock.today().year
    out = []
    for y in sorted({this, this - 1, this - 2, year}, reverse=True):
        codes = [f"{y}-Y", f"{y}-Q1", f"{y}-Q2", f"{y}-Q3", f"{y}-Q4", f"{y}-H1", f"{y}-9M"]
        codes += [f"{y}-M{m:02d}" for m in range(1, 13)]
        out.append((y, [calendar_period(c) for c in codes]))
    return out


def default_period() -> Period:
    today = clock.today()
    return calendar_period(f"{today.year}-Q{(today.month - 1) // 3 + 1}")


def period_or_404(code: str | None) -> Period:
    if not code:
        return default_period()
    try:
        return calendar_period(code)
    except PeriodError as exc:
        raise Http404(str(exc)) from exc


def units_for(user):
    """Units whose indicators the user may see, top levels first."""
    return [u for u in visible_units(user).order_by("level", "name") if can(user, "indicators.view", u)]


def unit_or_404(user, pk) -> OrgUnit:
    units = visible_units(user)
    unit = units.filter(pk=pk).first() if str(pk or "").isdigit() else None
    if unit is None:
        unit = next(iter(units_for(user)), None) if not pk else None
    if unit is None or not can(user, "indicators.view", unit):
        raise Http404("Không có đơn vị này hoặc bạn không được xem.")
    return unit


@dataclass
class Row:
    key: int | None
    label: str
    counts: qd766.Counts
    results: dict[str, qd766.Result]

    @property
    def received(self) -> int:
        return self.counts.received

    def value(self, code: str):
        r = self.results.get(code)
        return None if r is None else r.value

    @property
    def values(self) -> list:
        return [self.value(c) for c in KEY_CODES]

    @property
    def dossier_points(self) -> float:
        return qd766.total_points([r for r in self.results.values() if r.definition.source == qd766.DOSSIERS])


def _rows(unit_ids, period: Period, group: str, labels: dict[int, str], fold=None) -> list[Row]:
    """Counts of the roll-ups grouped by ``group`` (org_unit_id, sector_id, procedure_id), evaluated."""
    fields = {name: Sum(name) for name in engine.SUMS}
    fields["open_on_time"] = Sum("open", filter=Q(open_until__gte=period.end))
    sums: dict[int, dict] = defaultdict(lambda: defaultdict(int))
    for r in engine.rollups(unit_ids, period).values(group).annotate(**fields):
        key = fold(r[group]) if fold else r[group]
        if key is None:
            continue
        for name in fields:
            sums[key][name] += r[name] or 0
    scheme = qd766.scheme_for(period.year)
    out = []
    for key, s in sums.items():
        s = dict(s)
        s["on_time"] += s.pop("open_on_time")
        counts = qd766.Counts(**s)
        results = {r.code: r for r in qd766.evaluate(scheme, counts, commune=True)}
        out.append(Row(key, labels.get(key, "—"), counts, results))
    return sorted(out, key=lambda row: row.label)


def unit_rows(unit: OrgUnit, period: Period) -> list[Row]:
    """Subordinate units, each with its own subtree's dossiers."""
    children = list(OrgUnit.objects.filter(parent=unit).order_by("name"))
    if not children:
        return []
    owner: dict[int, int] = {}
    for child in children:
        for pk in child.subtree_ids():
            owner[pk] = child.pk
    labels = {c.pk: c.name for c in children}
    return _rows(list(owner), period, "org_unit_id", labels, fold=owner.get)


def sector_rows(unit: OrgUnit, period: Period) -> list[Row]:
    return _rows(unit.subtree_ids(), period, "sector_id", dict(Sector.objects.values_list("pk", "name")))


def procedure_rows(unit: OrgUnit, period: Period, sector: Sector) -> list[Row]:
    labels = {p.pk: f"{p.code} — {p.name}" for p in Procedure.objects.filter(sector=sector)}
    rows = _rows(unit.subtree_ids(), period, "procedure_id", labels)
    return [r for r in rows if r.key in labels]


def bounds(period: Period) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(period.start, time()), tz)
    stop = timezone.make_aware(datetime.combine(period.end + timedelta(days=1), time()), tz)
    return start, stop


def dossiers(unit: OrgUnit, period: Period, *, sector=None, procedure=None):
    start, stop = bounds(period)
    rows = Dossier.objects.filter(
        org_unit_id__in=unit.subtree_ids(), received_at__gte=start, received_at__lt=stop
    )
    if sector is not None:
        rows = rows.filter(sector=sector)
    if procedure is not None:
        rows = rows.filter(procedure=procedure)
    return rows.order_by("-received_at", "code")


def late_without_apology(unit: OrgUnit, period: Period, today: date | None = None):
    """Dossiers received in the period that are late as of ``today`` and have no apology letter."""
    rows = dossiers(unit, period).filter(apology_at__isnull=True)
    return engine.annotate_late(rows, today or clock.today()).order_by("due_at", "code")


def with_names(rows):
    """Attach procedure, agency and unit names to a page of dossiers in three queries."""
    rows = list(rows)
    procedures = {p.pk: p for p in Procedure.objects.filter(pk__in={r.procedure_id for r in rows})}
    from apps.orgs.models import Agency

    agencies = dict(
        Agency.objects.filter(pk__in={r.agency_id for r in rows if r.agency_id}).values_list("pk", "name")
    )
    units = dict(OrgUnit.objects.filter(pk__in={r.org_unit_id for r in rows}).values_list("pk", "name"))
    for r in rows:
        r.procedure_obj = procedures.get(r.procedure_id)
        r.agency_label = agencies.get(r.agency_id) or r.agency_name or "Chưa xác định"
        r.unit_name = units.get(r.org_unit_id, "")
    return rows


def trend(unit: OrgUnit, period: Period, code: str) -> list[tuple[str, float]]:
    return [(label, v) for label, v in engine.monthly(unit, period.year, code) if v is not None]


def chain(unit: OrgUnit) -> list[OrgUnit]:
    return list(reversed(unit.ancestors()))
