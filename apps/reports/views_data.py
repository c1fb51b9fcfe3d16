"""Data behind the reports: indicator values entered by hand (with their trend) and the unit's
reporting cadence. Reads in selectors, writes in services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.accounts.policy import can
from apps.reports import selectors, services
from apps.reports.forms import IndicatorValueForm, PeriodRuleForm
from apps.reports.gather import unit_facts
from apps.reports.models import ReportingPeriod
from cchc import clock
from core.reporting.periods import (
    KIND_LABELS,
    Kind,
    PeriodError,
    build_period,
    current_period,
    periods_of_year,
)


@login_required
def indicators(request, unit: int):
    unit_obj = selectors.unit_or_404(request.user, unit)
    if not can(request.user, "reports.view", unit_obj) and not can(request.user, "reports.oversee", unit_obj):
        raise PermissionDenied("Bạn không xem được số liệu của đơn vị này.")
    rules = selectors.rules_for(unit_obj)
    today = clock.today()
    code = request.GET.get("ky") or request.POST.get("ky") or current_period(today, rules).code
    period = selectors.period_or_404(unit_obj, code)
    may_enter = can(request.user, "reports.indicators", unit_obj)
    form = IndicatorValueForm(request.POST or None) if may_enter else None
    if request.method == "POST":
        if not may_enter:
            raise PermissionDenied("Chỉ chuyên viên CCHC của đơn vị được nhập số liệu chỉ số.")
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.set_indicator_value(
                    request.user,
                    unit_obj,
                    d["indicator"],
                    period,
                    d["value"],
                    d["source"],
                    d["evidence_note"],
                )
            except ValidationError as exc:
                form.add_error("value", exc)
            else:
                messages.success(request, f"Đã lưu số liệu {d['indicator']} kỳ {period.label}.")
                return redirect(f"{reverse('reports:indicators', args=[unit_obj.pk])}?ky={period.code}")
    facts = unit_facts([unit_obj], period)[unit_obj.pk]
    return render(
        request,
        "reports/indicators.html",
        {
            "unit": unit_obj,
            "period": period,
            "form": form,
            "may_enter": may_enter,
            "rows": selectors.indicator_page(unit_obj, period, facts.indicators),
            "values": selectors.values_of(unit_obj, period),
            "periods": [
                p
                for y in (today.year, today.year - 1)
                for p in reversed(periods_of_year(y, rules, required_only=False))
                if p.kind.value != "M"
            ],
        },
    )


@login_required
def periods(request, unit: int):
    unit_obj = selectors.unit_or_404(request.user, unit)
    may_edit = can(request.user, "reports.periods", unit_obj)
    form = PeriodRuleForm(request.POST or None) if may_edit else None
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied("Chỉ quản trị viên hoặc chuyên viên CCHC được cấu hình kỳ báo cáo.")
        if form.is_valid():
            fields = dict(form.cleaned_data)
            kind = Kind(fields.pop("kind"))
            try:
                services.set_period_rule(request.user, unit_obj, kind, fields)
            except (ValidationError, PeriodError) as exc:
                form.add_error(None, exc.messages if isinstance(exc, ValidationError) else str(exc))
            else:
                messages.success(request, f"Đã lưu cấu hình kỳ {KIND_LABELS[kind]} của {unit_obj}.")
                return redirect("reports:periods", unit=unit_obj.pk)
    rules = selectors.rules_for(unit_obj)
    own = {r.kind: r for r in ReportingPeriod.objects.filter(org_unit=unit_obj)}
    year = clock.today().year
    rows = []
    for kind, rule in rules.items():
        sample = build_period(kind, year, 6 if kind is Kind.MONTH else None, rules)
        rows.append(
            {
                "kind": kind,
                "label": KIND_LABELS[kind],
                "rule": rule,
                "sample": sample,
                "own": own.get(kind.value),
            }
        )
    return render(
        request, "reports/periods.html", {"unit": unit_obj, "rows": rows, "form": form, "year": year}
    )
