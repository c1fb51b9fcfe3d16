"""Reads of dossier ratings: a unit's summary over a period (counts, satisfied share with its 95%
interval, dislikes, per procedure) and QĐ 766 indicator 5.4, which also needs the dossiers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from apps.citizen.models import Petition, Rating
from cchc import clock
from core.measures import Measurement
from core.reporting.periods import Period
from core.satisfaction import DISSATISFIED, RatingSummary, dossier_satisfaction_rate, rating_summary


@dataclass(frozen=True)
class UnitRatings:
    summary: RatingSummary
    by_procedure: list[tuple[str, RatingSummary]]
    comments: list[Rating]


def unit_ratings(unit, period: Period, comments: int = 20) -> UnitRatings:
    """Ratings given in the period (by their date) for the unit's dossiers."""
    rows = list(
        Rating.objects.filter(
            org_unit=unit, rated_on__gte=period.start, rated_on__lte=period.end
        ).values_list("score", "procedure__name")
    )
    per_procedure: dict[str, list[int]] = defaultdict(list)
    for score, name in rows:
        per_procedure[name or "(không rõ thủ tục)"].append(score)
    recent = (
        Rating.objects.filter(org_unit=unit, rated_on__gte=period.start, rated_on__lte=period.end)
        .exclude(comment="")
        .select_related("dossier", "procedure")
        .order_by("-rated_on", "-id")[:comments]
    )
    return UnitRatings(
        summary=rating_summary(s for s, _n in rows),
        by_procedure=sorted(
            ((name, rating_summary(scores)) for name, scores in per_procedure.items()), key=lambda x: -x[1].n
        ),
        comments=list(recent),
    )


def _bounds(period: Period):
    tz = timezone.get_current_timezone()
    start = datetime.combine(period.start, time.min, tzinfo=tz)
    end = datetime.combine(min(period.end, clock.today()) + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def dossier_satisfaction(unit, period: Period) -> Measurement | None:
    """QĐ 766 5.4: 100% − (dossiers late + dossiers with a petition or a dislike, each once).

    Dossiers received in the period (never-received ones left out). Late follows the dossier
    engine's own rule (``core.dossiers.timeliness.on_time``: the processing end against the
    appointment, two supplement requests late, an open dossier judged at the period's end)."""
    from apps.dossiers.models import Dossier
    from core.dossiers.fields import Status
    from core.dossiers.timeliness import on_time

    start, end = _bounds(period)
    cut = min(period.end, clock.today())
    rows = list(
        Dossier.objects.filter(org_unit_id=unit.pk, received_at__gte=start, received_at__lt=end)
        .exclude(status__in=Status.NOT_YET_RECEIVED)
        .values_list("pk", "code", "finished_at", "due_at", "supplement_count")
    )
    if not rows:
        return None
    late = {pk for pk, _c, finished, due, sup in rows if not on_time(finished, due, sup, cut)}
    disliked = set(
        Rating.objects.filter(dossier_id__in=[r[0] for r in rows], score__in=DISSATISFIED).values_list(
            "dossier_id", flat=True
        )
    )
    codes = {c: pk for pk, c, *_rest in rows}
    petitioned = {
        codes[c]
        for c in Petition.objects.filter(dossier_code__in=list(codes)).values_list("dossier_code", flat=True)
        if c in codes
    }
    complained = (disliked | petitioned) - late
    value = dossier_satisfaction_rate(len(rows), len(late), len(complained))
    return Measurement(
        code="satisfaction_rate",
        value=value,
        numerator=len(rows) - len(late) - len(complained),
        denominator=len(rows),
        formula=(
            "100% − (tỷ lệ hồ sơ giải quyết quá hạn + tỷ lệ hồ sơ có phản ánh, kiến nghị hoặc đánh giá "
            "không hài lòng) (QĐ 766, chỉ số 5.4; mỗi hồ sơ tính một lần); ≥ 90% đạt điểm tối đa."
        ),
        source=(
            f"Hồ sơ TTHC tiếp nhận từ {period.start:%d/%m/%Y} đến {cut:%d/%m/%Y}, đánh giá của người dân "
            "theo mã trên giấy hẹn, phản ánh nêu mã hồ sơ"
        ),
        details={"late": len(late), "disliked": len(disliked), "petitioned": len(petitioned)},
    )
