"""The QĐ 766 indicators of a unit over a period, read from the roll-ups the import keeps current.

One query sums the unit's (and its subordinates') roll-up rows of the period's months; a few more
count the catalogue. ``core.qd766`` turns the sums into values and points. Periods are calendar
periods of dossiers received in them (``core.measures.calendar_period``); a period that does not
start and end on month boundaries is read from the dossiers themselves.
"""

from __future__ import annotations

import threading
import time as time_module
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.cache import cache
from django.db.models import Count, Q, Sum
from django.utils import timezone

from apps.dossiers.models import Dossier, DossierRollup, Procedure
from apps.orgs.models import OrgUnit
from core import measures, qd766
from core.reporting.periods import Period

SUMS = ("received", "online", "fee_due", "paid_online", "finished", "on_time", "completed", "completed_days",
        "e_result", "e_result_known", "digitized", "digitized_known", "reused", "reused_known")  # fmt: skip


def month_aligned(period: Period) -> bool:
    return period.start.day == 1 and (period.end + timedelta(days=1)).day == 1


def _months(period: Period) -> tuple[date, date]:
    return period.start.replace(day=1), period.end.replace(day=1)


def rollups(unit_ids, period: Period, **filters):
    first, last = _months(period)
    return DossierRollup.objects.filter(
        org_unit_id__in=list(unit_ids), month__gte=first, month__lte=last, **filters
    )


def _sums(unit_ids, period: Period, **filters) -> dict:
    aggregates = {name: Sum(name) for name in SUMS}
    aggregates["open_on_time"] = Sum("open", filter=Q(open_until__gte=period.end))
    return {k: v or 0 for k, v in rollups(unit_ids, period, **filters).aggregate(**aggregates).items()}


def _sums_from_dossiers(unit_ids, period: Period, **filters) -> dict:
    """The same sums straight from the dossiers, for a period the monthly roll-ups cannot cut."""
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(period.start, time()), tz)
    stop = timezone.make_aware(datetime.combine(period.end + timedelta(days=1), time()), tz)
    rows = Dossier.objects.filter(
        org_unit_id__in=list(unit_ids), received_at__gte=start, received_at__lt=stop, **filters
    )
    finished = Q(finished_at__isnull=False)
    completed = finished & Q(status__in=[9, 10], processing_days__isnull=False)
    due_end = timezone.make_aware(datetime.combine(period.end, time()), tz)
    aggregates = dict(
        received=Count("pk"), online=Count("pk", filter=Q(channel=2)), fee_due=Count("pk", filter=Q(fee__gt=0)),
        paid_online=Count("pk", filter=Q(fee__gt=0, paid_online__in=[1, 2])), finished=Count("pk", filter=finished),
        on_time=Count("pk", filter=Q(on_time=True)), completed=Count("pk", filter=completed),
        completed_days=Sum("processing_days", filter=completed),
        e_result=Count("pk", filter=finished & Q(has_e_result=True)),
        e_result_known=Count("pk", filter=finished & Q(has_e_result__isnull=False)),
        digitized=Count("pk", filter=Q(digitized=True) & (Q(finished_at__isnull=True) | ~Q(has_e_result=False))),
        digitized_known=Count("pk", filter=Q(digitized__isnull=False)),
        reused=Count("pk", filter=Q(reused_data=True)), reused_known=Count("pk", filter=Q(reused_data__isnull=False)),
        open_on_time=Count("pk", filter=Q(finished_at__isnull=True, supplement_count__lte=1, due_at__gte=due_end)),
    )  # fmt: skip
    # aliases apart from the field names (an aggregate named like a field breaks the filters using it)
    out = rows.aggregate(**{f"n_{name}": agg for name, agg in aggregates.items()})
    out = {name[2:]: value for name, value in out.items()}
    return {k: v or 0 for k, v in out.items()}


def _catalogue(unit: OrgUnit, unit_ids, period: Period, sums_filters: dict) -> dict:
    """Procedures of the unit's level and which of them had online dossiers or online payments."""
    procedures = Procedure.objects.filter(is_active=True)
    if unit.level == OrgUnit.Level.COMMUNE:
        procedures = procedures.filter(level__in=[Procedure.Level.COMMUNE, Procedure.Level.BOTH])
    if "procedure_id" in sums_filters:
        procedures = procedures.filter(pk=sums_filters["procedure_id"])
    if "sector_id" in sums_filters:
        procedures = procedures.filter(sector_id=sums_filters["sector_id"])
    online = procedures.exclude(online_level=Procedure.OnlineLevel.NONE)
    used = (
        rollups(unit_ids, period, **sums_filters)
        .values("procedure_id")
        .annotate(online=Sum("online"), fee=Sum("fee_due"), paid=Sum("paid_online"))
    )
    online_ids = set(online.values_list("pk", flat=True))
    fee_ids = set(procedures.filter(has_fee=True).values_list("pk", flat=True))
    rows = list(used)
    return {
        "procedures": procedures.count(),
        "procedures_online": len(online_ids),
        "procedures_online_used": sum(1 for r in rows if r["online"] and r["procedure_id"] in online_ids),
        "fee_procedures": len(fee_ids),
        "fee_procedures_synced": sum(1 for r in rows if r["fee"] and r["procedure_id"] in fee_ids),
        "fee_procedures_paid_online": sum(1 for r in rows if r["paid"] and r["procedure_id"] in fee_ids),
    }


CATALOGUE_CODES = {"online_service_rate", "online_service_usage_rate", "online_payment_service_rate",
                   "online_payment_procedure_rate"}  # fmt: skip


def counts(
    unit: OrgUnit, period: Period, unit_ids=None, *, catalogue: bool = True, **filters
) -> qd766.Counts:
    """The sums behind every indicator of ``unit`` (with its subordinates) over ``period``: one query
    over the roll-ups, and a few over the catalogue when ``catalogue``."""
    unit_ids = unit_ids if unit_ids is not None else unit.subtree_ids()
    sums = (
        _sums(unit_ids, period, **filters)
        if month_aligned(period)
        else _sums_from_dossiers(unit_ids, period, **filters)
    )
    sums["on_time"] += sums.pop("open_on_time")
    extra = _catalogue(unit, unit_ids, period, filters) if catalogue else {}
    return qd766.Counts(**sums, **extra)


@dataclass
class Evaluation:
    unit: OrgUnit
    period: Period
    scheme: qd766.Scheme
    counts: qd766.Counts
    results: list[qd766.Result]

    @property
    def total_points(self) -> float:
        return qd766.total_points(self.results)

    def by_code(self) -> dict[str, qd766.Result]:
        return {r.code: r for r in self.results}


# Codes this engine computes itself; for the others it asks entered figures, then other producers.
OWN_CODES = {"on_time_rate", "average_processing_time", "online_dossier_rate", "online_payment_rate",
             "digitized_result_rate", "digitized_dossier_rate", "data_reuse_rate", "online_service_rate",
             "online_service_usage_rate", "online_payment_service_rate", "online_payment_procedure_rate"}  # fmt: skip


def external_figures(unit: OrgUnit, period: Period, scheme: qd766.Scheme) -> dict[str, qd766.External]:
    """Figures dossiers cannot give: entered or imported in CCHC first, else measured by another
    part of CCHC (citizen ratings, petitions) through ``core.measures``."""
    from apps.indicators.models import IndicatorFigure

    out: dict[str, qd766.External] = {}
    for f in IndicatorFigure.objects.filter(org_unit=unit, period_code=period.code):
        value = float(f.value) if f.value is not None else None
        num = float(f.numerator) if f.numerator is not None else None
        den = float(f.denominator) if f.denominator is not None else None
        out[f.code] = qd766.External(num, den, value, f"{f.get_kind_display()}: {f.source}")
    for d in scheme.definitions:
        if d.code in out or d.code in OWN_CODES or not measures.is_measurable(d.code):
            continue
        m = measures.measure(d.code, unit, period)
        if m is not None and m.value is not None:
            out[d.code] = qd766.External(
                m.numerator, m.denominator, m.value, m.source or "Tính từ dữ liệu CCHC"
            )
    return out


def evaluate(
    unit: OrgUnit, period: Period, *, unit_ids=None, external: bool = True, catalogue: bool = True, **filters
) -> Evaluation:
    """Every indicator of the year's scheme for the unit and period (``filters``: sector, procedure).
    Without ``catalogue`` the catalogue-based indicators are left without data (one query less per
    unit when only dossier figures are wanted)."""
    scheme = qd766.scheme_for(period.year)
    c = counts(unit, period, unit_ids, catalogue=catalogue, **filters)
    ext = external_figures(unit, period, scheme) if external and not filters else {}
    results = qd766.evaluate(scheme, c, commune=unit.level == OrgUnit.Level.COMMUNE, external=ext)
    return Evaluation(unit, period, scheme, c, results)


VERSION_KEY = "dossiers:rollup-version"
MEMO_SECONDS = 60.0  # how long a process trusts its memo when the cache is per process (LocMem)
_memo: dict[tuple, tuple[float, Evaluation]] = {}
_memo_lock = threading.Lock()


def bump_version() -> None:
    """Called after an import commits: every process's memoised evaluations become stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def evaluate_cached(unit: OrgUnit, period: Period, *, catalogue: bool = False) -> Evaluation:
    """``evaluate`` without entered figures, memoised until the next import (plan and report pages
    ask the same unit and quarter for several targets)."""
    key = (unit.pk, period.start, period.end, catalogue, cache.get(VERSION_KEY, 0))
    now = time_module.monotonic()
    with _memo_lock:
        hit = _memo.get(key)
        if hit is not None and now - hit[0] < MEMO_SECONDS:
            return hit[1]
    evaluation = evaluate(unit, period, external=False, catalogue=catalogue)
    with _memo_lock:
        if len(_memo) > 1024:
            _memo.clear()
        _memo[key] = (now, evaluation)
    return evaluation


def monthly(unit: OrgUnit, year: int, code: str, unit_ids=None) -> list[tuple[str, float | None]]:
    """One indicator month by month over a year (for the trend chart), in one query."""
    from core.reporting.periods import CALENDAR_RULES, Kind, build_period

    unit_ids = unit_ids if unit_ids is not None else unit.subtree_ids()
    rows = (
        DossierRollup.objects.filter(org_unit_id__in=list(unit_ids), month__year=year)
        .values("month")
        .annotate(**{name: Sum(name) for name in SUMS})
    )
    open_rows = list(
        DossierRollup.objects.filter(
            org_unit_id__in=list(unit_ids), month__year=year, open_until__isnull=False
        )
        .values("month", "open_until")
        .annotate(n=Sum("open"))
    )
    by_month = {r["month"]: r for r in rows}
    out = []
    scheme = qd766.scheme_for(year)
    definition = scheme.by_code().get(code)
    for m in range(1, 13):
        period = build_period(Kind.MONTH, year, m, CALENDAR_RULES)
        row = by_month.get(period.start)
        if row is None or definition is None:
            out.append((f"{m}/{year}", None))
            continue
        sums = {k: row[k] or 0 for k in SUMS}
        sums["on_time"] += sum(
            o["n"] for o in open_rows if o["month"] == period.start and o["open_until"] >= period.end
        )
        c = qd766.Counts(**sums)
        result = {r.code: r for r in qd766.evaluate(scheme, c, commune=True)}[code]
        out.append((f"{m}/{year}", result.value))
    return out


def measured_codes() -> set[str]:
    return set(OWN_CODES) | {"full_online_service_rate"}


def annotate_late(queryset, today: date):
    """Dossiers late as of ``today``: finished after the appointment, two or more supplement requests,
    or still open past the appointment."""
    tz = timezone.get_current_timezone()
    now = timezone.make_aware(datetime.combine(today, time()), tz)
    return queryset.filter(
        Q(on_time=False)
        | Q(finished_at__isnull=True, supplement_count__gte=2)
        | Q(finished_at__isnull=True, due_at__lt=now)
    )
