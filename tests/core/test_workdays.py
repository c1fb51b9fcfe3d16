"""Working-day arithmetic against the official civil-servant schedules of 2024-2026."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from core.workdays import OFFICIAL_OVERRIDES, CalendarOverride, WorkCalendar

CAL = WorkCalendar()


def slow_count(cal: WorkCalendar, a: date, b: date) -> int:
    """Reference implementation: walk day by day (what the fast path must agree with)."""
    lo, hi, sign = (a, b, 1) if b >= a else (b, a, -1)
    n = 0
    d = lo + timedelta(days=1)
    while d <= hi:
        n += cal.is_working_day(d)
        d += timedelta(days=1)
    return sign * n


def slow_add(cal: WorkCalendar, start: date, n: int) -> date:
    step = timedelta(days=1 if n > 0 else -1)
    d, left = start, abs(n)
    while left:
        d += step
        left -= cal.is_working_day(d)
    return d


# --- Tết ---------------------------------------------------------------------------------


def test_tet_2025_example_from_the_brief() -> None:
    # Fri 24/01 is the last working day; Mon 27/01 -> Fri 31/01 are Tết; back on Mon 03/02.
    assert CAL.add_working_days(date(2025, 1, 24), 3) == date(2025, 2, 5)


def test_tet_2025_break_is_not_worked() -> None:
    for day in range(25, 32):
        assert not CAL.is_working_day(date(2025, 1, day))
    assert not CAL.is_working_day(date(2025, 2, 1))
    assert not CAL.is_working_day(date(2025, 2, 2))
    assert CAL.is_working_day(date(2025, 1, 24))
    assert CAL.is_working_day(date(2025, 2, 3))
    assert CAL.working_days_between(date(2025, 1, 24), date(2025, 2, 3)) == 1


def test_tet_2026_thong_bao_9441() -> None:
    for day in range(14, 23):
        assert not CAL.is_working_day(date(2026, 2, day)), day
    assert CAL.is_working_day(date(2026, 2, 13))
    assert CAL.is_working_day(date(2026, 2, 23))
    assert CAL.add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)


def test_tet_2024_includes_nghi_bu() -> None:
    assert [d for d in range(7, 16) if CAL.is_working_day(date(2024, 2, d))] == [7, 15]


# --- 30/4 - 1/5 and make-up Saturdays -----------------------------------------------------


def test_30_4_and_1_5_2025_with_swap() -> None:
    # Wed 30/4 and Thu 1/5 are holidays; Fri 2/5 is swapped for Saturday 26/4.
    for d in (date(2025, 4, 30), date(2025, 5, 1), date(2025, 5, 2)):
        assert not CAL.is_working_day(d)
    assert CAL.is_working_day(date(2025, 4, 29))
    assert CAL.add_working_days(date(2025, 4, 29), 1) == date(2025, 5, 5)


def test_make_up_saturday_is_a_working_day() -> None:
    sat = date(2025, 4, 26)
    assert sat.weekday() == 5
    assert CAL.is_working_day(sat)
    assert CAL.add_working_days(date(2025, 4, 25), 1) == sat
    assert CAL.working_days_between(date(2025, 4, 25), date(2025, 4, 28)) == 2  # Sat 26, Mon 28
    assert not CAL.is_working_day(date(2025, 4, 19))  # an ordinary Saturday


def test_make_up_saturdays_of_2024_and_2026() -> None:
    assert CAL.is_working_day(date(2024, 5, 4))
    assert not CAL.is_working_day(date(2024, 4, 29))
    assert CAL.is_working_day(date(2026, 8, 22))
    assert not CAL.is_working_day(date(2026, 8, 31))


def test_quoc_khanh_2025_is_monday_1_9_and_tuesday_2_9() -> None:
    assert not CAL.is_working_day(date(2025, 9, 1))
    assert not CAL.is_working_day(date(2025, 9, 2))
    assert CAL.is_working_day(date(2025, 9, 3))
    assert CAL.add_working_days(date(2025, 8, 29), 1) == date(2025, 9, 3)
    assert CAL.working_days_between(date(2025, 8, 29), date(2025, 9, 5)) == 3


def test_gio_to_2026_on_sunday_gives_monday_off() -> None:
    assert not CAL.is_working_day(date(2026, 4, 27))
    assert CAL.add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)


def test_library_holiday_24_11_from_2026_can_be_cancelled() -> None:
    """holidays 0.109 adds Ngày Văn hóa Việt Nam from 2026 (not in our reference notes)."""
    assert not CAL.is_working_day(date(2026, 11, 24))
    assert CAL.is_working_day(date(2025, 11, 24))
    cal = WorkCalendar([CalendarOverride(date(2026, 11, 24), "work", "Chưa áp dụng")])
    assert cal.is_working_day(date(2026, 11, 24))


# --- backward and edge cases ---------------------------------------------------------------


def test_backward_over_tet_2025() -> None:
    assert CAL.add_working_days(date(2025, 2, 5), -3) == date(2025, 1, 24)
    assert CAL.add_working_days(date(2025, 2, 3), -1) == date(2025, 1, 24)
    assert CAL.working_days_between(date(2025, 2, 5), date(2025, 1, 24)) == -3


def test_zero_days_keeps_a_working_day_and_rolls_a_holiday_forward() -> None:
    assert CAL.add_working_days(date(2025, 3, 12), 0) == date(2025, 3, 12)
    assert CAL.add_working_days(date(2025, 1, 25), 0) == date(2025, 2, 3)


def test_saturday_start_counts_from_monday() -> None:
    assert CAL.add_working_days(date(2025, 3, 15), 1) == date(2025, 3, 17)
    assert CAL.add_working_days(date(2025, 3, 15), -1) == date(2025, 3, 14)


def test_long_jumps_match_the_day_walk() -> None:
    start = date(2024, 11, 20)
    for n in (7, 20, 61, 250, 800, -7, -60, -500):
        assert CAL.add_working_days(start, n) == slow_add(CAL, start, n), n


def test_a_year_of_working_days_2025() -> None:
    # 261 weekdays, less 12 weekday days off (1/1, 27-31/1, 7/4, 30/4, 1/5, 2/5, 1/9, 2/9),
    # plus the make-up Saturday 26/4.
    assert CAL.working_days_between(date(2024, 12, 31), date(2025, 12, 31)) == 261 - 12 + 1


# --- holidays() and overrides ---------------------------------------------------------------


def test_holidays_have_vietnamese_names_and_no_duplicates() -> None:
    h = CAL.holidays(2025)
    assert h[date(2025, 9, 2)] == "Quốc khánh"
    assert h[date(2025, 4, 7)] == "Ngày Giỗ Tổ Hùng Vương"
    assert date(2025, 4, 26) not in h  # a worked Saturday is not a holiday
    assert list(h) == sorted(h)


def test_local_override_adds_a_day_off_and_can_cancel_one() -> None:
    cal = WorkCalendar(
        [
            CalendarOverride(date(2025, 3, 12), "off", "Nghỉ theo quyết định của tỉnh"),
            CalendarOverride(date(2025, 4, 7), "work", "Trực Giỗ Tổ"),
        ]
    )
    assert not cal.is_working_day(date(2025, 3, 12))
    assert cal.holidays(2025)[date(2025, 3, 12)] == "Nghỉ theo quyết định của tỉnh"
    assert cal.is_working_day(date(2025, 4, 7))
    assert date(2025, 4, 7) not in cal.holidays(2025)
    assert cal.working_days_between(date(2025, 3, 11), date(2025, 3, 13)) == 1
    assert CAL.is_working_day(date(2025, 3, 12))  # other calendars are unaffected


def test_override_kind_is_checked() -> None:
    with pytest.raises(ValueError):
        CalendarOverride(date(2025, 1, 1), "holiday")


@pytest.mark.parametrize("year", sorted(OFFICIAL_OVERRIDES))
def test_official_overrides_are_applied(year: int) -> None:
    for o in OFFICIAL_OVERRIDES[year]:
        assert CAL.is_working_day(o.day) == (o.kind == "work"), o


@pytest.mark.parametrize("year", sorted(OFFICIAL_OVERRIDES))
def test_library_alone_agrees_with_the_official_notices(year: int) -> None:
    """holidays 0.109 already has these swaps; if an upgrade drops one, this says so."""
    lib_only = WorkCalendar(use_official=False)
    for o in OFFICIAL_OVERRIDES[year]:
        assert lib_only.is_working_day(o.day) == (o.kind == "work"), o


# --- properties ----------------------------------------------------------------------------


def test_between_matches_day_walk_and_add_round_trips() -> None:
    rng = random.Random(20250124)
    base = date(2023, 12, 1)
    for _ in range(400):
        a = base + timedelta(days=rng.randrange(0, 1200))
        b = a + timedelta(days=rng.randrange(-400, 400))
        k = CAL.working_days_between(a, b)
        assert k == slow_count(CAL, a, b), (a, b)
        assert CAL.working_days_between(b, a) == -k
        if CAL.is_working_day(b) and (b > a or CAL.is_working_day(a)):
            assert CAL.add_working_days(a, k) == b, (a, b, k)


def test_add_lands_on_a_working_day_exactly_n_away() -> None:
    rng = random.Random(7)
    for _ in range(600):
        a = date(2024, 1, 1) + timedelta(days=rng.randrange(0, 1000))
        n = rng.randrange(-300, 300)
        d = CAL.add_working_days(a, n)
        assert d == slow_add(CAL, a, n) if n else CAL.is_working_day(d), (a, n)
        assert CAL.is_working_day(d)
        if n > 0:
            assert d > a and CAL.working_days_between(a, d) == n
        elif n < 0:
            assert d < a and CAL.working_days_between(d, a) - CAL.is_working_day(a) + 1 == -n
