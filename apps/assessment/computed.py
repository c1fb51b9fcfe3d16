"""Criteria computed from what CCHC already knows, through the measure registry (core.measures).

A criterion that names a measure gets its rate from the registered provider (tasks completed on
time, reports sent on time, the plan issued on time, dossiers handled on time, ...) over the round's
year, and its points from its own rule. The snapshot keeps the numbers and both formulas, so the
page shows how the points were reached even after the data changes. When nobody provides the
figure, or there is no data, the snapshot says why and the unit scores the criterion by hand.
"""

from __future__ import annotations

from cchc import clock
from core import measures
from core.reporting.targets import number
from core.scoring.framework import CriterionSpec
from core.scoring.rules import from_rate


def snapshot(c: CriterionSpec, org_unit, period_code: str, *, department: bool = False) -> dict | None:
    """What the data says for this criterion and unit: points with their numbers, or the reason
    there are none (``fallback``). None for a criterion that names no measure."""
    if not c.measure:
        return None
    today = f"{clock.today():%d/%m/%Y}"
    if department:
        return {
            "fallback": "Số liệu tự động chỉ tính cho đơn vị hành chính: sở, ngành chấm trực tiếp.",
            "at": today,
        }
    if not measures.is_measurable(c.measure):
        return {
            "fallback": f"Hệ thống chưa có nguồn số liệu “{c.measure}”: đơn vị chấm trực tiếp và đính kèm tài liệu kiểm chứng.",
            "at": today,
        }
    m = measures.measure(c.measure, org_unit, period_code)
    if m is None or m.value is None:
        detail = f" ({m.formula})" if m is not None and m.formula else ""
        return {
            "fallback": f"Chưa có số liệu để tính trong năm {period_code[:4]}{detail}: đơn vị chấm trực tiếp.",
            "at": today,
        }
    comp = from_rate(c, m.value)
    return {
        "points": comp.points,
        "value": round(m.value, 2),
        "value_text": number(round(m.value, 2), m.unit),
        "numerator": m.numerator,
        "denominator": m.denominator,
        "unit": m.unit,
        "formula": m.formula,
        "source": m.source,
        "points_formula": comp.formula,
        "level": comp.level,
        "at": today,
    }
