"""The PAR INDEX documents filled from the database: a unit's self-assessment report, the
province's decision publishing the results, the results workbook."""

from __future__ import annotations

from collections import Counter

from apps.accounts.models import Membership, Role
from apps.assessment.models import Assessment, AssessmentRound, Evidence, Score
from apps.assessment.results import RoundResults, scheme_for
from apps.reports.gather import issuer_of
from core.scoring.documents import (
    CriterionLine,
    Decision,
    ResultLine,
    SelfReport,
    build_decision,
    build_self_report,
)
from core.scoring.results_xlsx import build_results
from core.scoring.totals import UnitScores, unit_result


def _leader(unit_id: int) -> str:
    m = Membership.objects.filter(org_unit_id=unit_id, role=Role.LEADER, agency__isnull=True).select_related(
        "user"
    )
    first = m.first()
    return first.user.get_full_name() if first else ""


def self_report_docx(a: Assessment) -> bytes:
    criteria = list(a.round.framework.criteria.order_by("position"))
    scores = {s.criterion_id: s for s in Score.objects.filter(assessment=a)}
    titles: dict[int, list[str]] = {}
    for e in Evidence.objects.filter(score__assessment=a).order_by("added_at"):
        titles.setdefault(e.score_id, []).append(e.title)
    lines, self_points, na = [], {}, set()
    for c in criteria:
        if c.is_survey:
            continue
        s = scores.get(c.pk)
        line = CriterionLine(c.code, c.title, c.depth, float(c.max_points), c.is_leaf)
        if s is not None:
            line.self_points = None if s.self_points is None else float(s.self_points)
            line.na, line.note, line.evidence = s.self_na, s.self_note, titles.get(s.pk, [])
            self_points[c.code] = line.self_points
            if s.self_na:
                na.add(c.code)
        lines.append(line)
    scheme, _codes = scheme_for(a.round.framework)
    result = unit_result(
        scheme, UnitScores(a.name, self_points, self_points, {}, frozenset(na), frozenset(na))
    )
    appraisal_max = sum(
        m for code, (_p, m) in result.areas.items() if scheme_part(scheme, code) == "appraisal"
    )
    province = a.round.province
    return build_self_report(
        SelfReport(
            unit_name=f"UBND {a.name}" if not a.agency_id else a.name,
            issuer=a.agency.name if a.agency_id else issuer_of(a.org_unit),
            place=a.org_unit.short_name,
            year=a.round.year,
            framework_title=a.round.framework.title,
            framework_decision=a.round.framework.decision,
            day=a.submitted_on,
            lines=lines,
            self_total=result.self_score,
            applicable_max=appraisal_max,
            recipients=[f"Sở Nội vụ {province.name};", "Lưu: VT."],
            signer_name=_leader(a.org_unit_id) if not a.agency_id else "",
            signer_authority="TM. ỦY BAN NHÂN DÂN" if not a.agency_id else "GIÁM ĐỐC",
            signer_title="CHỦ TỊCH" if not a.agency_id else "",
        )
    )


def scheme_part(scheme, area_code: str) -> str:
    return next((a.part for a in scheme.areas if a.code == area_code), "appraisal")


def units_words(rnd: AssessmentRound) -> str:
    return "UBND các xã, phường" if rnd.level == "commune" else "các sở, ban, ngành"


def decision_docx(rnd: AssessmentRound, results: RoundResults) -> bytes:
    bands = Counter(r.result.band for r in results.rows)
    province = rnd.province
    return build_decision(
        Decision(
            issuer=issuer_of(province),
            province=province.name,
            place=province.short_name,
            year=rnd.year,
            units_words=units_words(rnd),
            framework_title=rnd.framework.title,
            framework_decision=rnd.framework.decision,
            number=rnd.decision_number,
            day=rnd.decision_date,
            lines=[
                ResultLine(
                    r.result.rank,
                    r.result.unit,
                    r.result.appraised_score,
                    r.result.survey_score,
                    r.result.total,
                    r.result.max,
                    r.result.percent,
                    r.result.band,
                )
                for r in results.rows
            ],
            band_counts=[(b.label, bands.get(b.label, 0)) for b in results.scheme.bands],
            signer_authority=rnd.signer_authority,
            signer_title=rnd.signer_title,
            signer_name=rnd.signer_name,
        )
    )


def results_xlsx(results: RoundResults) -> bytes:
    rnd = results.round
    title = f"Kết quả Chỉ số cải cách hành chính năm {rnd.year} của {units_words(rnd)} — {rnd.province.name}"
    return build_results(
        title, results.scheme, [r.result for r in results.rows], results.scores, results.weakest
    )
