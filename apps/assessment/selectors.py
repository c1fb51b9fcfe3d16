"""Reads for the PAR INDEX pages: what a user may see, and one unit's assessment laid out.

Everything outside a user's view is a 404 (its existence is not revealed). The assessment page is
read in a fixed handful of queries whatever the number of criteria: the criteria, the scores with
their evidence counts, the reopenings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.http import Http404

from apps.accounts.policy import can, subject, visible_units
from apps.assessment.models import Assessment, AssessmentRound, Criterion, Evidence, IndexFramework, Score
from apps.assessment.results import scheme_for
from apps.assessment.rows import Urls, criterion_view
from apps.assessment.services import due_of, missing, step_problem
from core.reporting.radar import radar_svg
from core.scoring.framework import KIND_LABELS, NA_LABELS
from core.scoring.rounds import STATUS_LABELS, Step
from core.scoring.rules import level_for
from core.scoring.totals import UnitScores, area_percents, unit_result


def assessment_or_404(user, pk: int) -> Assessment:
    a = (
        Assessment.objects.select_related("round__framework", "round__province", "org_unit", "agency")
        .filter(pk=pk)
        .first()
    )
    if a is None or not can(user, "assessment.view", a):
        raise Http404("Không tìm thấy bản đánh giá.")
    return a


def score_or_404(user, pk: int) -> Score:
    s = Score.objects.select_related("criterion", "assessment").filter(pk=pk).first()
    if s is None:
        raise Http404("Không tìm thấy tiêu chí.")
    s.assessment = assessment_or_404(user, s.assessment_id)
    return s


def evidence_or_404(user, pk: int) -> Evidence:
    e = Evidence.objects.select_related("score").filter(pk=pk).first()
    if e is None:
        raise Http404("Không tìm thấy tài liệu.")
    e.score = score_or_404(user, e.score_id)
    return e


def visible_assessments(user, rnd: AssessmentRound) -> list[Assessment]:
    rows = rnd.assessments.select_related("org_unit", "agency", "round").order_by(
        "org_unit__name", "agency__name"
    )
    return [a for a in rows if can(user, "assessment.view", a)]


def round_or_404(user, pk: int) -> AssessmentRound:
    rnd = AssessmentRound.objects.select_related("framework", "province").filter(pk=pk).first()
    if rnd is None:
        raise Http404("Không tìm thấy đợt đánh giá.")
    if can(user, "assessment.results", rnd) or can(user, "assessment.manage", rnd):
        return rnd
    if any(True for _ in visible_assessments(user, rnd)):
        return rnd
    raise Http404("Không tìm thấy đợt đánh giá.")


def framework_or_404(user, pk: int) -> IndexFramework:
    fw = IndexFramework.objects.select_related("province", "copied_from").filter(pk=pk).first()
    if fw is None or not can(user, "assessment.read_framework", fw):
        raise Http404("Không tìm thấy bộ chỉ số.")
    return fw


def managed_provinces(user):
    return (
        visible_units(user)
        .filter(level="province")
        .filter(
            pk__in=[
                u.pk
                for u in visible_units(user).filter(level="province")
                if can(user, "assessment.manage", u)
            ]
        )
    )


def index(user) -> dict:
    units = visible_units(user)
    provinces = {u.pk for u in units.filter(level="province")}
    rounds = [
        r
        for r in AssessmentRound.objects.select_related("province", "framework").order_by("-year", "level")
        if r.province_id in provinces or can(user, "assessment.results", r)
    ]
    mine = list(
        Assessment.objects.filter(
            Q(org_unit__in=units, agency__isnull=True)
            | Q(agency__in=list(subject(user).agencies_with(["head", "staff"])))
        )
        .select_related("round", "org_unit", "agency")
        .order_by("-round__year", "org_unit__name")
    )
    mine = [a for a in mine if can(user, "assessment.self_score", a) or can(user, "assessment.submit", a)]
    frameworks = list(
        IndexFramework.objects.filter(province_id__in=provinces)
        .select_related("province")
        .annotate(n_rounds=Count("rounds"))
        .order_by("-year", "level", "-version")
    )
    return {
        "rounds": rounds,
        "mine": mine,
        "frameworks": frameworks,
        "may_manage": can(user, "assessment.manage"),
    }


@dataclass
class Row:
    criterion: Criterion
    score: Score | None = None
    evidence_count: int = 0
    level: str = ""
    view: dict = field(default_factory=dict)  # display strings for the template (rows.criterion_view)

    @property
    def is_leaf(self) -> bool:
        return self.criterion.is_leaf


@dataclass
class Area:
    criterion: Criterion
    rows: list[Row] = field(default_factory=list)
    points: float = 0.0
    max: float = 0.0


def _scores(a: Assessment) -> dict[int, Score]:
    rows = Score.objects.filter(assessment=a).annotate(n_evidence=Count("evidence"))
    return {s.criterion_id: s for s in rows}


def visible_rounds(user, a: Assessment, perms: dict) -> int:
    """How many appraisal rounds the user sees: the council all of them at once; the unit round
    one when it is sent back for explanation, round two once the council has decided."""
    if perms["may_appraise"] or perms["may_manage"]:
        return 2
    if a.status in ("decided", "published"):
        return 2
    if a.status in ("explanation", "appraisal_2"):
        return 1
    return 0


def _figure(s: Score, rounds: int) -> tuple[float | None, bool]:
    """The score as the viewer may see it: the latest appraisal among the rounds shown."""
    points, na = s.self_points, s.self_na
    if rounds >= 1 and (s.appraisal1_points is not None or s.appraisal1_na is not None):
        points, na = s.appraisal1_points, bool(s.appraisal1_na)
    if rounds >= 2 and (s.appraisal2_points is not None or s.appraisal2_na is not None):
        points, na = s.appraisal2_points, bool(s.appraisal2_na)
    return (None if points is None else float(points)), na


def _unit_scores(a: Assessment, rows: list[Row], rounds: int) -> UnitScores:
    self_points, final, survey, self_na, final_na = {}, {}, {}, set(), set()
    for r in rows:
        s, code = r.score, r.criterion.code
        if s is None:
            continue
        self_points[code] = None if s.self_points is None else float(s.self_points)
        final[code], na = _figure(s, rounds)
        if s.survey_points is not None:
            survey[code] = float(s.survey_points)
        if s.self_na:
            self_na.add(code)
        if na:
            final_na.add(code)
    return UnitScores(
        a.name,
        self_points,
        final,
        survey,
        frozenset(self_na),
        frozenset(final_na),
        appraised=rounds > 0 and a.status not in ("self", "submitted"),
    )


def _open_steps(a: Assessment) -> dict[str, bool]:
    return {step.value: step_problem(a, step) is None for step in Step}


def _layout(a: Assessment) -> tuple[list[Row], list[Area]]:
    """The criteria in order, each with its score, grouped under their lĩnh vực."""
    scores = _scores(a)
    rows, areas = [], []
    for c in a.round.framework.criteria.order_by("position"):
        s = scores.get(c.pk)
        row = Row(c, s, getattr(s, "n_evidence", 0) if s else 0)
        if s is not None:
            s.criterion = c
            row.level = level_for(c.spec(), None if s.self_points is None else float(s.self_points))
        rows.append(row)
        if c.depth == 1:
            areas.append(Area(c))
        areas[-1].rows.append(row)
    return rows, areas


def assessment_page(user, a: Assessment) -> dict:
    """Everything the assessment page shows, in a few queries."""
    rows, areas = _layout(a)
    page = {"open": _open_steps(a)}
    perms = {
        "may_self": can(user, "assessment.self_score", a),
        "may_submit": can(user, "assessment.submit", a),
        "may_appraise": can(user, "assessment.appraise", a),
        "may_manage": can(user, "assessment.manage", a.round),
    }
    rounds = visible_rounds(user, a, perms)
    scheme, _codes = scheme_for(a.round.framework)
    result = unit_result(scheme, _unit_scores(a, rows, rounds))
    for area in areas:
        area.points, area.max = result.areas.get(area.criterion.code, (0.0, 0.0))
    page.update(perms)
    urls = Urls()
    for row in rows:
        if row.is_leaf and row.score is not None:
            row.view = criterion_view(row, page, urls)
    gaps = None
    if a.status == Assessment.Status.SELF:
        gaps = missing(a, [r.score for r in rows if r.score is not None])
    polygons = [("Đơn vị", [p for _c, _t, p in area_percents(scheme, result)])]
    return {
        "a": a,
        "round": a.round,
        "areas": areas,
        "result": result,
        "gaps": gaps,
        "open": page["open"],
        "dues": {step.value: due_of(a, step) for step in Step},
        "reopenings": list(a.reopenings.select_related("by")),
        "status_label": STATUS_LABELS.get(a.status, a.status),
        "show_appraisal": rounds > 0,
        "show_appraisal1": rounds >= 1,
        "show_appraisal2": rounds >= 2,
        "kind_labels": KIND_LABELS,
        "na_labels": NA_LABELS,
        "radar": radar_svg(
            [t for _c, t, _p in area_percents(scheme, result)],
            polygons,
            title=f"Chỉ số theo lĩnh vực — {a.name}",
        ),
        **perms,
    }
