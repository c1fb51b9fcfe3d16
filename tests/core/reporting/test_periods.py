"""Period codes, data windows (Công văn 581/BNV-CCHC cut-offs) and due dates."""

from __future__ import annotations

from datetime import date

import pytest

from core.reporting.periods import (
    NATIONAL_RULES,
    Anchor,
    Kind,
    PeriodError,
    PeriodRule,
    current_period,
    due_between,
    merge_rules,
    parse_code,
    parse_period,
    periods_of_year,
)


@pytest.mark.parametrize(
    ("code", "start", "end", "due"),
    [
        ("2025-Q1", date(2024, 12, 15), date(2025, 3, 14), date(2025, 3, 20)),
        ("2025-H1", date(2024, 12, 15), date(2025, 6, 14), date(2025, 6, 20)),
        ("2025-Q3", date(2025, 6, 15), date(2025, 9, 14), date(2025, 9, 20)),
        ("2025-Y", date(2024, 12, 15), date(2025, 12, 14), date(2025, 12, 20)),
        ("2025-9M", date(2024, 12, 15), date(2025, 9, 14), date(2025, 9, 20)),
        ("2025-Q2", date(2025, 3, 15), date(2025, 6, 14), date(2025, 6, 20)),
        ("2025-Q4", date(2025, 9, 15), date(2025, 12, 14), date(2025, 12, 20)),
        ("2025-M01", date(2024, 12, 15), date(2025, 1, 14), date(2025, 1, 20)),
        ("2025-M7", date(2025, 6, 15), date(2025, 7, 14), date(2025, 7, 20)),
    ],
)
def test_national_windows(code, start, end, due):
    p = parse_period(code)
    assert (p.start, p.end, p.due) == (start, end, due)


def test_codes_are_normalised_and_labelled():
    assert parse_code(" 2025-q3 ") == (2025, Kind.Q3, None)
    assert parse_period("2025-6M").code == "2025-H1"
    assert parse_period("2025-M7").code == "2025-M07"
    assert parse_period("2025-Q3").title == "quý III năm 2025"
    assert parse_period("2025-H1").title == "6 tháng đầu năm 2025"
    assert parse_period("2025-9M").title == "9 tháng năm 2025"
    assert parse_period("2025-Y").title == "năm 2025"
    assert parse_period("2025-Q3").label == "Quý III/2025"


@pytest.mark.parametrize("bad", ["", "2025", "2025-Q5", "Q1-2025", "2025-M13", "1899-Q1", "2025-X"])
def test_bad_codes_say_how_to_write_them(bad):
    with pytest.raises(PeriodError) as exc:
        parse_period(bad)
    assert "Kỳ báo cáo" in str(exc.value) or "Năm" in str(exc.value)


def test_data_window_contains_its_cut_off_days_only():
    p = parse_period("2025-Q3")
    assert p.contains(date(2025, 6, 15)) and p.contains(date(2025, 9, 14))
    assert not p.contains(date(2025, 6, 14)) and not p.contains(date(2025, 9, 15))


def test_required_national_reports_are_the_four_of_581():
    assert [p.code for p in periods_of_year(2025)] == ["2025-Q1", "2025-H1", "2025-Q3", "2025-Y"]


def test_a_province_cadence_overrides_the_defaults():
    """A province reporting each quarter on calendar quarters, 9 months, and a monthly report."""
    calendar_q2 = PeriodRule(Kind.Q2, Anchor(4, 1), Anchor(6, 30), Anchor(7, 5), required=True)
    rules = merge_rules(
        [
            {Kind.Q2: calendar_q2, Kind.M9: NATIONAL_RULES[Kind.M9].with_required(True)},
            {Kind.MONTH: NATIONAL_RULES[Kind.MONTH].with_required(True)},
        ]
    )
    q2 = parse_period("2025-Q2", rules)
    assert (q2.start, q2.end, q2.due) == (date(2025, 4, 1), date(2025, 6, 30), date(2025, 7, 5))
    codes = [p.code for p in periods_of_year(2025, rules)]
    assert "2025-9M" in codes and "2025-Q2" in codes and "2025-M12" in codes
    assert len(codes) == 4 + 2 + 12


def test_day_past_month_end_is_the_last_day():
    rules = merge_rules([{Kind.Q1: PeriodRule(Kind.Q1, Anchor(1, 1), Anchor(2, 31), Anchor(3, 31))}])
    assert parse_period("2024-Q1", rules).end == date(2024, 2, 29)


def test_current_and_due_periods():
    assert current_period(date(2025, 8, 1)).code == "2025-Q3"
    assert current_period(date(2025, 9, 21)).code == "2025-Y"
    assert current_period(date(2025, 12, 21)).code == "2026-Q1"
    assert [p.code for p in due_between(date(2025, 6, 1), date(2025, 9, 30))] == ["2025-H1", "2025-Q3"]
