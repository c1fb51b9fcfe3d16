"""Dashboards of an org unit (and its plan), drill-down over subordinate units, XLSX export."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.db.models import Case, When
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from apps.accounts.policy import can, visible_units
from apps.plans.models import Plan
from apps.plans.selectors import plans_in_force
from apps.tracking import dashboard, export
from apps.tracking.selectors import bounds_for
from core.bounds import query_int


def _unit(request):
    units = visible_units(request.user)
    wanted = request.GET.get("don_vi", "")
    if wanted:
        pk = query_int(wanted)
        if pk is None:
            raise Http404
        return get_object_or_404(units, pk=pk)
    rank = Case(When(level="province", then=0), When(level="district", then=1), default=2)
    unit = units.order_by(rank, "name").first()  # province before commune: the widest view
    if unit is None:
        raise Http404
    return unit


@login_required
def dashboard_view(request):
    unit = _unit(request)
    b = bounds_for(unit.pk)
    years = list(range(b.today.year - 2, b.today.year + 2))
    year = query_int(request.GET.get("nam", "")) or b.today.year
    if year not in years:
        year = b.today.year
    first, last = date(year, 1, 1), date(year, 12, 31)
    plans = list(plans_in_force([unit.pk], first, last).order_by("-period_start"))
    wanted = request.GET.get("ke_hoach", "")
    plan = next((p for p in plans if str(p.pk) == wanted), None)
    qs = dashboard.scope(unit, plan, year)
    areas = dashboard.by_area(qs, b)
    context = {
        "unit": unit,
        "plans": plans,
        "plan": plan,
        "year": year,
        "years": years,
        "today": b.today,
        "areas": areas,
        "total": dashboard.Tally("all", "Tổng", _sum(areas)),
        "agencies": dashboard.by_agency(qs, b),
        "ranking": dashboard.ranking(qs, b),
        "late": [m for m in dashboard.late_list(qs, b) if can(request.user, "tracking.view", m.task)],
        "children": dashboard.subordinate_units(unit, b, year) if unit.level != "commune" else [],
        "ancestors": [u for u in reversed(unit.ancestors()) if can(request.user, "orgs.view", u)],
    }
    return render(request, "tracking/dashboard.html", context)


def _sum(tallies) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in tallies:
        for k, v in t.counts.items():
            out[k] = out.get(k, 0) + v
    return out


@login_required
def export_view(request, pk: int):
    plan = get_object_or_404(
        Plan.objects.filter(org_unit__in=visible_units(request.user)).select_related("org_unit"), pk=pk
    )
    data = export.plan_workbook(plan, bounds_for(plan.org_unit_id), request.user)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="theo-doi-ke-hoach-{plan.pk}.xlsx"'
    return response
