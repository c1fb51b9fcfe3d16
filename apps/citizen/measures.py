"""The figures citizen voice gives the rest of CCHC (``core.measures``): plan targets, periodic
reports and PAR INDEX criteria ask for them by code and never import this module.

QĐ 766 group 5 ("Mức độ hài lòng"):
- ``petition_on_time_rate`` (5.2): PAKN handled on time / PAKN in scope;
- ``petition_satisfaction_rate`` (5.3): PAKN not disliked, not petitioned again, not late / PAKN;
- ``satisfaction_rate`` (5.4, the plan schema's code): 100% − (dossiers late + dossiers with a
  PAKN or a dislike), in ``apps.citizen.rating_stats``.
Local and official satisfaction, never mixed:
- ``local_survey_index``: the local survey rounds' index (mean of the five SIPAS factors);
- ``sipas_index``: the official SIPAS of the year, as imported.

Each figure covers the unit's own petitions, responses or results (not its subordinate units'),
like a value an officer enters by hand for the unit.
"""

from __future__ import annotations

from datetime import date

from apps.citizen.models import OfficialSipasResult, Petition, SurveyQuestion, SurveyResponse
from apps.citizen.rating_stats import dossier_satisfaction
from apps.citizen.services.petitions import facts_of
from apps.tracking.calendar import work_calendar
from cchc import clock
from core import measures
from core.measures import Measurement
from core.petitions import counts_against_satisfaction, verdict
from core.reporting.periods import Period
from core.satisfaction import Item, survey_result


def _cut_off(period: Period) -> date:
    return min(period.end, clock.today())


def _petitions(unit, period: Period) -> list[Petition]:
    from django.db.models import Count

    return list(
        Petition.objects.filter(org_unit=unit, received_on__gte=period.start, received_on__lte=_cut_off(period))
        .annotate(n_follow_ups=Count("follow_ups"))
        .only(
            "code", "status", "received_on", "transferred_on", "supplemented_on", "info_requested_on",
            "redirected_on", "approved_on", "published_on", "feedback",
        )
    )  # fmt: skip


def _judged(unit, period: Period):
    cal, as_of = work_calendar(), _cut_off(period)
    out = []
    for p in _petitions(unit, period):
        f = facts_of(p)
        v = verdict(f, as_of, cal)
        if v.in_scope:
            out.append((p, f, v))
    return out


def _source(period: Period) -> str:
    return (
        f"Phản ánh, kiến nghị thuộc phạm vi tiếp nhận từ {period.start:%d/%m/%Y} đến "
        f"{_cut_off(period):%d/%m/%Y} (không tính khiếu nại, tố cáo đã chuyển hướng)"
    )


def petition_on_time(unit, period: Period) -> Measurement | None:
    judged = _judged(unit, period)
    if not judged:
        return None
    on_time = sum(v.on_time for _p, _f, v in judged)
    return Measurement(
        code="petition_on_time_rate",
        value=round(100 * on_time / len(judged), 2),
        numerator=on_time,
        denominator=len(judged),
        formula=(
            "Số PAKN xử lý đúng hạn / tổng số PAKN thuộc phạm vi × 100% (QĐ 766, chỉ số 5.2): "
            "từ chối ≤ 2, yêu cầu bổ sung ≤ 5, xử lý ≤ 15, công khai ≤ 2 ngày làm việc; "
            "PAKN đang xử lý và chưa quá hạn tính là đúng hạn."
        ),
        source=_source(period),
        details={"late": [p.code for p, _f, v in judged if not v.on_time]},
    )


def petition_satisfaction(unit, period: Period) -> Measurement | None:
    judged = _judged(unit, period)
    if not judged:
        return None
    bad = [p.code for p, f, v in judged if counts_against_satisfaction(f, v)]
    good = len(judged) - len(bad)
    return Measurement(
        code="petition_satisfaction_rate",
        value=round(100 * good / len(judged), 2),
        numerator=good,
        denominator=len(judged),
        formula=(
            "(Tổng số PAKN − số PAKN người gửi không hài lòng, tiếp tục phản ánh về kết quả hoặc quá hạn) "
            "/ tổng số PAKN × 100% (QĐ 766, chỉ số 5.3); mỗi PAKN tính một lần."
        ),
        source=_source(period),
        details={"counted_against": bad},
    )


def local_survey(unit, period: Period) -> Measurement | None:
    responses = list(
        SurveyResponse.objects.filter(
            org_unit=unit, round__closes_on__gte=period.start, round__closes_on__lte=period.end
        ).values_list("round_id", "answers")
    )
    if not responses:
        return None
    rounds = {r for r, _a in responses}
    items = [
        Item(str(pk), factor)
        for pk, factor in SurveyQuestion.objects.filter(round_id__in=rounds).values_list("pk", "factor")
    ]
    result = survey_result([a for _r, a in responses], items)
    if result.index.percent is None:
        return None
    return Measurement(
        code="local_survey_index",
        value=result.index.percent,
        numerator=None,
        denominator=result.respondents,
        formula=(
            "Trung bình cộng chỉ số hài lòng của 5 yếu tố (tỷ lệ ý kiến “hài lòng”, “rất hài lòng”) "
            f"trên {result.respondents} phiếu; khoảng tin cậy 95%: {result.index.low}–{result.index.high}%. "
            "Khảo sát của địa phương, không phải Chỉ số SIPAS của Bộ Nội vụ."
        ),
        source="Các đợt khảo sát của đơn vị kết thúc trong kỳ (phiếu trực tuyến và phiếu giấy)",
        details={"low": result.index.low, "high": result.index.high, "rounds": sorted(rounds)},
    )


def official_sipas(unit, period: Period) -> Measurement | None:
    row = OfficialSipasResult.objects.filter(
        org_unit=unit, year=period.end.year, factor=OfficialSipasResult.INDEX
    ).first()
    if row is None:
        return None
    return Measurement(
        code="sipas_index",
        value=float(row.value),
        formula="Chỉ số SIPAS do Bộ Nội vụ công bố (nhập nguyên giá trị, không tính lại).",
        source=row.source or f"Kết quả SIPAS năm {row.year}",
    )


def register() -> None:
    measures.register(
        "petition_on_time_rate", petition_on_time, name="Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn"
    )
    measures.register(
        "petition_satisfaction_rate",
        petition_satisfaction,
        name="Tỷ lệ hài lòng về việc xử lý phản ánh, kiến nghị",
    )
    measures.register("local_survey_index", local_survey, name="Mức độ hài lòng qua khảo sát của địa phương")
    measures.register("sipas_index", official_sipas, name="Chỉ số SIPAS (Bộ Nội vụ công bố)")
    measures.register(
        "satisfaction_rate", dossier_satisfaction, name="Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC"
    )
