"""Indicator pages: dashboard with drill-down and trend, dossier lists, late dossiers, exports."""

from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require
from apps.dossiers import services as dossier_services
from apps.dossiers.exports import XLSX_TYPE
from apps.dossiers.models import Dossier, Procedure, Sector
from apps.indicators import engine, selectors, services, xlsx
from apps.indicators.forms import ApologyForm, FigureForm
from cchc import clock
from cchc.web import attempt
from core import qd766
from core.reporting.chart import trend_svg


def _params(request):
    unit = selectors.unit_or_404(request.user, request.GET.get("don-vi"))
    period = selectors.period_or_404(request.GET.get("ky"))
    sector = procedure = None
    if (pk := request.GET.get("linh-vuc", "")).isdigit():
        sector = get_object_or_404(Sector, pk=pk)
    if (pk := request.GET.get("thu-tuc", "")).isdigit():
        procedure = get_object_or_404(Procedure, pk=pk)
    return unit, period, sector, procedure


def _query(unit, period, **extra) -> str:
    parts = [f"don-vi={unit.pk}", f"ky={period.code}"] + [f"{k}={v}" for k, v in extra.items() if v]
    return "?" + "&".join(parts)


def _drill(unit, period, sector):
    """The next level down: subordinate units, else sectors, else the sector's procedures."""
    if sector is None:
        children = selectors.unit_rows(unit, period)
        if children:
            return "Đơn vị trực thuộc", children
        return "Lĩnh vực", selectors.sector_rows(unit, period)
    return f"Thủ tục thuộc lĩnh vực {sector.name}", selectors.procedure_rows(unit, period, sector)


def _links(unit, period, sector, rows, title):
    out = []
    for r in rows:
        if title == "Đơn vị trực thuộc":
            href = f"?don-vi={r.key}&ky={period.code}"
        elif sector is None:
            href = _query(unit, period, **{"linh-vuc": r.key})
        else:
            href = reverse("indicators:dossiers") + _query(
                unit, period, **{"linh-vuc": sector.pk, "thu-tuc": r.key}
            )
        out.append((r, href))
    return out


@login_required
def dashboard(request):
    unit, period, sector, procedure = _params(request)
    filters = {"sector_id": sector.pk} if sector else {}
    evaluation = engine.evaluate(unit, period, **filters)
    title, rows = _drill(unit, period, sector)
    code = request.GET.get("chi-so") or "on_time_rate"
    definition = evaluation.scheme.by_code().get(code) or evaluation.scheme.by_code()["on_time_rate"]
    points = selectors.trend(unit, period, definition.code)
    view = "decision" if request.GET.get("nhom") == "5" else "portal"
    context = {
        "unit": unit, "period": period, "sector": sector, "evaluation": evaluation,
        "groups": qd766.group_totals(evaluation.results, view=view), "group_view": view,
        "units": selectors.units_for(request.user), "periods": selectors.period_choices(period.year),
        "drill_title": title, "drill": _links(unit, period, sector, rows, title),
        # Built by core.reporting.chart from numbers, every text in it escaped.
        "chart": mark_safe(trend_svg(points, unit=definition.unit, title=f"{definition.name} theo tháng năm {period.year}")),  # noqa: S308
        "chart_code": definition.code, "chart_choices": [d for d in evaluation.scheme.definitions if d.source != qd766.NATIONAL],
        "chain": [(u, can(request.user, "indicators.view", u)) for u in selectors.chain(unit)], "key_codes": selectors.KEY_CODES,
        "source_labels": qd766.SOURCE_LABELS, "dossiers_source": qd766.DOSSIERS,
        "may_enter": can(request.user, "indicators.enter", unit) and not sector,
        "figure_form": FigureForm(), "query": _query(unit, period, **{"linh-vuc": sector.pk if sector else ""}),
    }  # fmt: skip
    return render(request, "indicators/dashboard.html", context)


@login_required
def export(request):
    unit, period, sector, _procedure = _params(request)
    evaluation = engine.evaluate(unit, period, **({"sector_id": sector.pk} if sector else {}))
    title, rows = _drill(unit, period, sector)
    points = engine.monthly(unit, period.year, "on_time_rate")
    data = xlsx.dashboard_xlsx(evaluation, rows, title, points)
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="chi-so-766-{period.code}.xlsx"'
    return response


@login_required
def dossier_list(request):
    unit, period, sector, procedure = _params(request)
    require(request.user, "dossiers.view", unit)
    page = Paginator(selectors.dossiers(unit, period, sector=sector, procedure=procedure), 50).get_page(
        request.GET.get("page")
    )
    rows = selectors.with_names(page.object_list)
    query = _query(
        unit,
        period,
        **{"linh-vuc": sector.pk if sector else "", "thu-tuc": procedure.pk if procedure else ""},
    )
    return render(request, "indicators/dossiers.html", {"unit": unit, "period": period, "sector": sector,
                  "procedure": procedure, "page": page, "rows": rows, "query": query})  # fmt: skip


@login_required
def late(request):
    unit, period, _s, _p = _params(request)
    require(request.user, "dossiers.view", unit)
    rows = selectors.late_without_apology(unit, period)
    if request.GET.get("xuat") == "xlsx":
        response = HttpResponse(xlsx.late_xlsx(unit, period, rows), content_type=XLSX_TYPE)
        response["Content-Disposition"] = f'attachment; filename="ho-so-tre-han-{period.code}.xlsx"'
        return response
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "indicators/late.html", {"unit": unit, "period": period, "page": page,
                  "rows": selectors.with_names(page.object_list), "query": _query(unit, period),
                  "today": clock.today(), "units": selectors.units_for(request.user),
                  "periods": selectors.period_choices(period.year)})  # fmt: skip


@login_required
@require_POST
def enter(request):
    unit, period, _s, _p = _params(request)
    form = FigureForm(request.POST)
    if form.is_valid():
        attempt(request, lambda: services.save_figure(request.user, unit, period_code=period.code, **form.cleaned_data),
                "Đã lưu số liệu.")  # fmt: skip
    else:
        messages.error(
            request, "Số liệu chưa hợp lệ: " + "; ".join(e for errs in form.errors.values() for e in errs)
        )
    return redirect(reverse("indicators:dashboard") + _query(unit, period))


def _dossier(request, pk: int) -> Dossier:
    dossier = get_object_or_404(Dossier, pk=pk)
    if not can(request.user, "dossiers.view", dossier):
        raise Http404("Không có hồ sơ này.")
    return dossier


@login_required
def dossier_detail(request, pk: int):
    dossier = _dossier(request, pk)
    row = selectors.with_names([dossier])[0]
    return render(request, "indicators/dossier.html", {"d": row, "form": ApologyForm(),
                  "may_apologise": can(request.user, "dossiers.apology", dossier),
                  "late": engine.annotate_late(Dossier.objects.filter(pk=pk), clock.today()).exists()})  # fmt: skip


@login_required
@require_POST
def apology(request, pk: int):
    dossier = _dossier(request, pk)
    form = ApologyForm(request.POST)
    if form.is_valid():
        sent = timezone.make_aware(datetime.combine(form.cleaned_data["sent_on"], time(8)))
        attempt(request, lambda: dossier_services.record_apology(request.user, dossier, sent, form.cleaned_data["note"]),
                "Đã ghi nhận phiếu xin lỗi.")  # fmt: skip
    else:
        messages.error(request, "Nhập ngày gửi phiếu xin lỗi dạng dd/mm/yyyy.")
    return redirect("indicators:dossier", pk=pk)
