"""Writes of dossier ratings: one per dossier, from the signed code of its receipt."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.citizen import rating_codes
from apps.citizen.models import Rating
from cchc import clock
from core.petitions import text_problems
from core.satisfaction import LIKERT

ALREADY = "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần."
FORGED = "Mã đánh giá không đúng với mã hồ sơ. Vui lòng kiểm tra lại mã in trên giấy hẹn trả kết quả."


def dossier_for(code: str, check: str):
    """The dossier a (code, rating code) pair opens, or a ValidationError saying why not."""
    from apps.dossiers.models import Dossier

    code = (code or "").strip()[:60]
    if not code or not check:
        raise ValidationError("Vui lòng nhập mã hồ sơ và mã đánh giá in trên giấy hẹn trả kết quả.")
    if not rating_codes.verify(code, check):
        raise ValidationError(FORGED)
    dossier = Dossier.objects.filter(code=code).first()
    if dossier is None:  # a valid code of a dossier not (yet) imported here
        raise ValidationError("Chưa có hồ sơ này trên hệ thống. Vui lòng thử lại sau vài ngày.")
    return dossier


def already_rated(dossier) -> bool:
    return Rating.objects.filter(dossier=dossier).exists()


def rate(dossier, score: int, comment: str = "", channel: str = Rating.Channel.QR) -> Rating:
    """Record the rating; a second rating of the same dossier is refused, even when two arrive at once
    (the one-to-one key decides)."""
    if score not in LIKERT:
        raise ValidationError("Vui lòng chọn một mức hài lòng từ 1 đến 5.")
    comment = (comment or "").strip()
    if comment and (problems := text_problems(comment, min_len=1, max_len=2000)):
        raise ValidationError(problems)
    if already_rated(dossier):
        raise ValidationError(ALREADY)
    try:
        with transaction.atomic():
            return Rating.objects.create(
                dossier=dossier,
                org_unit_id=dossier.org_unit_id,
                procedure_id=dossier.procedure_id,
                score=score,
                comment=comment,
                channel=channel,
                rated_on=clock.today(),
            )
    except IntegrityError as exc:
        raise ValidationError(ALREADY) from exc
