from datetime import date

from core.bounds import parse_day, plan_period_problem, query_int, working_days_problem, year_problem


def test_years_outside_the_working_range_are_named():
    assert year_problem(date(2025, 1, 1)) is None
    assert "năm phải từ" in year_problem(date(9999, 12, 31))
    assert "năm phải từ" in year_problem(date(1, 1, 1))


def test_plan_period():
    assert plan_period_problem(date(2025, 1, 1), date(2025, 12, 31)) is None
    assert plan_period_problem(date(2026, 1, 1), date(2030, 12, 31)) is None
    assert "năm" in plan_period_problem(date(2025, 1, 1), date(9999, 12, 31))
    assert "sau ngày bắt đầu" in plan_period_problem(date(2025, 2, 1), date(2025, 1, 1))
    assert "quá dài" in plan_period_problem(date(2025, 1, 1), date(2040, 1, 1))


def test_parse_day_and_query_int():
    assert parse_day("25/11/2025") == date(2025, 11, 25) == parse_day("2025-11-25")
    assert parse_day("01/01/0001") is None and parse_day("31/02/2025") is None and parse_day("") is None
    assert query_int("12") == 12 and query_int("99999999999999999999") is None and query_int("-1") is None
    assert query_int("2025", low=1990, high=2100) == 2025 and query_int("0", low=1990) is None
    assert working_days_problem(10) is None and "quá lớn" in working_days_problem(99_999_999)
