"""The home page is a cockpit: what is late, what is due soon, what waits for me, how my unit is
doing and the next report; each role sees its own scope and nothing of other agencies' work."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from apps.plans.models import Plan, Target
from apps.tracking import services
from apps.tracking.models import Notification
from tests.apps.queries import queries_with_more_data
from tests.apps.tracking.conftest import active_plan, make_task, milestone, opened

TODAY = "2025-11-25 09:00 +0700"
FIELDS = {"text": "Đã rà soát 12 thủ tục", "percent": 60, "progress": "in_progress", "reason": ""}


@pytest.fixture
def late(world, plan_a1):
    """One overdue milestone for Phòng Kinh tế A1 and one for the Trung tâm HCC A1."""
    plan_a1.m_kt_late = milestone(plan_a1.t_kt, date(2025, 11, 3), "Báo cáo tháng 10 Kinh tế")
    plan_a1.m_hcc_late = milestone(plan_a1.t_hcc, date(2025, 11, 10), "Báo cáo tháng 10 HCC")
    return plan_a1


def home(login, user) -> str:
    response = login(user).get(reverse("home"))
    assert response.status_code == 200
    return response.content.decode()


@time_machine.travel(TODAY, tick=False)
def test_staff_sees_own_agency_late_and_due_soon_not_other_agency(world, late, login):
    body = home(login, world.staff_a1)
    assert "<strong>1</strong> mốc quá hạn" in body
    assert "Báo cáo tháng 10 Kinh tế" in body and "quá 22 ngày" in body
    assert "Hoàn thành tháng 11" in body  # due 28/11: within the due-soon window
    assert "Báo cáo tháng 10 HCC" not in body  # the Trung tâm HCC's work: not this staff's
    assert "<strong>0</strong> báo cáo bị trả lại" in body


@time_machine.travel(TODAY, tick=False)
def test_other_agency_staff_sees_only_theirs(world, late, login):
    body = home(login, world.staff_a1_hcc)
    assert "Báo cáo tháng 10 HCC" in body
    assert "Báo cáo tháng 10 Kinh tế" not in body


@time_machine.travel(TODAY, tick=False)
def test_officer_sees_whole_unit_with_agencies_and_links(world, late, login):
    body = home(login, world.officer_a1)
    assert "<strong>2</strong> mốc quá hạn" in body
    assert "Báo cáo tháng 10 Kinh tế" in body and "Báo cáo tháng 10 HCC" in body
    assert "Trung tâm Phục vụ hành chính công" in body  # the lead agency of each late row
    assert reverse("tracking:milestone", args=[late.m_hcc_late.pk]) in body
    assert "Hạn báo cáo tiếp theo" in body and "20/12/2025" in body  # the annual report's due date
    assert "Tình hình thực hiện năm 2025" in body


@time_machine.travel(TODAY, tick=False)
def test_province_officer_sees_communes_and_subordinates_reports(world, late, login):
    body = home(login, world.officer_a)
    assert "tỉnh An và các đơn vị cấp dưới" in body
    assert "Báo cáo tháng 10 HCC" in body
    assert "cấp dưới đã gửi 0/2" in body
    # Another province's commune is not in the officer's scope.
    other = Plan.objects.create(
        org_unit=world.b1,
        title="KH xã Bình Một",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
    )
    other.status = Plan.Status.ACTIVE
    other.save()
    milestone(make_task(other, "1", world.vhxh_b1), date(2025, 11, 5), "Việc trễ của tỉnh Bình")
    assert "Việc trễ của tỉnh Bình" not in home(login, world.officer_a)


@time_machine.travel(TODAY, tick=False)
def test_rates_against_the_plans_target(world, late, login):
    Target.objects.create(
        plan=late.plan,
        text="Hoàn thành 80% nhiệm vụ",
        indicator="task_completion_rate",
        comparator=">=",
        value=80,
    )
    body = home(login, world.leader_a1)
    # Two tasks had milestones due by today (03/11 and 10/11), none done: 0% against ≥ 80%.
    assert "0 nhiệm vụ đã hoàn thành / 2 nhiệm vụ" in body
    assert "chỉ tiêu ≥ 80%" in body and "Không đạt" in body
    assert "chờ bạn duyệt" not in body  # a leader reviews no progress report


@time_machine.travel(TODAY, tick=False)
def test_head_sees_reports_waiting_in_working_days_as_the_queue_counts(world, plan_a1, login):
    with time_machine.travel("2025-11-20 10:00 +0700", tick=False):
        report = services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=0)
        services.submit_report(world.staff_a1, report, expected_version=opened(report))
    body = home(login, world.head_a1)
    assert "<strong>1</strong> báo cáo chờ bạn duyệt" in body
    # Thu 20/11 → Tue 25/11 is 5 calendar days but 3 working days (Fri, Mon, Tue): the weekend
    # does not count, and the card says the unit.
    assert "chờ 3 ngày làm việc" in body
    assert "chờ 5 ngày" not in body
    assert "Hoàn thành tháng 11" in body
    # The reviewers' queue page prints the same figure for the same report.
    queue_page = login(world.head_a1).get(reverse("tracking:queue")).content.decode()
    assert "Đã chờ 3 ngày làm việc" in queue_page
    # The officer of the unit does not see it yet: the head has not approved it.
    assert "chờ bạn duyệt" not in home(login, world.officer_a1)


@time_machine.travel(TODAY, tick=False)
def test_unread_notifications_counted(world, plan_a1, login):
    Notification.objects.create(user=world.viewer_a1, text="Có báo cáo mới")
    assert "<strong>1</strong> thông báo chưa đọc" in home(login, world.viewer_a1)


def test_no_role_no_cockpit(world, login):
    body = home(login, world.nobody)
    assert "Việc cần làm" not in body
    assert "Bạn chưa được giao vai trò nào" in body


@time_machine.travel(TODAY, tick=False)
def test_superuser_sees_every_unit(world, late, login):
    body = home(login, world.root)
    assert "mọi đơn vị" in body and "Báo cáo tháng 10 HCC" in body


@time_machine.travel(TODAY, tick=False)
def test_query_count_does_not_grow_with_late_work(world, plan_a1, login):
    """The lists show their first rows with agencies and units prefetched: no query per row."""

    from apps.orgs.models import Agency

    def add(n):
        for i in range(n):
            agency = Agency.objects.create(org_unit=world.a1, name=f"Phòng {i}-{n}", kind="phong")
            task = make_task(late_plan, str(100 + i + n), agency)
            milestone(task, date(2025, 11, 1 + i % 20), f"Mốc trễ {i}")
            milestone(task, date(2025, 11, 26), f"Mốc sắp đến {i}")

    late_plan = plan_a1.plan
    client = login(world.officer_a)
    body, few, many = queries_with_more_data(client, reverse("home"), add)
    assert "Mốc trễ" in body
    assert many == few, f"{few} truy vấn với ít mốc, {many} với nhiều"


@time_machine.travel(TODAY, tick=False)
def test_officer_sees_what_her_own_office_leads(world, login):
    """The province officer sits in the Sở Nội vụ: its late work is named on her home page."""
    plan = active_plan(world.a, "KH tỉnh")
    milestone(make_task(plan, "1", world.snv_a), date(2025, 11, 10))
    body = home(login, world.officer_a)
    assert "Việc Sở Nội vụ chủ trì:" in body and "1 mốc quá hạn</a>" in body
    assert "chủ trì:" not in home(login, world.staff_a1)  # an agency role: its cockpit is that already
