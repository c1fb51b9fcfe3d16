"""Staff report, the head approves, the officer returns or accepts; each step tells the next person."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.models import Milestone
from apps.tracking import services
from apps.tracking.models import Notification, NotificationPreference
from tests.apps.tracking.conftest import opened

FIELDS = {"text": "Đã rà soát 12 thủ tục", "percent": 60, "progress": "in_progress", "reason": ""}


def fresh(m: Milestone) -> Milestone:
    return Milestone.objects.get(pk=m.pk)


@time_machine.travel(date(2025, 11, 25), tick=False)
def test_full_cycle(world, plan_a1, emails, django_capture_on_commit_callbacks):
    world.head_a1.email = "head@example.vn"
    world.head_a1.save()
    NotificationPreference.objects.create(user=world.head_a1, email="each")  # else: the daily digest
    m = plan_a1.m_nov
    report = services.save_report(world.staff_a1, m, FIELDS, expected_version=opened(m))
    assert fresh(m).report_status == "draft"
    assert report.agency == world.kt_a1
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(world.staff_a1, report, expected_version=opened(report))
    assert fresh(m).report_status == "submitted" and fresh(m).submitted_on == date(2025, 11, 25)
    assert Notification.objects.filter(user=world.head_a1, milestone=m).exists()
    assert any("head@example.vn" in e.to for e in emails)

    services.approve_report(world.head_a1, report, expected_version=opened(report))
    assert Notification.objects.filter(user=world.officer_a1, milestone=m).exists()
    services.return_report(
        world.officer_a1, report, "Thiếu danh sách thủ tục", expected_version=opened(report)
    )
    assert fresh(m).report_status == "returned"
    assert Notification.objects.filter(user=world.staff_a1, text__contains="trả lại").exists()

    report.refresh_from_db()
    services.save_report(
        world.staff_a1, m, {**FIELDS, "text": "Bổ sung danh sách"}, expected_version=report.version
    )
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    services.approve_report(world.head_a1, report, expected_version=opened(report))
    services.accept_report(world.officer_a1, report, "Đạt", expected_version=opened(report))
    m = fresh(m)
    assert m.report_status == "accepted" and m.submitted_on == date(2025, 11, 25)
    events = AuditEntry.objects.filter(action="event", model="tracking.progressreport").count()
    assert events == 6  # submit, approve, return, submit, approve, accept


def test_staff_of_another_agency_cannot_report(world, plan_a1):
    with pytest.raises(PermissionDenied):
        services.save_report(
            world.staff_a1_hcc, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
        )  # HCC only coordinates


def test_staff_cannot_approve_and_head_cannot_accept(world, plan_a1):
    report = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    with pytest.raises(PermissionDenied):
        services.approve_report(world.staff_a1, report, expected_version=opened(report))
    with pytest.raises(PermissionDenied):
        services.approve_report(
            world.head_hcc_a1, report, expected_version=opened(report)
        )  # head of another agency
    services.approve_report(world.head_a1, report, expected_version=opened(report))
    with pytest.raises(PermissionDenied):
        services.accept_report(world.head_a1, report, expected_version=opened(report))
    with pytest.raises(PermissionDenied):
        services.accept_report(
            world.officer_b1, report, expected_version=opened(report)
        )  # officer of another province


def test_province_officer_may_review_commune_reports(world, plan_a1):
    report = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    services.approve_report(world.head_a1, report, expected_version=opened(report))
    services.accept_report(world.officer_a, report, expected_version=opened(report))
    assert fresh(plan_a1.m_nov).report_status == "accepted"


def test_accepted_milestone_refuses_a_new_report(world, plan_a1):
    report = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    services.approve_report(world.head_a1, report, expected_version=opened(report))
    services.accept_report(world.officer_a1, report, expected_version=opened(report))
    with pytest.raises(ValidationError, match="đã được tiếp nhận"):
        services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov))


def test_return_needs_a_comment_and_failed_needs_a_reason(world, plan_a1):
    with pytest.raises(ValidationError, match="lý do"):
        services.save_report(
            world.staff_a1,
            plan_a1.m_nov,
            {**FIELDS, "progress": "failed"},
            expected_version=opened(plan_a1.m_nov),
        )
    with pytest.raises(ValidationError, match="100%"):
        services.save_report(
            world.staff_a1,
            plan_a1.m_nov,
            {**FIELDS, "progress": "done"},
            expected_version=opened(plan_a1.m_nov),
        )
    report = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    with pytest.raises(ValidationError, match="ý kiến"):
        services.return_report(world.head_a1, report, "  ", expected_version=opened(report))


def test_coordinating_agency_adds_its_part(world, plan_a1):
    report = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
    c = services.add_contribution(world.staff_a1_hcc, report, "Trung tâm đã số hóa 300 hồ sơ")
    assert c.agency == world.hcc_a1
    assert Notification.objects.filter(user=world.staff_a1, text__contains="phối hợp").exists()
    with pytest.raises(PermissionDenied):
        services.add_contribution(world.officer_b1, report, "x")


# --- through the pages ----------------------------------------------------------------------------


def test_pages_grant_and_deny(world, plan_a1, login):
    m = plan_a1.m_nov
    url = reverse("tracking:milestone", args=[m.pk])
    client = login(world.staff_a1)
    assert client.get(url).status_code == 200
    response = client.post(url, {**FIELDS, "version": "0", "step": "luu"})  # the first report, a draft
    assert response.status_code == 302 and fresh(m).report_status == "draft"
    gui = reverse("tracking:report_action", args=[m.pk, "gui"])  # the earlier address still works
    assert client.post(gui, {"version": "1"}).status_code == 302
    # staff may not approve: 403
    assert (
        client.post(reverse("tracking:report_action", args=[m.pk, "duyet"]), {"version": "2"}).status_code
        == 403
    )
    # another agency of the same commune does not see the task at all
    assert (
        login(world.staff_a1_hcc).get(reverse("tracking:milestone", args=[plan_a1.m_hcc.pk])).status_code
        == 200
    )
    assert (
        login(world.staff_a1_hcc).get(reverse("tracking:milestone", args=[plan_a1.m_q4.pk])).status_code
        == 200
    )
    other = login(world.head_hcc_a1)
    assert other.get(reverse("tracking:milestone", args=[m.pk])).status_code == 200  # coordinating
    assert login(world.officer_b1).get(url).status_code == 404  # another province: hidden
    head = login(world.head_a1)
    assert (
        head.post(reverse("tracking:report_action", args=[m.pk, "duyet"]), {"version": "2"}).status_code
        == 302
    )
    officer = login(world.officer_a1)
    response = officer.post(
        reverse("tracking:report_action", args=[m.pk, "tra-lai"]), {"comment": "", "version": "3"}
    )
    assert response.status_code == 200 and "ý kiến" in response.content.decode()
    assert (
        officer.post(
            reverse("tracking:report_action", args=[m.pk, "tiep-nhan"]), {"comment": "Đạt", "version": "3"}
        ).status_code
        == 302
    )
    assert fresh(m).report_status == "accepted"


def test_agency_outside_the_task_is_refused(world, plan_a1, login):
    """Phòng Kinh tế's staff see nothing of a task led by Trung tâm HCC alone."""
    url = reverse("tracking:milestone", args=[plan_a1.m_hcc.pk])
    assert login(world.staff_a1).get(url).status_code == 403
    assert login(world.viewer_a1).get(url).status_code == 200  # org-wide viewer of the commune
