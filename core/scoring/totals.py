"""Results of a round: totals, the percentage of the applicable maximum, bands, ranks, weak spots.

Per unit, each scored criterion contributes by the not-applicable rule of its framework: a criterion
that does not apply counts full points (its maximum stays) or is removed (from points and maximum
alike), so a commune without, say, a border gate is neither punished nor rewarded. The total is
the appraised points (the self-score where the council changed nothing) plus the survey points;
the percentage is taken of the maximum that applies to that unit, and ranks and bands follow the
percentage. Pure and fast: 200 units × 100 criteria is a few tens of thousands of additions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from core.scoring.framework import Band, FrameworkSpec, NotApplicable, Part


@dataclass(frozen=True)
class Leaf:
    code: str
    title: str
    area: str
    max_points: float
    rule: NotApplicable
    part: Part


@dataclass(frozen=True)
class Area:
    code: str
    title: str
    max_points: float
    part: Part


class Scheme:
    """A framework compiled for totals: its scored criteria, its lĩnh vực and its bands."""

    def __init__(self, spec: FrameworkSpec) -> None:
        parts = {c.code: (c.part or Part.APPRAISAL) for c in spec.criteria if c.depth == 1}
        self.areas = [
            Area(c.code, c.title, c.max_points or 0.0, parts[c.code]) for c in spec.criteria if c.depth == 1
        ]
        self.leaves = [
            Leaf(
                c.code,
                c.title,
                c.code.split(".", 1)[0],
                c.max_points or 0.0,
                c.not_applicable,
                parts.get(c.code.split(".", 1)[0], Part.APPRAISAL),
            )
            for c in spec.leaves()
        ]
        self.bands = sorted(spec.bands, key=lambda b: -b.min_percent)
        self.total_max = spec.total_max or 0.0

    def band_for(self, percent: float | None) -> str:
        return band_for(self.bands, percent)


def band_for(bands: Iterable[Band], percent: float | None) -> str:
    if percent is None:
        return ""
    for b in sorted(bands, key=lambda b: -b.min_percent):
        if percent + 1e-9 >= b.min_percent:
            return b.label
    return ""


@dataclass
class UnitScores:
    """What one unit was given, per criterion code. ``final`` is the appraised figure where the
    council set one and the self-score elsewhere; ``survey`` the imported survey points."""

    unit: str
    self_points: Mapping[str, float | None] = field(default_factory=dict)
    final_points: Mapping[str, float | None] = field(default_factory=dict)
    survey_points: Mapping[str, float | None] = field(default_factory=dict)
    self_na: frozenset[str] = frozenset()
    final_na: frozenset[str] = frozenset()
    appraised: bool = False


@dataclass
class UnitResult:
    unit: str
    self_score: float
    appraised_score: float | None
    survey_score: float | None
    total: float
    max: float
    percent: float | None
    band: str = ""
    rank: int | None = None
    areas: dict[str, tuple[float, float]] = field(default_factory=dict)  # code -> (points, max)

    def as_json(self) -> dict:
        return {
            "org_unit": self.unit,
            "self_score": self.self_score,
            "appraised_score": self.appraised_score,
            "survey_score": self.survey_score,
            "total": self.total,
            "max": self.max,
            "percent": self.percent,
            "band": self.band,
            "rank": self.rank,
        }


def _leaf_points(leaf: Leaf, points: float | None, na: bool) -> tuple[float, float]:
    """(points, maximum) a criterion contributes under its not-applicable rule."""
    if na and leaf.rule is NotApplicable.FULL_POINTS:
        return leaf.max_points, leaf.max_points
    if na and leaf.rule is NotApplicable.REMOVED:
        return 0.0, 0.0
    return (points or 0.0), leaf.max_points


def unit_result(scheme: Scheme, s: UnitScores) -> UnitResult:
    self_total = appraised = survey = mx = 0.0
    has_survey = False
    areas: dict[str, list[float]] = {a.code: [0.0, 0.0] for a in scheme.areas}
    for leaf in scheme.leaves:
        if leaf.part is Part.SURVEY:
            value = s.survey_points.get(leaf.code)
            has_survey = has_survey or value is not None
            # Not surveyed: the leaf's rule decides (removed: the result is scaled to what was measured).
            p, m = _leaf_points(leaf, value, value is None and leaf.rule is not NotApplicable.NOT_ALLOWED)
            survey += p
        else:
            sp, _ = _leaf_points(leaf, s.self_points.get(leaf.code), leaf.code in s.self_na)
            self_total += sp
            p, m = _leaf_points(leaf, s.final_points.get(leaf.code), leaf.code in s.final_na)
            appraised += p
        mx += m
        bucket = areas[leaf.area]
        bucket[0] += p
        bucket[1] += m
    total = appraised + survey
    percent = round(100 * total / mx, 2) if mx > 0 else None
    return UnitResult(
        unit=s.unit,
        self_score=round(self_total, 2),
        appraised_score=round(appraised, 2) if s.appraised else None,
        survey_score=round(survey, 2) if has_survey else None,
        total=round(total, 2),
        max=round(mx, 2),
        percent=percent,
        band=scheme.band_for(percent),
        areas={code: (round(v[0], 2), round(v[1], 2)) for code, v in areas.items()},
    )


def rank(results: list[UnitResult]) -> list[UnitResult]:
    """Sorted best first, ranked by percentage (ties share a rank: 1, 2, 2, 4); no percentage, no rank."""
    ordered = sorted(results, key=lambda r: (-(r.percent if r.percent is not None else -1), -r.total, r.unit))
    previous, current = None, 0
    for i, r in enumerate(ordered, 1):
        if r.percent is None:
            r.rank = None
            continue
        key = (r.percent, r.total)
        if key != previous:
            current, previous = i, key
        r.rank = current
    return ordered


def results(scheme: Scheme, units: Iterable[UnitScores]) -> list[UnitResult]:
    return rank([unit_result(scheme, s) for s in units])


@dataclass(frozen=True)
class WeakCriterion:
    code: str
    title: str
    max_points: float
    mean_percent: float  # mean share of the maximum obtained, over units where it applies
    units: int  # units where it applies
    units_zero: int  # units that got nothing


def weakest(scheme: Scheme, units: Iterable[UnitScores], limit: int = 10) -> list[WeakCriterion]:
    """The appraised criteria where units lose most, across the province (lowest mean share first)."""
    sums: dict[str, list[float]] = {}
    units = list(units)
    for leaf in scheme.leaves:
        if leaf.part is Part.SURVEY or leaf.max_points <= 0:
            continue
        acc = sums.setdefault(leaf.code, [0.0, 0, 0])
        for s in units:
            p, m = _leaf_points(leaf, s.final_points.get(leaf.code), leaf.code in s.final_na)
            if m <= 0:
                continue
            acc[0] += p / m
            acc[1] += 1
            acc[2] += p <= 0
    by_code = {leaf.code: leaf for leaf in scheme.leaves}
    rows = [
        WeakCriterion(
            code, by_code[code].title, by_code[code].max_points, round(100 * a[0] / a[1], 1), a[1], a[2]
        )
        for code, a in sums.items()
        if a[1]
    ]
    rows.sort(key=lambda w: (w.mean_percent, -w.max_points, w.code))
    return rows[:limit]


def area_percents(scheme: Scheme, result: UnitResult) -> list[tuple[str, str, float | None]]:
    """(code, title, percent of that lĩnh vực's applicable maximum) for a radar chart."""
    out = []
    for a in scheme.areas:
        p, m = result.areas.get(a.code, (0.0, 0.0))
        out.append((a.code, a.title, round(100 * p / m, 1) if m > 0 else None))
    return out
