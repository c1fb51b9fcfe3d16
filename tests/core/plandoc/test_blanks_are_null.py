"""Blanks left for the number and the day stay null; filled ones are read."""

from __future__ import annotations

from datetime import date


def test_blank_number_and_day_are_null(seed_plans):
    for prefix in ("000", "001", "002", "003"):
        plan = seed_plans[prefix]
        assert plan.decision_number is None, prefix
        assert plan.signed_date is None, prefix


def test_filled_number_and_date_are_read(seed_plans):
    plan = seed_plans["004"]
    assert plan.decision_number == "362/QĐ-UBND"
    assert plan.signed_date == date(2025, 7, 28)
    assert plan.period_start == date(2025, 7, 1) and plan.period_end == date(2025, 12, 31)


def test_header_fields_of_a_commune_plan(seed_plans):
    plan = seed_plans["000"]
    assert plan.issuer == "UBND xã Thường Xuân"
    assert (plan.org_unit.name, plan.org_unit.level, plan.org_unit.province) == (
        "xã Thường Xuân",
        "commune",
        "Thanh Hóa",
    )
    assert plan.signer == "Hoàng Sỹ Hùng"
    assert plan.title == "Kế hoạch cải cách hành chính trên địa bàn xã Thường Xuân năm 2025"
