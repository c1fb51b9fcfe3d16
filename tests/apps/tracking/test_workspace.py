"""'Việc của tôi': the agency's milestones by urgency, filters, the coming weeks, a plan's timeline."""

from __future__ import annotations

from datetime import date

import time_machine
from django.urls import reverse

from apps.tracking import services
from core.plandoc.model import task_ref
from tests.apps.tracking.conftest import opened

FIELDS = {"text": "x", "percent": 10, "progress": "in_progress", "reason": ""}


@time_machine.travel(date(2025, 12, 1), tick=False)
def test_lead_tasks_sorted_by_urgency(world, plan_a1, login):
    response = login(world.staff_a1).get(reverse("tracking:workspace"))
    assert response.status_code == 200
    rows = response.context["lead_rows"]
    assert [r.milestone.pk for r in rows] == [plan_a1.m_nov.pk, plan_a1.m_q4.pk, plan_a1.m_event.pk]
    assert [r.state.value for r in rows] == ["overdue", "upcoming", "undated"]
    assert [r.milestone.pk for r in response.context["coord_rows"]] == []
    assert "Quá hạn" in response.content.decode()


@time_machine.travel(date(2025, 12, 1), tick=False)
def test_coordinating_shown_separately(world, plan_a1, login):
    response = login(world.staff_a1_hcc).get(reverse("tracking:workspace"))
    assert [r.milestone.pk for r in response.context["lead_rows"]] == [plan_a1.m_hcc.pk]
    assert {r.milestone.pk for r in response.context["coord_rows"]} == {plan_a1.m_nov.pk, plan_a1.m_q4.pk}


@time_machine.travel(date(2025, 12, 1), tick=False)
def test_filters(world, plan_a1, login):
    client = login(world.staff_a1)
    url = reverse("tracking:workspace")
    assert [r.milestone.pk for r in client.get(url, {"trang_thai": "overdue"}).context["lead_rows"]] == [
        plan_a1.m_nov.pk
    ]
    assert [r.milestone.pk for r in client.get(url, {"linh_vuc": "the_che"}).context["lead_rows"]] == [
        plan_a1.m_event.pk
    ]
    assert client.get(url, {"ke_hoach": "999999"}).context["lead_rows"] == []


@time_machine.travel(date(2025, 12, 1), tick=False)
def test_review_queue_for_head_and_officer(world, plan_a1, login):
    report = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    assert [m.pk for m in login(world.head_a1).get(reverse("tracking:workspace")).context["queue"]] == [
        plan_a1.m_nov.pk
    ]
    assert login(world.officer_a1).get(reverse("tracking:workspace")).context["queue"] == []
    services.approve_report(world.head_a1, report, expected_version=opened(report))
    assert [m.pk for m in login(world.officer_a1).get(reverse("tracking:workspace")).context["queue"]] == [
        plan_a1.m_nov.pk
    ]


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_calendar_of_the_coming_weeks(world, plan_a1, login):
    response = login(world.staff_a1).get(reverse("tracking:calendar"))
    assert response.status_code == 200
    days = {d["day"]: d for week in response.context["weeks"] for d in week}
    assert [r.milestone.pk for r in days[date(2025, 11, 28)]["rows"]] == [plan_a1.m_nov.pk]
    assert days[date(2025, 11, 25)]["today"] and not days[date(2025, 11, 29)]["working"]


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_timeline_svg(world, plan_a1, login):
    response = login(world.staff_a1).get(reverse("tracking:timeline", args=[plan_a1.plan.pk]))
    body = response.content.decode()
    assert response.status_code == 200 and "<svg" in body
    assert body.count("<script") == 2 and "<script>" not in body  # only the base layout's files
    desktop, phone = body.split('class="card tl-list"')
    assert "{#" not in body and "{%" not in body
    # Phòng Kinh tế's own task only (two dated milestones); t_hcc's follow-up is not theirs to see
    assert desktop.count('class="pt s-') == 2 and phone.count('class="pt s-') == 2
    # The phone layout: full task names, each milestone listed with its date, a quarter scale
    # ... numbered as on the plan page and in the findings: area code and printed number ("CĐ.1")
    task = plan_a1.plan.tasks.get(content="Nhiệm vụ 1 của kế hoạch")
    assert f">{task_ref(task.area, task.no)}. Nhiệm vụ 1 của kế hoạch<" in phone
    assert "28/11/2025 — Hoàn thành tháng 11" in phone
    assert ">T1/2025<" in phone and ">T10<" in phone and "1 mốc chưa xác định hạn" in phone
    assert 'cx="90.93%"' in phone  # 28/11/2025 on the 2025 track: day 331 of a 364-day span
    officer = login(world.officer_a1).get(reverse("tracking:timeline", args=[plan_a1.plan.pk]))
    desktop = officer.content.decode().split('class="card tl-list"')[0]
    assert desktop.count('class="pt s-') == 3  # all three dated milestones
    assert (
        login(world.officer_b1).get(reverse("tracking:timeline", args=[plan_a1.plan.pk])).status_code == 404
    )


def test_menu_entry(world, login):
    body = login(world.staff_a1).get(reverse("home")).content.decode()
    assert "Việc của tôi" in body and "Theo dõi tiến độ" in body and "Lịch làm việc" not in body


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_officer_sees_the_tasks_her_own_office_leads(world, login):
    """The CCHC officer sits in the Sở Nội vụ: its tasks are hers to follow (issue 14)."""
    from tests.apps.tracking.conftest import active_plan, make_task, milestone

    plan = active_plan(world.a, "KH tỉnh")
    m = milestone(make_task(plan, "1", world.snv_a), date(2025, 11, 10), "Báo cáo của Sở Nội vụ")
    response = login(world.officer_a).get(reverse("tracking:workspace"))
    body = response.content.decode()
    assert [r.milestone.pk for r in response.context["lead_rows"]] == [m.pk]
    assert "Bạn không thuộc cơ quan nào" not in body
    # The appraiser of the same office follows them too; another province's officer does not.
    assert login(world.appraiser_a).get(reverse("tracking:workspace")).context["lead_total"] == 1
    assert login(world.officer_b1).get(reverse("tracking:workspace")).context["lead_total"] == 0


def test_org_wide_role_without_agency_is_pointed_to_the_unit(world, login):
    body = login(world.leader_a1).get(reverse("tracking:workspace")).content.decode()
    assert "không gắn với cơ quan chủ trì nào" in body
    assert reverse("tracking:dashboard") in body
