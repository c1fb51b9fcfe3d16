"""Calendar units named in plans (ngày, tháng, quý, 6 tháng, 9 tháng, năm) and recurring series.

A unit knows its first and last day and its Vietnamese label. A deadline "Quý I/2025" is the last
day of the unit; "Trước Quý I/2025" read strictly is the day before its first day.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from .lexicon import ROMAN_OUT
from .spec import HALF_YEARLY, MONTHLY, QUARTERLY, YEARLY


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def unit(kind: str, value: tuple[int, ...], year: int) -> tuple[date, date, str]:
    """(first day, last day, label) of a unit; raises ValueError for impossible dates."""
    if kind == "date":
        d, m = value
        day = date(year, m, d)
        return day, day, f"Ngày {d}/{m}/{year}"
    if kind == "month":
        (m,) = value
        return date(year, m, 1), month_end(year, m), f"Tháng {m}/{year}"
    if kind == "quarter":
        (q,) = value
        if q not in ROMAN_OUT:
            raise ValueError(f"quarter {q}")
        return date(year, 3 * q - 2, 1), month_end(year, 3 * q), f"Quý {ROMAN_OUT[q]}/{year}"
    if kind == "half":
        (h,) = value
        if h == 1:
            return date(year, 1, 1), date(year, 6, 30), f"6 tháng đầu năm {year}"
        return date(year, 7, 1), date(year, 12, 31), f"6 tháng cuối năm {year}"
    if kind == "nine":
        return date(year, 1, 1), date(year, 9, 30), f"9 tháng năm {year}"
    if kind == "year":
        return date(year, 1, 1), date(year, 12, 31), f"Năm {year}"
    raise ValueError(kind)


def due_of(kind: str, value: tuple[int, ...], year: int, strict_before: bool) -> tuple[date, str]:
    first, last, label = unit(kind, value, year)
    return (first - timedelta(days=1) if strict_before else last), label


def first_year_inside(kind: str, value: tuple[int, ...], start: date, end: date) -> int:
    """Year for a unit printed without one: the first year of the plan period where it falls."""
    for year in range(start.year, end.year + 1):
        try:
            last = unit(kind, value, year)[1]
        except ValueError:
            continue
        if start <= last <= end:
            return year
    return start.year


def _occurrences(frequency: str, year: int) -> Iterator[tuple[str, tuple[int, ...]]]:
    if frequency == MONTHLY:
        yield from (("month", (m,)) for m in range(1, 13))
    elif frequency == QUARTERLY:
        yield from (("quarter", (q,)) for q in range(1, 5))
    elif frequency == HALF_YEARLY:
        yield from (("half", (h,)) for h in (1, 2))
    elif frequency == YEARLY:
        yield "year", ()


def series(
    frequency: str,
    start: date,
    end: date,
    *,
    anchor: tuple[str, tuple[int, ...]] | None = None,
    day_of_month: int | None = None,
    from_year: int | None = None,
    strict_before: bool = False,
) -> list[tuple[date, str]]:
    """Every occurrence of a recurring obligation due inside [start, end], with its label.

    ``anchor`` places a yearly obligation ("Quý I hàng năm", "tháng 12 hằng năm", "15/12 hằng
    năm"); ``day_of_month`` places a monthly one ("ngày 20 hằng tháng"). When no occurrence falls
    inside the period, the first one after its start is returned so the obligation stays visible.
    """
    found: list[tuple[date, str]] = []
    first_after: tuple[date, str] | None = None
    for year in range(max(start.year, from_year or start.year), max(end.year, start.year) + 2):
        if anchor is not None:
            occ = iter([anchor])
        else:
            occ = _occurrences(frequency, year)
        for kind, value in occ:
            if kind == "date" and value == (29, 2) and not calendar.isleap(year):
                value = (28, 2)
            due, label = due_of(kind, value, year, strict_before)
            if day_of_month is not None:
                due = date(year, value[0], min(day_of_month, calendar.monthrange(year, value[0])[1]))
                if strict_before:
                    due -= timedelta(days=1)
            if start <= due <= end:
                found.append((due, label))
            elif due > end and first_after is None and due >= start:
                first_after = (due, label)
    if not found and first_after is not None:
        found.append(first_after)
    return found
