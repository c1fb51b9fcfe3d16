"""Issue 14 item 7: the reviewers' queue says what each report is and how long it has waited, and the
reviewer approves, accepts or returns from the list (HTMX line swap), under the same policy."""

from __future__ import annotations

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse

from apps.plans.models import Milestone
from apps.tracking import services
from apps.tracking.models import ProgressReport
from apps.tracking.queue import queue_items, working_days_waited
from core.workdays import WorkCalendar
from tests.apps.tracking.conftest import milestone, opened

FIELDS = {"text": "Đã rà soát 12 thủ tục", "percent": 60, "progress": "in_progress", "reason": ""}
HTMX = {"HTTP_HX_REQUEST": "true"}


def send(user, m: Milestone) -> ProgressReport:
    return services.report_progress(user, m, FIELDS, submit=True, expected_version=opened(m))


@pytest.fixture
def two_quarterly(world, plan_a1):
    """Two reports with the same period label and agency, on two different tasks (the issue's case),
    sent on Thursday 20/11/2025 and Monday 24/11/2025."""
    same = "Báo cáo thường xuyên quý III/2025"
    first = milestone(plan_a1.t_kt, date(2025, 9, 30), same, kind="continuous")
    second = milestone(plan_a1.t_event, date(2025, 9, 30), same, kind="continuous")
    with time_machine.travel(date(2025, 11, 20), tick=False):
        send(world.staff_a1, first)
    with time_machine.travel(date(2025, 11, 24), tick=False):
        send(world.staff_a1, second)
    return first, second


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_lines_say_task_agency_period_and_working_days_waited(world, plan_a1, two_quarterly, login):
    first, second = two_quarterly
    body = login(world.head_a1).get(reverse("tracking:queue")).content.decode()
    lines = re.findall(
        r'<li class="queue-item" id="cho-(\d+)">(.*?)</li>\s*(?=<li class="queue-item"|</ul>)', body, re.S
    )
    assert [int(pk) for pk, _ in lines] == [first.pk, second.pk]  # longest wait first
    text = {int(pk): re.sub(r"<[^>]+>", " ", html) for pk, html in lines}
    assert "Nhiệm vụ 1 của kế hoạch" in text[first.pk] and "Nhiệm vụ 3 của kế hoạch" in text[second.pk]
    for pk in (first.pk, second.pk):
        assert "Báo cáo thường xuyên quý III/2025" in text[pk] and "Phòng Kinh tế" in text[pk]
        assert "xã An Một" in text[pk] and "Chờ lãnh đạo duyệt" in text[pk]
    # Thu 20/11 → Tue 25/11: Fri, Mon, Tue = 3 working days (the weekend does not count).
    assert "Đã chờ 3 ngày làm việc" in text[first.pk] and "(từ 20/11/2025)" in text[first.pk]
    assert "Đã chờ 1 ngày làm việc" in text[second.pk]
    assert "ngày làm việc" in body and "trừ thứ Bảy, Chủ nhật" in body
    assert "{#" not in body and "{%" not in body  # no template comment shown as text


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_workspace_shows_the_same_lines(world, plan_a1, two_quarterly, login):
    response = login(world.head_a1).get(reverse("tracking:workspace"))
    assert [i.pk for i in response.context["queue"]] == [m.pk for m in two_quarterly]
    assert 'Báo cáo chờ bạn xử lý (<span id="queue-count">2</span>)' in response.content.decode()


def test_the_officer_waits_from_the_approval_day(world, plan_a1, two_quarterly):
    first, _ = two_quarterly
    report = ProgressReport.objects.get(milestone=first)
    with time_machine.travel(date(2025, 11, 24), tick=False):
        services.approve_report(world.head_a1, report, expected_version=opened(report))
    with time_machine.travel(date(2025, 11, 26), tick=False):
        [item] = queue_items(world.officer_a1)
    assert item.pk == first.pk and item.waiting_since == date(2025, 11, 24) and item.waited == 2
    assert item.to_accept and item.may_act


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_approve_from_the_list_swaps_the_line(world, plan_a1, two_quarterly, login):
    first, second = two_quarterly
    client = login(world.head_a1)
    report = ProgressReport.objects.get(milestone=first)
    url = reverse("tracking:queue_action", args=[first.pk])
    response = client.post(url, {"step": "duyet", "version": str(report.version)}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith(f'<li class="queue-item done" id="cho-{first.pk}"') and "Đã duyệt" in body
    assert '<span id="queue-count" hx-swap-oob="true">1</span>' in body  # the heading's count follows
    first.refresh_from_db()
    assert first.report_status == "approved"
    assert [i.pk for i in queue_items(world.head_a1)] == [second.pk]
    assert [i.pk for i in queue_items(world.officer_a1)] == [first.pk]


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_return_from_the_list_needs_a_reason_beside_the_box(world, plan_a1, two_quarterly, login):
    first, _ = two_quarterly
    client = login(world.head_a1)
    page = client.get(reverse("tracking:queue")).content.decode()
    box = re.search(rf'<textarea name="comment" id="q{first.pk}-return-comment"[^>]*>', page).group(0)
    assert "required" in box
    assert f'hx-post="{reverse("tracking:queue_action", args=[first.pk])}"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    report = ProgressReport.objects.get(milestone=first)
    url = reverse("tracking:queue_action", args=[first.pk])
    response = client.post(url, {"step": "tra-lai", "comment": "", "version": str(report.version)}, **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and body.startswith(f'<li class="queue-item" id="cho-{first.pk}"')
    assert re.search(r'class="review-return has-error">.*Vui lòng ghi ý kiến', body, re.S)
    first.refresh_from_db()
    assert first.report_status == "submitted"
    response = client.post(
        url, {"step": "tra-lai", "comment": "Thiếu biên bản", "version": str(report.version)}, **HTMX
    )
    assert "Đã trả lại báo cáo" in response.content.decode()
    first.refresh_from_db()
    assert first.report_status == "returned"
    assert ProgressReport.objects.get(milestone=first).review_comment == "Thiếu biên bản"


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_without_htmx_the_error_comes_back_on_the_queue_page(world, plan_a1, two_quarterly, login):
    first, _ = two_quarterly
    client = login(world.head_a1)
    report = ProgressReport.objects.get(milestone=first)
    url = reverse("tracking:queue_action", args=[first.pk])
    response = client.post(url, {"step": "tra-lai", "comment": " ", "version": str(report.version)})
    assert (
        response.status_code == 200 and 'xử lý (<span id="queue-count">2</span>)' in response.content.decode()
    )
    assert "Vui lòng ghi ý kiến" in response.content.decode()
    response = client.post(url, {"step": "duyet", "version": str(report.version)})
    assert response.status_code == 302 and response["Location"] == reverse("tracking:queue")


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_a_stale_line_is_refused_and_shown_anew(world, plan_a1, two_quarterly, login):
    first, _ = two_quarterly
    report = ProgressReport.objects.get(milestone=first)
    url = reverse("tracking:queue_action", args=[first.pk])
    response = login(world.head_a1).post(url, {"step": "duyet", "version": str(report.version - 1)}, **HTMX)
    body = response.content.decode()
    assert "vừa được người khác cập nhật" in body and f'name="version" value="{report.version}"' in body
    first.refresh_from_db()
    assert first.report_status == "submitted"
    response = login(world.head_a1).post(url, {"step": "duyet"}, **HTMX)
    assert "Thiếu số phiên bản" in response.content.decode()


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_another_agency_head_is_refused(world, plan_a1, two_quarterly, login):
    first, _ = two_quarterly
    report = ProgressReport.objects.get(milestone=first)
    client = login(world.head_hcc_a1)  # head of Trung tâm HCC: coordinates task 1, leads neither
    assert queue_items(world.head_hcc_a1) == []
    assert "Nhiệm vụ 1 của kế hoạch" not in client.get(reverse("tracking:queue")).content.decode()
    url = reverse("tracking:queue_action", args=[first.pk])
    assert client.post(url, {"step": "duyet", "version": str(report.version)}, **HTMX).status_code == 403
    assert login(world.officer_b1).post(url, {"step": "duyet", "version": "9"}).status_code == 404
    # the officer may not approve for the head, only accept after the approval
    assert (
        login(world.officer_a1).post(url, {"step": "duyet", "version": str(report.version)}).status_code
        == 403
    )
    first.refresh_from_db()
    assert first.report_status == "submitted"


def test_unknown_step_and_get_are_refused(world, plan_a1, two_quarterly, login):
    client = login(world.head_a1)
    url = reverse("tracking:queue_action", args=[two_quarterly[0].pk])
    assert client.get(url).status_code == 405
    assert client.post(url, {"step": "xoa", "version": "1"}).status_code == 404


def test_csrf_is_required(world, plan_a1, two_quarterly):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(world.head_a1)
    url = reverse("tracking:queue_action", args=[two_quarterly[0].pk])
    assert client.post(url, {"step": "duyet", "version": "1"}, **HTMX).status_code == 403
    two_quarterly[0].refresh_from_db()
    assert two_quarterly[0].report_status == "submitted"


def test_working_days_waited_skips_weekends_and_holidays_and_never_goes_negative():
    """The one count of a wait that the queue page and the home card both print."""
    cal = WorkCalendar()
    assert working_days_waited(date(2025, 11, 20), date(2025, 11, 25), cal) == 3  # Thu → Tue
    assert working_days_waited(date(2025, 8, 29), date(2025, 9, 3), cal) == 1  # over Quốc khánh
    assert working_days_waited(date(2025, 11, 25), date(2025, 11, 25), cal) == 0
    assert working_days_waited(date(2025, 11, 26), date(2025, 11, 25), cal) == 0  # a clock skew
    assert working_days_waited(None, date(2025, 11, 25), cal) is None
