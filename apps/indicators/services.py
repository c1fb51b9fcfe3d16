"""Writes of the indicators app: an entered figure for an indicator dossiers cannot give."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.policy import require
from apps.audit.context import acting_as
from apps.indicators.models import IndicatorFigure
from core import qd766
from core.measures import calendar_period
from core.reporting.periods import PeriodError

ENTERABLE = {d.code: d for s in qd766.SCHEMES for d in s.definitions if d.source != qd766.DOSSIERS}


def save_figure(actor, unit, *, code: str, period_code: str, numerator=None, denominator=None, value=None,
                source: str = "") -> IndicatorFigure:  # fmt: skip
    """Enter (or correct) the figure of an indicator that dossiers cannot give, with its source."""
    require(actor, "indicators.enter", unit)
    if code not in ENTERABLE:
        raise ValidationError("Chỉ số này được tính từ hồ sơ TTHC, không nhập tay.")
    try:
        period = calendar_period(period_code)
    except PeriodError as exc:
        raise ValidationError(str(exc)) from exc
    source = " ".join((source or "").split())
    if not source:
        raise ValidationError("Ghi rõ nguồn số liệu (văn bản, hệ thống, ngày trích xuất).")
    if value is None and not (denominator and denominator > 0):
        raise ValidationError("Nhập tử số và mẫu số (mẫu số lớn hơn 0), hoặc nhập giá trị tỷ lệ.")
    if numerator is not None and denominator and numerator > denominator:
        raise ValidationError("Tử số không được lớn hơn mẫu số.")
    if value is not None and not Decimal(0) <= value <= Decimal(100):
        raise ValidationError("Giá trị tỷ lệ phải từ 0 đến 100.")
    with transaction.atomic(), acting_as(actor):
        figure, _ = IndicatorFigure.objects.update_or_create(
            org_unit=unit, code=code, period_code=period.code,
            defaults={"numerator": numerator, "denominator": denominator, "value": value, "source": source[:300],
                      "kind": IndicatorFigure.Kind.ENTERED, "entered_by": actor},
        )  # fmt: skip
    return figure
