"""Working-day arithmetic for Vietnamese civil servants (ngày làm việc của cán bộ, công chức).

Statutory holidays (Bộ luật Lao động 2019, Điều 112) come from ``holidays.VN``, which computes Tết
Nguyên Đán and Giỗ Tổ Hùng Vương from the lunar calendar and already carries the nghỉ bù of
Điều 111 k3 and several government swaps (a weekday off paired with a make-up Saturday, exposed
as ``weekend_workdays``). The Prime Minister fixes the exact Tết and Quốc khánh days each year,
so the official notices are also kept here as data (``OFFICIAL_OVERRIDES``) with their source:
the calendar is the union of both, so a day the library and a notice both list counts once, and a
later library upgrade that drops a day cannot silently change deadlines.

holidays 0.109 also makes 24/11 (Ngày Văn hóa Việt Nam, Nghị quyết 80-NQ/TW) a holiday from 2026;
our reference notes do not confirm it in the Labour Code yet, so a 'work' override can cancel it.

Reminders iterate over ~150,000 milestones, so each year's exceptions are computed once and
counting uses a closed formula for weekdays plus a bisect over the few exceptions of each year.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import holidays as holidays_lib

OFF = "off"
WORK = "work"


@dataclass(frozen=True)
class CalendarOverride:
    """One day that departs from the Mon-Fri rule: an extra day off or a make-up working day."""

    day: date
    kind: str  # "off" (nghỉ, nghỉ bù, hoán đổi) or "work" (làm bù on a Saturday)
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in (OFF, WORK):
            raise ValueError(f"kind must be 'off' or 'work', not {self.kind!r}")


def _off(y: int, m: int, d: int, note: str) -> CalendarOverride:
    return CalendarOverride(date(y, m, d), OFF, note)


def _work(y: int, m: int, d: int, note: str) -> CalendarOverride:
    return CalendarOverride(date(y, m, d), WORK, note)


OFFICIAL_OVERRIDES: dict[int, list[CalendarOverride]] = {
    # 2024: Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Tết Âm lịch, Quốc khánh) and Công văn
    # 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi 29/4 sang thứ Bảy 04/5). Tết break Thu 08/02 -> Wed
    # 14/02 (5 Tết days + 2 nghỉ bù for Sat 10/02 and Sun 11/02); Quốc khánh Sat 31/8 -> Tue 03/9.
    2024: [
        _off(2024, 2, 8, "Nghỉ Tết Âm lịch (29 tháng Chạp)"),
        _off(2024, 2, 9, "Nghỉ Tết Âm lịch (30 tháng Chạp)"),
        _off(2024, 2, 12, "Nghỉ Tết Âm lịch (mùng 3)"),
        _off(2024, 2, 13, "Nghỉ bù Tết Âm lịch"),
        _off(2024, 2, 14, "Nghỉ bù Tết Âm lịch"),
        _off(2024, 4, 29, "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)"),
        _off(2024, 4, 30, "Ngày Chiến thắng"),
        _off(2024, 5, 1, "Ngày Quốc tế Lao động"),
        _work(2024, 5, 4, "Làm bù cho thứ Hai 29/4/2024"),
        _off(2024, 9, 2, "Quốc khánh"),
        _off(2024, 9, 3, "Quốc khánh (ngày liền kề)"),
    ],
    # 2025: Thông báo 6150/TB-BLĐTBXH (11/2024). Tết break Sat 25/01 -> Sun 02/02 (5 Tết days +
    # 4 weekend days); 30/4-1/5: thứ Sáu 02/5 hoán đổi sang thứ Bảy 26/4, break Wed 30/4 -> Sun
    # 04/5; Quốc khánh: Mon 01/9 and Tue 02/9, break Sat 30/8 -> Tue 02/9.
    2025: [
        _off(2025, 1, 27, "Nghỉ Tết Âm lịch (28 tháng Chạp)"),
        _off(2025, 1, 28, "Nghỉ Tết Âm lịch (29 tháng Chạp)"),
        _off(2025, 1, 29, "Nghỉ Tết Âm lịch (mùng 1)"),
        _off(2025, 1, 30, "Nghỉ Tết Âm lịch (mùng 2)"),
        _off(2025, 1, 31, "Nghỉ Tết Âm lịch (mùng 3)"),
        _work(2025, 4, 26, "Làm bù cho thứ Sáu 02/5/2025"),
        _off(2025, 4, 30, "Ngày Chiến thắng"),
        _off(2025, 5, 1, "Ngày Quốc tế Lao động"),
        _off(2025, 5, 2, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)"),
        _off(2025, 9, 1, "Quốc khánh (ngày liền kề)"),
        _off(2025, 9, 2, "Quốc khánh"),
    ],
    # 2026: Thông báo 9441/TB-BNV ngày 16/10/2025 (after Công văn 9859/VPCP-KGVX ngày 13/10/2025).
    # Tết: Mon 16/02 -> Fri 20/02 (29 Chạp -> mùng 4), break Sat 14/02 -> Sun 22/02; Quốc khánh:
    # 01/9 + 02/9, Mon 31/8 hoán đổi sang thứ Bảy 22/8. Giỗ Tổ falls on Sun 26/4, so nghỉ bù Mon
    # 27/4 (Bộ luật Lao động, Điều 111 k3).
    2026: [
        _off(2026, 2, 16, "Nghỉ Tết Âm lịch (29 tháng Chạp)"),
        _off(2026, 2, 17, "Nghỉ Tết Âm lịch (mùng 1)"),
        _off(2026, 2, 18, "Nghỉ Tết Âm lịch (mùng 2)"),
        _off(2026, 2, 19, "Nghỉ Tết Âm lịch (mùng 3)"),
        _off(2026, 2, 20, "Nghỉ Tết Âm lịch (mùng 4)"),
        _off(2026, 4, 27, "Nghỉ bù Giỗ Tổ Hùng Vương"),
        _off(2026, 4, 30, "Ngày Chiến thắng"),
        _off(2026, 5, 1, "Ngày Quốc tế Lao động"),
        _work(2026, 8, 22, "Làm bù cho thứ Hai 31/8/2026"),
        _off(2026, 8, 31, "Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)"),
        _off(2026, 9, 1, "Quốc khánh (ngày liền kề)"),
        _off(2026, 9, 2, "Quốc khánh"),
    ],
}


def _weekdays_through(ordinal: int) -> int:
    """Mon-Fri days among ordinals 1..ordinal (ordinal 1 = Monday 0001-01-01), in O(1)."""
    return 5 * (ordinal // 7) + min(ordinal % 7, 5)


def _weekday_number(index: int) -> int:
    """The ordinal of the index-th Mon-Fri day (inverse of ``_weekdays_through``), in O(1)."""
    return ((index - 1) // 5) * 7 + (index - 1) % 5 + 1


@dataclass(frozen=True)
class _Year:
    """One year's departures from Mon-Fri, as ordinals: sets to test a day, sorted to count."""

    names: dict[date, str]  # holidays + 'off' overrides, minus days a 'work' override cancels
    off_weekdays: tuple[int, ...]  # Mon-Fri days that are not worked
    work_weekends: tuple[int, ...]  # Sat/Sun days that are worked (làm bù)
    off_set: frozenset[int]
    work_set: frozenset[int]


@lru_cache(maxsize=256)
def _library_year(year: int) -> tuple[tuple[tuple[date, str], ...], frozenset[date]]:
    """Statutory holidays and the library's make-up Saturdays of a year, shared by all calendars."""
    lib = holidays_lib.VN(years=year, language="vi")
    names = tuple((d, str(n)) for d, n in lib.items())
    return names, frozenset(d for d in lib.weekend_workdays if d.year == year)


class WorkCalendar:
    """Working days of a civil servant: Mon-Fri, less holidays and days off, plus làm bù days."""

    def __init__(self, overrides: Iterable[CalendarOverride] = (), *, use_official: bool = True) -> None:
        self._overrides: dict[date, CalendarOverride] = {}
        if use_official:
            for year_list in OFFICIAL_OVERRIDES.values():
                self._overrides.update((o.day, o) for o in year_list)
        # The caller's overrides come last, so a local decision beats the official schedule.
        self._overrides.update((o.day, o) for o in overrides)
        self._years: dict[int, _Year] = {}

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is None:
            cached = self._years[year] = self._build_year(year)
        return cached

    def _build_year(self, year: int) -> _Year:
        lib_names, lib_work = _library_year(year)
        names = dict(lib_names)
        work = set(lib_work)
        for day, o in self._overrides.items():
            if day.year != year:
                continue
            if o.kind == OFF:
                names.setdefault(day, o.note or "Ngày nghỉ")
                work.discard(day)
            else:
                names.pop(day, None)
                work.add(day)
        off = sorted(d.toordinal() for d in names if d.weekday() < 5)
        on = sorted(d.toordinal() for d in work if d.weekday() >= 5)
        return _Year(dict(sorted(names.items())), tuple(off), tuple(on), frozenset(off), frozenset(on))

    def holidays(self, year: int) -> dict[date, str]:
        """Public holidays (Vietnamese names) and 'off' overrides of the year, by date."""
        return dict(self._year(year).names)

    def is_working_day(self, day: date) -> bool:
        return self._works(day.toordinal())

    def _works(self, o: int) -> bool:
        y = self._year(date.fromordinal(o).year)
        if (o - 1) % 7 < 5:  # Mon-Fri
            return o not in y.off_set
        return o in y.work_set

    def _count(self, lo: int, hi: int) -> int:
        """Working days among ordinals lo < o <= hi (lo <= hi): weekdays by formula, then the
        few exceptions of each year touched, by bisect."""
        total = _weekdays_through(hi) - _weekdays_through(lo)
        for year in range(date.fromordinal(max(lo, 1)).year, date.fromordinal(hi).year + 1):
            y = self._year(year)
            total -= bisect_right(y.off_weekdays, hi) - bisect_right(y.off_weekdays, lo)
            total += bisect_right(y.work_weekends, hi) - bisect_right(y.work_weekends, lo)
        return total

    def working_days_between(self, a: date, b: date) -> int:
        """Working days d with a < d <= b; negative (the count over b < d <= a) when b < a."""
        if b >= a:
            return self._count(a.toordinal(), b.toordinal())
        return -self._count(b.toordinal(), a.toordinal())

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after start (before it when n < 0); n == 0 gives start or the next one.

        Guesses the n-th Mon-Fri day in O(1), counts the real working days up to it, and moves
        on by the shortfall until none is left (one or two rounds: holidays are few), then steps
        back over any overshoot from a make-up Saturday.
        """
        o = start.toordinal()
        if n == 0:
            while not self._works(o):
                o += 1
            return date.fromordinal(o)
        if n > 0:
            day, got = o, 0
            while got < n:  # working days in (o, day]
                nxt = _weekday_number(_weekdays_through(day) + n - got)
                got += self._count(day, nxt)
                day = nxt
            while got > n or not self._works(day):
                got -= self._works(day)
                day -= 1
            return date.fromordinal(day)
        m = -n
        day, got = o, 0
        while got < m:  # working days in [day, o)
            nxt = _weekday_number(_weekdays_through(day - 1) - (m - got) + 1)
            got += self._count(nxt - 1, day - 1)
            day = nxt
        while got > m or not self._works(day):
            got -= self._works(day)
            day += 1
        return date.fromordinal(day)
