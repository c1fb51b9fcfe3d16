"""Measures from plans: the year's CCHC plan issued on time (100) or late / missing (0)."""

from __future__ import annotations

from datetime import date

from apps.plans.models import Plan
from cchc import clock
from core import measures
from core.reporting.periods import Period
from core.unit_measures import PLAN_DUE_DAYS, plan_due

SOURCE = "Kế hoạch CCHC của đơn vị trên hệ thống"


def plan_on_time(org_unit, period: Period):
    year = period.year
    due = plan_due(year, org_unit.valid_from)
    rule = (
        f"hạn ban hành {due:%d/%m/%Y}: {PLAN_DUE_DAYS} ngày từ đầu năm hoặc từ ngày đơn vị bắt đầu hoạt động"
    )
    plan = (
        Plan.objects.filter(
            org_unit=org_unit,
            status__in=[Plan.Status.ACTIVE, Plan.Status.SUPERSEDED],
            period_start__lte=date(year, 12, 31),
            period_end__gte=date(year, 1, 1),
        )
        .order_by("signed_date", "pk")
        .first()
    )
    if plan is None:
        if clock.today() <= due:
            return measures.Measurement(
                "plan_on_time", None, formula=f"Chưa có kế hoạch năm {year}; {rule}.", source=SOURCE
            )
        return measures.Measurement(
            "plan_on_time",
            0.0,
            0,
            1,
            formula=f"Chưa có kế hoạch CCHC năm {year} trên hệ thống; {rule}.",
            source=SOURCE,
        )
    if plan.signed_date is None:
        return measures.Measurement(
            "plan_on_time",
            None,
            formula=f"Kế hoạch “{plan.title[:80]}” chưa ghi ngày ký; {rule}.",
            source=SOURCE,
        )
    on_time = plan.signed_date <= due
    return measures.Measurement(
        "plan_on_time",
        100.0 if on_time else 0.0,
        1 if on_time else 0,
        1,
        formula=f"Kế hoạch ký ngày {plan.signed_date:%d/%m/%Y}, {'đúng' if on_time else 'sau'} {rule}.",
        source=SOURCE,
    )


def register() -> None:
    measures.register("plan_on_time", plan_on_time, name="Kế hoạch CCHC năm ban hành đúng hạn")


register()
