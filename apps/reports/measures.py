"""Measures from periodic reports: the unit's required CCHC reports sent on time."""

from __future__ import annotations

from django.db.models import Min

from apps.reports.models import PeriodicReport
from apps.reports.selectors import rules_for
from cchc import clock
from core import measures
from core.reporting.periods import Period, periods_of_year
from core.unit_measures import report_counts, window

SOURCE = "Báo cáo định kỳ gửi trên hệ thống CCHC"


def report_on_time_rate(org_unit, period: Period):
    """Required reports whose due date falls in the period (and has passed), sent by that date."""
    first, last = window(period.start, period.end, clock.today(), org_unit.valid_from)
    rules = rules_for(org_unit)
    dues = {
        p.code: p.due
        for year in range(first.year, last.year + 1)
        for p in periods_of_year(year, rules)
        if first <= p.due <= last
    }
    if not dues:
        return measures.Measurement(
            "report_on_time_rate",
            None,
            formula=f"Không có kỳ báo cáo bắt buộc nào đến hạn từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}.",
            source=SOURCE,
        )
    sent = dict(
        PeriodicReport.objects.filter(
            org_unit=org_unit, period_code__in=list(dues), submitted_on__isnull=False
        )
        .values("period_code")
        .annotate(first=Min("submitted_on"))
        .values_list("period_code", "first")
    )
    c = report_counts(dues, sent)
    return measures.Measurement(
        "report_on_time_rate",
        round(100 * c.on_time / c.due, 2),
        c.on_time,
        c.due,
        formula=f"{c.on_time} báo cáo gửi đúng hạn / {c.due} báo cáo bắt buộc đến hạn ({c.late} gửi trễ, "
        f"{c.due - c.on_time - c.late} chưa gửi)",
        source=SOURCE,
        details={"due": {k: v.isoformat() for k, v in dues.items()}},
    )


def register() -> None:
    measures.register(
        "report_on_time_rate", report_on_time_rate, name="Tỷ lệ báo cáo CCHC định kỳ gửi đúng hạn"
    )


register()
