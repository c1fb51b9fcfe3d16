"""Upward compilation: a superior unit's table of its subordinate units for one period.

A unit that submitted its report is read from what it signed (the snapshot), never from today's
database: the province compiles what the commune sent. A unit that has not submitted is read from
the system's own data and marked so. Units are read in batches, each batch in a fixed number of
queries, and progress is reported after each batch so a job row can show it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.db.models import Q

from apps.orgs.models import OrgUnit
from apps.reports.gather import unit_facts
from apps.reports.models import PeriodicReport
from core.reporting.data import CommuneRow, IndicatorFact, ReportData, TaskFact
from core.reporting.periods import Period
from core.reporting.targets import Verdict

BATCH = 25
Progress = Callable[[int, int], None]


def subordinates(unit: OrgUnit) -> list[OrgUnit]:
    """The communes under a unit (directly, or under a pre-2025 district), still in existence."""
    return list(
        OrgUnit.objects.filter(Q(parent=unit) | Q(parent__parent=unit), level=OrgUnit.Level.COMMUNE)
        .filter(valid_to__isnull=True)
        .order_by("name")
    )


def latest_reports(units: list[OrgUnit], period_code: str) -> dict[int, PeriodicReport]:
    """Each unit's latest report version for the period (whatever its status)."""
    out: dict[int, PeriodicReport] = {}
    reports = PeriodicReport.objects.filter(org_unit__in=units, period_code=period_code).order_by(
        "org_unit_id", "-version"
    )
    for r in reports.defer("snapshot", "compiled"):
        out.setdefault(r.org_unit_id, r)
    return out


def latest_submitted(units: list[OrgUnit], period_code: str) -> dict[int, PeriodicReport]:
    out: dict[int, PeriodicReport] = {}
    reports = PeriodicReport.objects.filter(
        org_unit__in=units, period_code=period_code, status=PeriodicReport.Status.SUBMITTED
    ).order_by("org_unit_id", "-version")
    for r in reports:
        out.setdefault(r.org_unit_id, r)
    return out


def _row(unit: OrgUnit, tasks: list[TaskFact], indicators: list[IndicatorFact], **extra) -> CommuneRow:
    with_data = [i for i in indicators if i.value is not None and i.verdict != Verdict.NO_TARGET]
    return CommuneRow(
        name=unit.name,
        counts=dict(Counter(t.state for t in tasks)),
        indicators_met=sum(1 for i in with_data if i.verdict == Verdict.MET),
        indicators_with_data=len(with_data),
        **extra,
    )


def compile_rows(unit: OrgUnit, period: Period, progress: Progress | None = None) -> list[CommuneRow]:
    """One row per subordinate commune: its report status and main figures."""
    units = subordinates(unit)
    total = len(units)
    if progress:
        progress(0, total)
    rows: list[CommuneRow] = []
    for start in range(0, total, BATCH):
        batch = units[start : start + BATCH]
        sent = latest_submitted(batch, period.code)
        drafts = latest_reports([u for u in batch if u.pk not in sent], period.code)
        live = unit_facts([u for u in batch if u.pk not in sent], period)
        for u in batch:
            if u.pk in sent:
                r = sent[u.pk]
                data = ReportData.from_dict(r.snapshot) if r.snapshot else None
                rows.append(
                    _row(
                        u,
                        data.tasks if data else [],
                        data.indicators if data else [],
                        status="submitted",
                        submitted_on=r.submitted_on,
                        due=r.due,
                        on_time=r.on_time,
                        source="Báo cáo đã gửi",
                    )
                )
            else:
                f = live[u.pk]
                status = "draft" if u.pk in drafts else "none"
                rows.append(
                    _row(
                        u,
                        f.tasks,
                        f.indicators,
                        status=status,
                        due=period.due,
                        source="Số liệu trên hệ thống",
                    )
                )
        if progress:
            progress(min(start + BATCH, total), total)
    return rows
