"""Dashboards: counts by state agree with the states shown row by row; drill-down; XLSX export."""

from __future__ import annotations

import io
from datetime import date

import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from apps.plans.models import Milestone
from apps.tracking import services
from apps.tracking.selectors import bounds_for, state_expression, tracked_milestones, with_state
from tests.apps.tracking.conftest import active_plan, make_task, milestone, opened

FIELDS = {"text": "Đã thực hiện", "percent": 100, "progress": "done", "reason": ""}


def accept(world, m):
    report = services.save_report(world.staff_a1, m, FIELDS, expected_version=opened(m))
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    services.approve_report(world.head_a1, report, expected_version=opened(report))
    services.accept_report(world.officer_a1, report, expected_version=opened(report))


@time_machine.travel(date(2025, 12, 10), tick=False)
def test_sql_states_agree_with_python(world, plan_a1):
    with time_machine.travel(date(2025, 11, 20), tick=False):
        accept(world, plan_a1.m_nov)  # on time
    for i, due in enumerate([date(2025, 12, 1), date(2025, 12, 12), date(2025, 12, 11), date(2026, 2, 1)]):
        milestone(plan_a1.t_hcc, due, f"m{i}")
    b = bounds_for(world.a1.pk)
    qs = tracked_milestones()
    sql = dict(qs.annotate(st=state_expression(b)).values_list("pk", "st"))
    py = {r.milestone.pk: r.state.value for r in with_state(qs, b)}
    assert sql == py
    assert set(py.values()) >= {"accepted", "overdue", "due_soon", "upcoming", "undated"}


@time_machine.travel(date(2025, 12, 2), tick=False)
def test_unit_dashboard(world, plan_a1, login):
    response = login(world.officer_a1).get(reverse("tracking:dashboard"), {"don_vi": world.a1.pk})
    assert response.status_code == 200
    ctx = response.context
    assert ctx["total"].total == 4 and ctx["total"].overdue == 1
    assert [m.pk for m in ctx["late"]] == [plan_a1.m_nov.pk]
    ranking = {p.agency: p for p in ctx["ranking"]}
    assert ranking["Phòng Kinh tế"].missing == 1 and ranking["Phòng Kinh tế"].rate == 0
    assert "<svg" in response.content.decode()


@time_machine.travel(date(2025, 12, 2), tick=False)
def test_province_drill_down(world, plan_a1, login):
    response = login(world.officer_a).get(reverse("tracking:dashboard"))
    assert response.context["unit"] == world.a
    children = {t.label: t for t in response.context["children"]}
    assert children["xã An Một"].total == 4 and children["xã An Hai"].total == 0
    assert (
        login(world.officer_a).get(reverse("tracking:dashboard"), {"don_vi": world.a1.pk}).status_code == 200
    )
    assert (
        login(world.officer_b1).get(reverse("tracking:dashboard"), {"don_vi": world.a1.pk}).status_code == 404
    )


@time_machine.travel(date(2025, 12, 2), tick=False)
def test_xlsx_export_opens(world, plan_a1, login):
    make_task(plan_a1.plan, "4", world.kt_a1)  # a task without milestones still gets its row
    response = login(world.officer_a1).get(reverse("tracking:export", args=[plan_a1.plan.pk]))
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][0] == "STT" and rows[1][8] == "Trạng thái"
    states = [r[8] for r in rows[2:]]
    assert "Quá hạn" in states and len(rows) == 2 + 5
    due_cells = [row[7] for row in ws.iter_rows(min_row=3) if row[7].value is not None]
    assert due_cells and all(c.number_format == "DD/MM/YYYY" and c.is_date for c in due_cells)
    assert login(world.officer_b1).get(reverse("tracking:export", args=[plan_a1.plan.pk])).status_code == 404


def test_continuous_placeholder_left_out(world, plan_a1):
    milestone(plan_a1.t_kt, None, "Thường xuyên", kind=Milestone.Kind.CONTINUOUS)
    assert tracked_milestones().filter(kind="continuous").count() == 0


def test_areas_in_official_order_and_ended_units_without_work_hidden(world, plan_a1, login):
    from apps.orgs.models import OrgUnit
    from apps.tracking.dashboard import by_area, subordinate_units
    from apps.tracking.selectors import bounds_for, tracked_milestones

    OrgUnit.objects.create(name="huyện Cũ", level="district", parent=world.a, valid_to=date(2025, 6, 30))
    b = bounds_for(world.a1.pk, date(2025, 12, 2))
    codes = [t.key for t in by_area(tracked_milestones().filter(task__plan=plan_a1.plan), b)]
    assert codes == ["the_che", "tthc", "chinh_quyen_so"]
    names = [t.label for t in subordinate_units(world.a, b, 2025)]
    assert "huyện Cũ" not in names and "xã An Một" in names and "xã An Hai" in names


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_dashboard_and_compiled_report_count_the_same_plans(world, plan_a1, login):
    """Issue 14: a commune whose only plan is for 2026-2030 showed hundreds of 2025 deadlines at 0%
    on the province dashboard while the compiled report had 0 tasks. One rule now: the plans in
    force in the year, their milestones due in it."""
    from apps.reports.compile import compile_rows
    from apps.reports.selectors import period_for

    later = active_plan(world.a2, "Kế hoạch CCHC giai đoạn 2026-2030", date(2026, 1, 1), date(2030, 12, 31))
    for year in range(2026, 2031):
        milestone(make_task(later, str(year - 2025), world.kt_a2), date(year, 6, 30))
    milestone(plan_a1.t_hcc, date(2026, 1, 15), "Mốc của năm sau")  # outside 2025: not a 2025 deadline
    make_task(plan_a1.plan, "4", world.kt_a1)  # no deadline at all: still a task of the year

    response = login(world.officer_a).get(reverse("tracking:dashboard"))
    children = {t.label: t for t in response.context["children"]}
    rows = {r.name: r for r in compile_rows(world.a, period_for(world.a, "2025-Q3"))}
    assert children["xã An Hai"].total == 0 and children["xã An Hai"].tasks == 0
    assert children["xã An Hai"].pct_done is None  # no work that year: "—", not 0%
    assert sum(rows["xã An Hai"].counts.values()) == 0
    assert children["xã An Một"].tasks == sum(rows["xã An Một"].counts.values()) == 4
    assert children["xã An Một"].total == 4

    # The same commune in 2026: its plan counts, one deadline.
    nxt = login(world.officer_a).get(reverse("tracking:dashboard"), {"nam": 2026})
    children = {t.label: t for t in nxt.context["children"]}
    assert children["xã An Hai"].total == 1 and children["xã An Một"].total == 0
