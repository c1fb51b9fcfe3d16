"""Target rule: inconsistent_target (targets, task texts and body compared)."""

from __future__ import annotations

from datetime import date

from tests.core.checks.conftest import plan, run, target, task

PAYMENT = "tỷ lệ giao dịch thanh toán trực tuyến đạt {}"


def test_same_indicator_with_different_values_in_target_and_task():
    p = plan(
        targets=[target(PAYMENT.format("từ 70% trở lên"), indicator="online_payment_rate", value=70)],
        tasks=[
            task(
                content="100% TTHC có nghĩa vụ tài chính được thanh toán trực tuyến, trong đó, "
                + PAYMENT.format("50%")
            )
        ],
    )
    found = run(p)
    assert [(f.rule, f.severity, f.target_index) for f in found] == [("inconsistent_target", "warning", 0)]
    assert "70%" in found[0].message and "50%" in found[0].message


def test_body_restating_a_target_differently():
    source = "II. MỤC TIÊU\nTrong năm, " + PAYMENT.format("60%") + ".\n"
    p = plan(
        source_text=source, targets=[target(PAYMENT.format("70%"), indicator="online_payment_rate", value=70)]
    )
    found = run(p)
    assert [f.rule for f in found] == ["inconsistent_target"]


def test_values_for_different_years_are_a_trajectory():
    p = plan(
        period_start=date(2026, 1, 1),
        period_end=date(2030, 12, 31),
        signed_date=date(2026, 1, 20),
        targets=[
            target(PAYMENT.format("70% vào năm 2027"), indicator="online_payment_rate", value=70, year=2027),
            target(PAYMENT.format("80% vào năm 2030"), indicator="online_payment_rate", value=80, year=2030),
        ],
    )
    assert run(p, today=date(2026, 6, 1)) == []


def test_same_value_restated_is_fine_and_other_measures_are_not_compared():
    p = plan(
        targets=[
            target(),
            target("Mức độ hài lòng về giải quyết TTHC đạt 97%", indicator="satisfaction_rate", value=97),
        ],
        tasks=[
            task(
                content="Duy trì tỷ lệ giải quyết hồ sơ đúng hạn đạt trên 98%; mức độ hài lòng về y tế đạt 90%."
            )
        ],
    )
    assert run(p) == []
