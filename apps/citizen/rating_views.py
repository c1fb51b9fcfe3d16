"""Staff pages of dossier ratings: a unit's summary per period beside QĐ 766 5.4, and the rating
slip of a dossier (its code and QR code, to print on or staple to the receipt)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from apps.accounts.policy import can, require, visible_units
from apps.citizen import qr, rating_codes
from apps.citizen.rating_stats import dossier_satisfaction, unit_ratings
from cchc import clock
from core.measures import calendar_period
from core.reporting.periods import PeriodError


def _default_period() -> str:
    today = clock.today()
    return f"{today.year}-Q{(today.month - 1) // 3 + 1}"


@login_required
def summary(request):
    require(request.user, "citizen.results", None)
    units = list(
        visible_units(request.user)
        .filter(valid_to__isnull=True)
        .exclude(level="district")
        .order_by("level", "name")
    )
    unit = next((u for u in units if str(u.pk) == request.GET.get("don-vi")), units[0] if units else None)
    code = request.GET.get("ky") or _default_period()
    try:
        period = calendar_period(code)
    except PeriodError:
        period, code = calendar_period(_default_period()), _default_period()
    ctx = {"units": units, "unit": unit, "code": code, "period": period}
    if unit is not None:
        ctx.update(ratings=unit_ratings(unit, period), rate_766=dossier_satisfaction(unit, period))
    return render(request, "citizen/ratings.html", ctx)


@login_required
def slip(request):
    """The rating code and QR code of one dossier, for the one-stop centre to print."""
    from apps.dossiers.models import Dossier

    code = (request.GET.get("ma") or "").strip()
    dossier = None
    if code:
        dossier = (
            Dossier.objects.filter(code=code, org_unit_id__in=visible_units(request.user).values("pk"))
            .select_related("procedure", "org_unit")
            .first()
        )
        if dossier is None:
            raise Http404
        require(request.user, "citizen.rating_slip", dossier)
    ctx = {"code": code, "dossier": dossier}
    if dossier is not None:
        link = qr.absolute(request, rating_codes.rating_path(dossier.code))
        ctx.update(
            check=rating_codes.check_code(dossier.code), link=link, qr=qr.svg(link, "Mã QR đánh giá hồ sơ")
        )
        ctx["may"] = can(request.user, "citizen.rating_slip", dossier)
    return render(request, "citizen/rating_slip.html", ctx)
