"""Reads of a round's results: every unit's totals, band and rank, weak criteria, earlier years.

One query for the assessments and one for all their scores (values only), then the pure
``core.scoring.totals`` does the arithmetic: a province of 200 units on a 100-criterion framework
is computed in a fraction of a second, so results are always computed, never stored stale.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from apps.assessment.models import Assessment, AssessmentRound, IndexFramework, Score
from core.scoring.totals import Scheme, UnitResult, UnitScores, WeakCriterion, rank, unit_result, weakest

APPRAISED = {"appraisal_1", "explanation", "appraisal_2", "decided", "published"}
_SCHEMES: dict[tuple[int, str], tuple[Scheme, dict[int, str]]] = {}


def scheme_for(framework: IndexFramework) -> tuple[Scheme, dict[int, str]]:
    """The framework compiled for totals, and its criterion ids → codes. Cached: a framework's
    criteria never change once saved (a correction is a new version)."""
    key = (framework.pk, framework.created_at.isoformat())
    if key not in _SCHEMES:
        criteria = list(framework.criteria.order_by("position"))
        _SCHEMES[key] = (Scheme(framework.spec(criteria)), {c.pk: c.code for c in criteria})
    return _SCHEMES[key]


def unit_key(a: Assessment) -> tuple[str, int]:
    return ("agency", a.agency_id) if a.agency_id else ("unit", a.org_unit_id)


def _raw_rows(query):
    """The rows of a values_list query as the database driver returns them. The ORM's per-value
    converters (Decimal from float, booleans) cost more than the whole scoring for 20,000 scores;
    the numbers only go through ``float()`` here, and 0/1 and None read as booleans as they are."""
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while rows := cursor.fetchmany(5000):
            yield from rows


def collect(
    rnd: AssessmentRound, assessments: list[Assessment] | None = None
) -> list[tuple[Assessment, UnitScores]]:
    """Each assessment of the round with its scores as plain numbers."""
    _scheme, codes = scheme_for(rnd.framework)
    if assessments is None:
        assessments = list(rnd.assessments.select_related("org_unit", "agency"))
    by_id = {
        a.pk: {"self": {}, "final": {}, "survey": {}, "self_na": set(), "final_na": set()}
        for a in assessments
    }
    query = Score.objects.filter(assessment_id__in=list(by_id)).values_list(
        "assessment_id",
        "criterion_id",
        "self_points",
        "self_na",
        "appraisal1_points",
        "appraisal1_na",
        "appraisal2_points",
        "appraisal2_na",
        "survey_points",
    )
    for aid, cid, sp, sna, a1, a1na, a2, a2na, survey in _raw_rows(query):
        acc, code = by_id[aid], codes[cid]
        acc["self"][code] = None if sp is None else float(sp)
        final = a2 if a2 is not None else (a1 if a1 is not None else sp)
        acc["final"][code] = None if final is None else float(final)
        fna = a2na if a2na is not None else (a1na if a1na is not None else sna)
        if sna:
            acc["self_na"].add(code)
        if fna:
            acc["final_na"].add(code)
        if survey is not None:
            acc["survey"][code] = float(survey)
    return [
        (
            a,
            UnitScores(
                a.name,
                self_points=by_id[a.pk]["self"],
                final_points=by_id[a.pk]["final"],
                survey_points=by_id[a.pk]["survey"],
                self_na=frozenset(by_id[a.pk]["self_na"]),
                final_na=frozenset(by_id[a.pk]["final_na"]),
                appraised=a.status in APPRAISED,
            ),
        )
        for a in assessments
    ]


@dataclass
class ResultRow:
    assessment: Assessment
    result: UnitResult
    history: list[tuple[int, float | None, int | None]] = field(default_factory=list)  # (year, percent, rank)


@dataclass
class RoundResults:
    round: AssessmentRound
    scheme: Scheme
    rows: list[ResultRow]
    weakest: list[WeakCriterion]
    scores: list[UnitScores] = field(default_factory=list)

    def json(self) -> dict:
        return {"results": [r.result.as_json() for r in self.rows]}

    def row_for(self, assessment_id: int) -> ResultRow | None:
        return next((r for r in self.rows if r.assessment.pk == assessment_id), None)

    def area_means(self) -> dict[str, float | None]:
        """The province's mean percentage per lĩnh vực, for the radar's second polygon."""
        out = {}
        for area in self.scheme.areas:
            shares = [
                100 * r.result.areas[area.code][0] / r.result.areas[area.code][1]
                for r in self.rows
                if r.result.areas.get(area.code, (0, 0))[1] > 0
            ]
            out[area.code] = round(sum(shares) / len(shares), 1) if shares else None
        return out


def round_results(rnd: AssessmentRound, *, weak_limit: int = 10) -> RoundResults:
    scheme, _codes = scheme_for(rnd.framework)
    pairs = collect(rnd)
    by_assessment = {a.pk: unit_result(scheme, s) for a, s in pairs}
    ranked = rank(list(by_assessment.values()))
    order = {id(r): i for i, r in enumerate(ranked)}
    rows = sorted(
        (ResultRow(a, by_assessment[a.pk]) for a, _s in pairs), key=lambda row: order[id(row.result)]
    )
    scores = [s for _a, s in pairs]
    return RoundResults(rnd, scheme, rows, weakest(scheme, scores, weak_limit), scores)


def with_history(results: RoundResults, years: int = 4) -> RoundResults:
    """Each unit's percentage and rank in the province's earlier rounds of the same level."""
    earlier = AssessmentRound.objects.filter(
        province_id=results.round.province_id, level=results.round.level, year__lt=results.round.year
    ).order_by("-year")[:years]
    past: dict[tuple[str, int], list] = {}
    for rnd in reversed(list(earlier)):
        for row in round_results(rnd, weak_limit=0).rows:
            past.setdefault(unit_key(row.assessment), []).append(
                (rnd.year, row.result.percent, row.result.rank)
            )
    for row in results.rows:
        row.history = past.get(unit_key(row.assessment), [])
    return results
