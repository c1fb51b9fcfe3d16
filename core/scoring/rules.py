"""How one criterion turns a fact into points, with the sentence that shows the arithmetic.

A criterion is scored by its kind: yes/no, a level, proportional to a rate, or a number typed by
the scorer. When the criterion names a measure that CCHC can compute (tasks completed on time,
reports sent on time, dossiers handled on time, ...), the rate comes from data and the formula
and numbers are shown beside the points; otherwise the scorer enters them and the evidence backs
them. Points are rounded to two decimals, as councils write them.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.reporting.targets import number
from core.scoring.framework import TOLERANCE, CriterionSpec, ScoringKind


@dataclass(frozen=True)
class Computation:
    points: float
    formula: str  # Vietnamese, e.g. "2 × 80% ÷ 100% = 1,6 điểm"
    level: str = ""  # the level picked, for "theo mức"


def pts(value: float) -> str:
    """Points as officials write them: "1,5", "0,25", "2"."""
    return number(round(value, 2))


def _round(value: float) -> float:
    return round(value + 1e-9, 2)


def full_rate(c: CriterionSpec) -> float:
    return c.full_at if c.full_at is not None else 100.0


def from_rate(c: CriterionSpec, rate: float) -> Computation:
    """The points a rate earns under the criterion's kind (the rate in percent)."""
    mx = c.max_points or 0.0
    shown = number(round(rate, 2), "%")
    if c.kind is ScoringKind.LEVELS and any(lv.min_rate is not None for lv in c.levels):
        ranked = sorted((lv for lv in c.levels if lv.min_rate is not None), key=lambda lv: -lv.min_rate)
        for lv in ranked:
            if rate + 1e-9 >= lv.min_rate:
                return Computation(
                    lv.points, f"Tỷ lệ {shown} thuộc mức “{lv.label}”: {pts(lv.points)} điểm", lv.label
                )
        low = min(c.levels, key=lambda lv: lv.points)
        return Computation(
            low.points, f"Tỷ lệ {shown} thấp hơn mọi ngưỡng: {pts(low.points)} điểm", low.label
        )
    full = full_rate(c)
    if c.kind is ScoringKind.YES_NO:
        met = rate + 1e-9 >= full
        verdict = "đạt" if met else "không đạt"
        return Computation(
            mx if met else 0.0,
            f"Tỷ lệ {shown} {verdict} mức {number(full, '%')}: {pts(mx if met else 0)} điểm",
        )
    if c.zero_below is not None and rate < c.zero_below:
        return Computation(0.0, f"Tỷ lệ {shown} dưới {number(c.zero_below, '%')}: 0 điểm")
    if rate + 1e-9 >= full:
        return Computation(mx, f"Tỷ lệ {shown} ≥ {number(full, '%')}: đủ {pts(mx)} điểm")
    points = _round(mx * rate / full)
    return Computation(points, f"{pts(mx)} × {shown} ÷ {number(full, '%')} = {pts(points)} điểm")


def points_problem(c: CriterionSpec, points: float | None) -> str | None:
    """Why ``points`` cannot be this criterion's score (Vietnamese), or None when it can."""
    if points is None:
        return None
    mx = c.max_points or 0.0
    if points < 0:
        return f"Điểm của tiêu chí {c.code} không được âm."
    if points > mx + TOLERANCE:
        return f"Điểm {pts(points)} vượt điểm tối đa của tiêu chí {c.code} ({pts(mx)} điểm)."
    if abs(points * 100 - round(points * 100)) > 1e-6:
        return f"Điểm của tiêu chí {c.code} ghi tối đa hai chữ số thập phân."
    if c.kind is ScoringKind.YES_NO and points not in (0, mx) and abs(points - mx) > TOLERANCE:
        return f"Tiêu chí {c.code} chấm có/không: chỉ được 0 hoặc {pts(mx)} điểm."
    if (
        c.kind is ScoringKind.LEVELS
        and c.levels
        and all(abs(points - lv.points) > TOLERANCE for lv in c.levels)
    ):
        allowed = ", ".join(pts(lv.points) for lv in c.levels)
        return f"Tiêu chí {c.code} chấm theo mức: chỉ được một trong các mức {allowed} điểm."
    return None


def level_for(c: CriterionSpec, points: float | None) -> str:
    """The label of the level a score corresponds to (for "theo mức" criteria), or ""."""
    if points is None:
        return ""
    for lv in c.levels:
        if abs(lv.points - points) <= TOLERANCE:
            return lv.label
    return ""
