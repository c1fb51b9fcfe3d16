"""Petition rules: step due dates on the working-day calendar (across Tết), verdicts, text checks."""

from __future__ import annotations

import doctest
from datetime import date

import pytest

import core.petitions as petitions
from core.petitions import (
    STEP_LIMITS,
    Feedback,
    PetitionFacts,
    RedirectKind,
    Status,
    Step,
    counts_against_satisfaction,
    current_due,
    new_code,
    normalize_code,
    redirect_hint,
    step_due,
    text_problems,
    verdict,
)
from core.workdays import WorkCalendar

CAL = WorkCalendar()


def facts(**kw) -> PetitionFacts:
    kw.setdefault("status", Status.ASSIGNED)
    kw.setdefault("received_on", date(2025, 11, 3))
    return PetitionFacts(**kw)


def test_doctest():
    assert doctest.testmod(petitions).failed == 0


def test_limits_are_the_766_specification():
    assert STEP_LIMITS == {Step.REJECT: 2, Step.SUPPLEMENT: 5, Step.HANDLE: 15, Step.PUBLISH: 2}


def test_handle_due_across_tet_2025():
    # Received Friday 24/01/2025, the last working day before the Tết break (27/01 - 31/01).
    f = facts(received_on=date(2025, 1, 24))
    assert step_due(Step.REJECT, f, CAL) == date(2025, 2, 4)  # Mon 03/02 and Tue 04/02
    assert step_due(Step.SUPPLEMENT, f, CAL) == date(2025, 2, 7)
    assert step_due(Step.HANDLE, f, CAL) == date(2025, 2, 21)
    # Counting Mon-Fri only would have said 14/02: the five Tết days are not working days.
    assert f.received_on.toordinal() + 21 == date(2025, 2, 14).toordinal()


def test_handle_due_across_tet_2026():
    # Tết 2026: Mon 16/02 - Fri 20/02 off. Received Wed 11/02/2026.
    f = facts(received_on=date(2026, 2, 11))
    assert step_due(Step.REJECT, f, CAL) == date(2026, 2, 13)
    assert step_due(Step.SUPPLEMENT, f, CAL) == date(2026, 2, 25)
    assert step_due(Step.HANDLE, f, CAL) == date(2026, 3, 11)


def test_publish_due_runs_from_approval_and_skips_holidays():
    f = facts(status=Status.APPROVED, approved_on=date(2025, 8, 29))  # Fri before Quốc khánh
    assert step_due(Step.PUBLISH, f, CAL) == date(2025, 9, 4)  # 01/9, 02/9 off: Wed 03, Thu 04
    assert step_due(Step.PUBLISH, facts(), CAL) is None


def test_transfer_and_supplement_restart_the_clock():
    f = facts(received_on=date(2025, 11, 3), transferred_on=date(2025, 11, 10))
    assert step_due(Step.HANDLE, f, CAL) == CAL.add_working_days(date(2025, 11, 10), 15)
    g = facts(received_on=date(2025, 11, 3), supplemented_on=date(2025, 11, 17))
    assert step_due(Step.HANDLE, g, CAL) == CAL.add_working_days(date(2025, 11, 17), 15)
    # the supplement limit always counts from the first receipt
    assert step_due(Step.SUPPLEMENT, g, CAL) == CAL.add_working_days(date(2025, 11, 3), 5)


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (Status.RECEIVED, Step.REJECT),
        (Status.ACCEPTED, Step.HANDLE),
        (Status.ASSIGNED, Step.HANDLE),
        (Status.ANSWERED, Step.HANDLE),
        (Status.APPROVED, Step.PUBLISH),
    ],
)
def test_current_due_follows_the_status(status, step):
    f = facts(status=status, approved_on=date(2025, 11, 20))
    assert current_due(f, CAL) == step_due(step, f, CAL)


@pytest.mark.parametrize("status", [Status.NEEDS_INFO, Status.REDIRECTED, Status.PUBLISHED])
def test_no_due_when_closed_or_waiting_for_the_citizen(status):
    assert current_due(facts(status=status), CAL) is None


def test_on_time_when_every_step_met_its_due():
    received = date(2025, 11, 3)
    approved = CAL.add_working_days(received, 15)
    f = facts(
        status=Status.PUBLISHED,
        received_on=received,
        approved_on=approved,
        published_on=CAL.add_working_days(approved, 2),
    )
    v = verdict(f, date(2025, 12, 31), CAL)
    assert v.in_scope and v.on_time and v.late_steps == ()


def test_late_answer_and_late_publication():
    received = date(2025, 11, 3)
    approved = CAL.add_working_days(received, 16)
    f = facts(status=Status.APPROVED, received_on=received, approved_on=approved)
    v = verdict(f, CAL.add_working_days(approved, 3), CAL)
    assert not v.on_time and v.late_steps == (Step.HANDLE, Step.PUBLISH)


def test_open_petition_is_late_only_once_its_due_passed():
    f = facts(status=Status.ASSIGNED, received_on=date(2025, 11, 3))
    due = step_due(Step.HANDLE, f, CAL)
    assert verdict(f, due, CAL).on_time
    assert not verdict(f, CAL.add_working_days(due, 1), CAL).on_time


def test_steps_finished_after_the_cut_off_count_as_open_then():
    received = date(2025, 9, 15)  # handling due 06/10/2025
    f = facts(
        status=Status.PUBLISHED,
        received_on=received,
        approved_on=date(2025, 10, 30),
        published_on=date(2025, 10, 31),
    )
    # At the end of Q3 (30/09) the petition was open and not yet due: on time then.
    assert verdict(f, date(2025, 9, 30), CAL).on_time
    assert not verdict(f, date(2025, 12, 31), CAL).on_time


def test_waiting_for_the_citizen_is_not_late_but_a_late_request_is():
    received = date(2025, 11, 3)
    f = facts(
        status=Status.NEEDS_INFO, received_on=received, info_requested_on=CAL.add_working_days(received, 6)
    )
    v = verdict(f, date(2026, 3, 1), CAL)
    assert v.late_steps == (Step.SUPPLEMENT,)
    g = facts(
        status=Status.NEEDS_INFO, received_on=received, info_requested_on=CAL.add_working_days(received, 5)
    )
    assert verdict(g, date(2026, 3, 1), CAL).on_time


def test_redirected_petitions_are_out_of_scope():
    f = facts(status=Status.REDIRECTED, redirected_on=date(2025, 11, 4))
    assert not verdict(f, date(2025, 12, 31), CAL).in_scope


def test_satisfaction_counts_dislikes_follow_ups_and_late_ones():
    received = date(2025, 11, 3)
    ok = facts(status=Status.PUBLISHED, received_on=received, approved_on=received, published_on=received)
    v = verdict(ok, date(2025, 12, 31), CAL)
    assert not counts_against_satisfaction(ok, v)
    disliked = facts(
        status=Status.PUBLISHED,
        received_on=received,
        approved_on=received,
        published_on=received,
        feedback=Feedback.DISSATISFIED,
    )
    assert counts_against_satisfaction(disliked, verdict(disliked, date(2025, 12, 31), CAL))
    again = facts(
        status=Status.PUBLISHED,
        received_on=received,
        approved_on=received,
        published_on=received,
        followed_up=True,
    )
    assert counts_against_satisfaction(again, verdict(again, date(2025, 12, 31), CAL))
    late = facts(status=Status.ASSIGNED, received_on=received)
    assert counts_against_satisfaction(late, verdict(late, date(2026, 3, 1), CAL))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "Vui lòng nhập nội dung"),
        ("   ", "Vui lòng nhập nội dung"),
        ("ngắn quá", "quá ngắn"),
        ("x" * 5001, "quá dài"),
        ("Thủ tục cấp giấy rất chậm <script>alert(1)</script> đề nghị xem xét", "mã HTML"),
        ("Đề nghị xem lại <img src=x onerror=alert(1)> giấy tờ hộ tịch", "mã HTML"),
        ("Bấm vào javascript:alert(1) để xem nội dung bị lỗi trên cổng", "mã HTML"),
    ],
)
def test_text_problems(text, expected):
    problems = text_problems(text)
    assert problems and any(expected in p for p in problems)


def test_plain_text_with_comparisons_is_fine():
    assert text_problems("Diện tích < 50 m2 và > 30 m2 vẫn phải nộp bản đồ địa chính, đề nghị bỏ.") == []


def test_redirect_hint():
    assert redirect_hint("Tôi làm đơn tố cáo cán bộ địa chính nhận hối lộ") is RedirectKind.DENUNCIATION
    assert redirect_hint("Tôi khiếu nại quyết định hành chính số 12") is RedirectKind.COMPLAINT
    assert redirect_hint("Đề nghị giảm thành phần hồ sơ cấp giấy phép xây dựng") is None


def test_codes_are_random_and_readable():
    codes = {new_code(date(2025, 11, 25)) for _ in range(200)}
    assert len(codes) == 200
    code = codes.pop()
    assert code.startswith("PA2511-") and len(code) == 15
    assert not set(code[7:]) & set("ILOU")
    assert normalize_code(" pa2511-7k3qx9ab ") == "PA2511-7K3QX9AB"
    assert normalize_code("PA2511-OIL") == "PA2511-011"
