"""Agency pages: "Việc của tôi", the coming weeks as a calendar, a plan's timeline."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render

from apps.accounts.policy import visible_units
from apps.plans.models import Plan
from apps.tracking import queue, selectors, timeline
from apps.tracking.calendar import work_calendar

CALENDAR_WEEKS = 6


@login_required
def workspace(request):
    context = selectors.workspace(request.user, selectors.Filters.from_query(request.GET))
    context["queue"] = queue.queue_items(request.user, limit=queue.QUEUE_PREVIEW)
    context["queue_total"] = queue.queue_total(request.user) if context["queue"] else 0
    return render(request, "tracking/workspace.html", context)


@login_required
def calendar(request):
    """The coming weeks, Monday to Sunday, with the user's agencies' milestones on their days."""
    b = selectors.bounds_for()
    start = b.today - timedelta(days=b.today.weekday())
    end = start + timedelta(weeks=CALENDAR_WEEKS) - timedelta(days=1)
    agencies = selectors.member_agencies(request.user)
    rows = selectors.with_state(
        selectors.milestones_of_agencies(agencies, "lead").filter(due__range=(start, end)), b
    )
    by_day: dict[date, list] = {}
    for row in rows:
        by_day.setdefault(row.milestone.due, []).append(row)
    cal = work_calendar()
    weeks = [
        [
            {
                "day": d,
                "rows": by_day.get(d, []),
                "working": cal.is_working_day(d),
                "today": d == b.today,
                "holiday": cal.holidays(d.year).get(d, ""),
            }
            for d in (start + timedelta(days=7 * w + i) for i in range(7))
        ]
        for w in range(CALENDAR_WEEKS)
    ]
    return render(request, "tracking/calendar.html", {"weeks": weeks, "start": start, "end": end})


@login_required
def plan_timeline(request, pk: int):
    """A plan's tasks over its period, milestones coloured by state (server-rendered SVG)."""
    plan = get_object_or_404(
        Plan.objects.filter(org_unit__in=visible_units(request.user)).select_related("org_unit"), pk=pk
    )
    b = selectors.bounds_for(plan.org_unit_id)
    return render(
        request, "tracking/timeline.html", {"plan": plan, "chart": timeline.build(plan, b, request.user)}
    )
