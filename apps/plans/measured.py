"""A plan's targets against the figures CCHC measures itself (``core.measures``): per quarter of the
target's year, the latest verdict (met / not met) and the trend. Targets whose indicator nobody
measures are left to the values officers enter in the reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc import clock
from core import measures
from core.reporting.targets import DIRECTION_ARROWS, VERDICT_LABELS, Verdict, direction, number, verdict


@dataclass
class MeasuredTarget:
    points: list[tuple[str, float]] = field(default_factory=list)  # (period label, value), oldest first
    latest: str = ""
    value: float | None = None
    verdict: str = Verdict.NO_DATA.value
    arrow: str = ""
    unit: str = "%"
    formula: str = ""

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def text(self) -> str:
        return " · ".join(f"{label}: {number(v, self.unit)}" for label, v in self.points)


def _years(target, plan) -> int:
    today = clock.today()
    if target.year:
        return target.year
    last = plan.period_end.year if plan.period_end else today.year
    return min(max(today.year, plan.period_start.year if plan.period_start else today.year), last)


def measured_targets(plan, targets) -> dict[int, MeasuredTarget]:
    """For each target with a measurable indicator: its quarters so far and the verdict of the latest."""
    today = clock.today()
    out: dict[int, MeasuredTarget] = {}
    for t in targets:
        if not t.indicator or not measures.is_measurable(t.indicator):
            continue
        year = _years(t, plan)
        row = MeasuredTarget()
        for q in range(1, 5):
            period = measures.calendar_period(f"{year}-Q{q}")
            if period.start > today:
                break
            m = measures.measure(t.indicator, plan.org_unit, period)
            if m is not None and m.value is not None:
                row.points.append((period.label, m.value))
                row.latest, row.value, row.unit, row.formula = period.label, m.value, m.unit, m.formula
        target_value = float(t.value) if t.value is not None else None
        row.verdict = verdict(row.value, t.comparator, target_value).value
        row.arrow = DIRECTION_ARROWS[direction([v for _l, v in row.points])]
        out[t.pk] = row
    return out
