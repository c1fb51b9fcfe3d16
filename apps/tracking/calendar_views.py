"""The working-day calendar page: official overrides by year, added and removed by system admins."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.policy import require
from apps.tracking import services
from apps.tracking.calendar import work_calendar
from apps.tracking.models import CalendarDay
from cchc import clock
from core.bounds import MAX_YEAR, MIN_YEAR, query_int, year_problem


class CalendarDayForm(forms.Form):
    day = forms.DateField(label="Ngày (dd/mm/yyyy)")
    kind = forms.ChoiceField(label="Loại", choices=CalendarDay.Kind.choices)
    note = forms.CharField(label="Căn cứ, ghi chú", max_length=200, required=False)


@login_required
def calendar_days(request):
    require(request.user, "tracking.calendar")
    year = query_int(request.GET.get("nam"), low=MIN_YEAR, high=MAX_YEAR) or clock.today().year
    form = CalendarDayForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and (problem := year_problem(form.cleaned_data["day"])):
        form.add_error("day", problem)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_calendar_day(request.user, data["day"], data["kind"], data["note"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Đã lưu ngày {data['day']:%d/%m/%Y}.")
            return redirect(f"{request.path}?nam={data['day'].year}")
    rows = CalendarDay.objects.filter(day__year=year)
    holidays = sorted(work_calendar().holidays(year).items())
    years = sorted({d.year for d in CalendarDay.objects.dates("day", "year")} | {year, clock.today().year})
    return render(
        request,
        "tracking/calendar_days.html",
        {"rows": rows, "form": form, "year": year, "years": years, "holidays": holidays},
    )


@login_required
@require_POST
def calendar_day_delete(request, pk: int):
    row = get_object_or_404(CalendarDay, pk=pk)
    services.delete_calendar_day(request.user, row)
    messages.success(request, f"Đã xóa ngày {row.day:%d/%m/%Y}.")
    return redirect(f"{reverse('tracking:calendar_days')}?nam={row.day.year}")
