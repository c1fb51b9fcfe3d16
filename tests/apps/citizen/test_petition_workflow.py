"""Handling a petition: classify, assign, answer, approve, publish; redirect; supplement; transfer;
who may do which step, and what the citizen is told."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from apps.audit.models import AuditEntry
from apps.citizen.models import Petition
from apps.citizen.services import petitions as svc
from apps.tracking.calendar import work_calendar
from apps.tracking.models import Notification
from tests.apps.citizen.conftest import petition_data

DAY = date(2025, 11, 3)  # a Monday


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", DAY.isoformat())


def _new(world, **extra) -> Petition:
    return svc.submit_public(world.a1, petition_data(world.a1, **extra))


def _day(monkeypatch, d: date) -> None:
    monkeypatch.setenv("CCHC_TODAY", d.isoformat())


def test_full_cycle_with_due_dates_and_mail(world, monkeypatch, django_capture_on_commit_callbacks):
    cal = work_calendar()
    with django_capture_on_commit_callbacks(execute=True):
        p = _new(world)
    assert p.due_on == cal.add_working_days(DAY, 2)  # classify (reject) step
    p = svc.classify(world.officer_a1, p, agency=world.kt_a1)
    assert (p.status, p.agency, p.due_on) == ("assigned", world.kt_a1, cal.add_working_days(DAY, 15))
    assert Notification.objects.filter(user=world.staff_a1, text__contains=p.code).exists()
    _day(monkeypatch, date(2025, 11, 12))
    p = svc.answer(
        world.staff_a1, p, "Sở đã đề nghị bỏ yêu cầu bản sao có chứng thực khi đã có dữ liệu điện tử."
    )
    assert p.status == "answered" and Notification.objects.filter(user=world.head_a1).exists()
    p = svc.approve(world.head_a1, p)
    assert p.status == "approved" and p.due_on == cal.add_working_days(date(2025, 11, 12), 2)
    _day(monkeypatch, date(2025, 11, 13))
    with django_capture_on_commit_callbacks(execute=True):
        p = svc.publish(world.officer_a1, p, "Đề nghị bỏ yêu cầu bản sao có chứng thực giấy chứng nhận.")
    assert (p.status, p.due_on, p.published_on) == ("published", None, date(2025, 11, 13))
    subjects = [m.subject for m in mail.outbox]
    assert any("Đã tiếp nhận" in s for s in subjects) and any("Trả lời" in s for s in subjects)
    assert "bỏ yêu cầu bản sao" in mail.outbox[-1].body
    events = AuditEntry.objects.filter(model="citizen.petition", object_id=str(p.pk), action="event")
    assert {e.actor for e in events} == {world.officer_a1, world.staff_a1, world.head_a1}
    assert events.count() == 4


def test_unit_leader_may_approve_too(world):
    p = svc.classify(world.officer_a1, _new(world), agency=world.kt_a1)
    p = svc.answer(world.officer_a1, p, "Nội dung trả lời đầy đủ của phòng chuyên môn về thủ tục này.")
    assert svc.approve(world.leader_a1, p).status == "approved"


@pytest.mark.parametrize("who", ["staff_a1", "officer_a", "viewer_a1", "officer_b1", "head_a1", "leader_a1"])
def test_only_the_units_own_officers_classify(world, who):
    p = _new(world)
    with pytest.raises(PermissionDenied):
        svc.classify(getattr(world, who), p)
    assert Petition.objects.get().status == "received"


def test_other_agencies_cannot_answer_or_approve(world):
    p = svc.classify(world.officer_a1, _new(world), agency=world.kt_a1)
    with pytest.raises(PermissionDenied):
        svc.answer(world.staff_a1_hcc, p, "Trả lời của một cơ quan không được giao xử lý phản ánh này.")
    p = svc.answer(world.staff_a1, p, "Nội dung trả lời đầy đủ của phòng chuyên môn về thủ tục này.")
    for who in (world.staff_a1, world.officer_a1, world.staff_a1_hcc, world.officer_a):
        with pytest.raises(PermissionDenied):
            svc.approve(who, p)
    p = svc.return_answer(world.head_a1, p, "Bổ sung căn cứ pháp lý")
    with pytest.raises(ValidationError):  # back with the agency: nothing to approve now
        svc.approve(world.head_a1, p)


def test_return_sends_the_draft_back(world):
    p = svc.classify(world.officer_a1, _new(world), agency=world.kt_a1)
    p = svc.answer(world.staff_a1, p, "Nội dung trả lời đầy đủ của phòng chuyên môn về thủ tục này.")
    p = svc.return_answer(world.head_a1, p, "Bổ sung căn cứ pháp lý")
    assert p.status == "assigned" and p.return_comment == "Bổ sung căn cứ pháp lý"
    assert Notification.objects.filter(user=world.staff_a1, text__contains="bị trả lại").exists()


def test_steps_refuse_the_wrong_status(world):
    p = _new(world)
    with pytest.raises(ValidationError, match="không thực hiện được bước này"):
        svc.approve(world.head_a1, p)
    with pytest.raises(ValidationError):
        svc.publish(world.officer_a1, p, "Tóm tắt đủ dài để công khai trên trang.")


def test_redirect_a_complaint_with_its_reason(world, django_capture_on_commit_callbacks):
    p = _new(world, text="Tôi khiếu nại quyết định hành chính số 12/QĐ-UBND về thu hồi đất của gia đình.")
    with pytest.raises(ValidationError, match="lý do"):
        svc.redirect(world.officer_a1, p, "khieu_nai", "")
    with django_capture_on_commit_callbacks(execute=True):
        p = svc.redirect(
            world.officer_a1,
            p,
            "khieu_nai",
            "Đề nghị gửi đơn khiếu nại đến Chủ tịch UBND xã theo Luật Khiếu nại.",
        )
    assert (p.status, p.redirect_kind, p.due_on) == ("redirected", "khieu_nai", None)
    assert "Luật Khiếu nại" in mail.outbox[-1].body


def test_supplement_restarts_handling(world, monkeypatch, client, django_capture_on_commit_callbacks):
    p = _new(world)
    with django_capture_on_commit_callbacks(execute=True):
        p = svc.request_supplement(world.officer_a1, p, "Đề nghị gửi ảnh chụp giấy hẹn trả kết quả.")
    assert p.status == "needs_info" and p.due_on is None
    assert "Đề nghị gửi ảnh chụp" in mail.outbox[-1].body
    _day(monkeypatch, date(2025, 11, 10))
    p = svc.supplement_public(p, "Tôi gửi kèm ảnh giấy hẹn ngày 20/10.")
    assert p.status == "received" and p.supplemented_on == date(2025, 11, 10)
    p = svc.classify(world.officer_a1, p, agency=world.kt_a1)
    assert p.due_on == work_calendar().add_working_days(date(2025, 11, 10), 15)


def test_transfer_to_the_competent_unit(world, monkeypatch):
    p = svc.classify(world.officer_a1, _new(world), agency=world.kt_a1)
    _day(monkeypatch, date(2025, 11, 5))
    p = svc.transfer(world.officer_a1, p, world.a2, "Thuộc thẩm quyền xã An Hai (nơi có đất).")
    assert (p.org_unit, p.transferred_from, p.agency, p.status) == (world.a2, world.a1, None, "received")
    with pytest.raises(PermissionDenied):
        svc.classify(world.officer_a1, p)  # no longer theirs
    assert p.due_on == work_calendar().add_working_days(date(2025, 11, 5), 2)


def test_assign_only_to_an_agency_of_the_unit(world):
    p = _new(world)
    with pytest.raises(ValidationError, match="cơ quan đang hoạt động của đơn vị"):
        svc.assign(world.officer_a1, p, world.kt_a2)


def test_feedback_once_and_only_after_publication(world):
    p = _new(world)
    with pytest.raises(ValidationError):
        svc.give_feedback(p, True)
    Petition.objects.filter(pk=p.pk).update(status="published", answer="Đã trả lời.", published_on=DAY)
    p = svc.give_feedback(p, False)
    assert p.feedback == "dissatisfied"
    with pytest.raises(ValidationError, match="một lần"):
        svc.give_feedback(p, True)


def test_staff_enter_a_phone_call(world):
    p = svc.enter_petition(world.officer_a1, world.a1, {**petition_data(world.a1), "channel": "phone"})
    assert p.channel == "phone" and p.entered_by == world.officer_a1
    with pytest.raises(ValidationError, match="kênh tiếp nhận"):
        svc.enter_petition(world.officer_a1, world.a1, {**petition_data(world.a1), "channel": "web"})
    with pytest.raises(PermissionDenied):
        svc.enter_petition(world.staff_a1, world.a1, {**petition_data(world.a1), "channel": "letter"})
    assert AuditEntry.objects.filter(model="citizen.petition", object_id=str(p.pk), action="create").exists()


def test_late_step_stays_late(world):
    with time_machine.travel(date(2026, 1, 5)):
        p = svc.classify(world.officer_a1, _new(world), agency=world.kt_a1)
    assert p.due_on == work_calendar().add_working_days(DAY, 15)
