"""Reporting periods (kỳ báo cáo): codes, data windows (cut-offs) and due dates, as data.

The national regime for CCHC reports (Công văn 581/BNV-CCHC, under Nghị định 09/2019/NĐ-CP) asks for
Quý I, 6 tháng, Quý III and năm reports, with data from 15/12 of the previous year to the 14th of
the period's last month, sent no later than the 20th of that month. Provinces and plans add their
own cadences (each quarter, 9 months, monthly); so every period is a ``PeriodRule`` of three anchors
(data start, data end, due) that a unit may override, and these defaults are only the starting rows.

Codes are what officials type and URLs carry: ``2025-Q1``..``2025-Q4``, ``2025-H1``, ``2025-9M``,
``2025-Y``, and ``2025-M07`` for a monthly report.

    >>> p = parse_period("2025-Q3")
    >>> (p.start.isoformat(), p.end.isoformat(), p.due.isoformat())
    ('2025-06-15', '2025-09-14', '2025-09-20')
    >>> parse_period("2025-Q1").start.isoformat()
    '2024-12-15'
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum


class Kind(StrEnum):
    Q1 = "Q1"
    Q2 = "Q2"
    Q3 = "Q3"
    Q4 = "Q4"
    H1 = "H1"
    M9 = "9M"
    Y = "Y"
    MONTH = "M"


KIND_LABELS: dict[Kind, str] = {
    Kind.Q1: "Quý I",
    Kind.Q2: "Quý II",
    Kind.Q3: "Quý III",
    Kind.Q4: "Quý IV",
    Kind.H1: "6 tháng đầu năm",
    Kind.M9: "9 tháng",
    Kind.Y: "Năm",
    Kind.MONTH: "Hằng tháng",
}


class PeriodError(ValueError):
    """A period code that cannot be read; the message is Vietnamese, for the official."""


@dataclass(frozen=True)
class Anchor:
    """A day relative to the report's year (or month, for monthly reports).

    For yearly kinds ``month`` is 1..12 in the report year; 0 is December of the previous year
    (-1 November, ...). For monthly reports it is an offset from the report's month (0 = that
    month, -1 = the month before). A ``day`` past the month's end means its last day.
    """

    month: int
    day: int

    def resolve(self, year: int, base_month: int = 0) -> date:
        index = year * 12 + base_month + self.month - 1  # months since year 0, zero-based
        y, m = divmod(index, 12)
        m += 1
        return date(y, m, min(self.day, calendar.monthrange(y, m)[1]))


@dataclass(frozen=True)
class PeriodRule:
    """How one kind of period is cut: first and last day of data, and the due date."""

    kind: Kind
    start: Anchor
    end: Anchor
    due: Anchor
    required: bool = False  # the unit must send this report (others may be made on demand)

    def with_required(self, required: bool) -> PeriodRule:
        return replace(self, required=required)


def _rule(kind: Kind, start: tuple[int, int], end: tuple[int, int], due: tuple[int, int], required: bool):
    return PeriodRule(kind, Anchor(*start), Anchor(*end), Anchor(*due), required)


# Công văn 581/BNV-CCHC: the four required reports; the other kinds follow the same general rule of
# Nghị định 09/2019 ("from the 15th of the previous period's last month to the 14th").
NATIONAL_RULES: dict[Kind, PeriodRule] = {
    Kind.Q1: _rule(Kind.Q1, (0, 15), (3, 14), (3, 20), True),
    Kind.Q2: _rule(Kind.Q2, (3, 15), (6, 14), (6, 20), False),
    Kind.H1: _rule(Kind.H1, (0, 15), (6, 14), (6, 20), True),
    Kind.Q3: _rule(Kind.Q3, (6, 15), (9, 14), (9, 20), True),
    Kind.M9: _rule(Kind.M9, (0, 15), (9, 14), (9, 20), False),
    Kind.Q4: _rule(Kind.Q4, (9, 15), (12, 14), (12, 20), False),
    Kind.Y: _rule(Kind.Y, (0, 15), (12, 14), (12, 20), True),
    Kind.MONTH: _rule(Kind.MONTH, (-1, 15), (0, 14), (0, 20), False),
}

Rules = Mapping[Kind, PeriodRule]

# Calendar periods (quarter = three calendar months, year = 1/1..31/12): what measured indicators
# use (dossiers are counted by the day they were received, as the national portal counts them),
# as opposed to the reporting cut-offs above. Same codes, same parser: parse_period(code, CALENDAR_RULES).
CALENDAR_RULES: dict[Kind, PeriodRule] = {
    Kind.Q1: _rule(Kind.Q1, (1, 1), (3, 31), (4, 15), False),
    Kind.Q2: _rule(Kind.Q2, (4, 1), (6, 31), (7, 15), False),
    Kind.H1: _rule(Kind.H1, (1, 1), (6, 31), (7, 15), False),
    Kind.Q3: _rule(Kind.Q3, (7, 1), (9, 31), (10, 15), False),
    Kind.M9: _rule(Kind.M9, (1, 1), (9, 31), (10, 15), False),
    Kind.Q4: _rule(Kind.Q4, (10, 1), (12, 31), (13, 15), False),
    Kind.Y: _rule(Kind.Y, (1, 1), (12, 31), (13, 15), False),
    Kind.MONTH: _rule(Kind.MONTH, (0, 1), (0, 31), (1, 15), False),
}

_ROMAN = {Kind.Q1: "I", Kind.Q2: "II", Kind.Q3: "III", Kind.Q4: "IV"}


@dataclass(frozen=True)
class Period:
    """One concrete reporting period: ``2025-Q3`` with its data window and due date."""

    code: str
    kind: Kind
    year: int
    month: int | None
    start: date
    end: date
    due: date

    @property
    def title(self) -> str:
        """The words that follow "công tác cải cách hành chính" in the report title."""
        if self.kind in _ROMAN:
            return f"quý {_ROMAN[self.kind]} năm {self.year}"
        if self.kind is Kind.H1:
            return f"6 tháng đầu năm {self.year}"
        if self.kind is Kind.M9:
            return f"9 tháng năm {self.year}"
        if self.kind is Kind.MONTH:
            return f"tháng {self.month} năm {self.year}"
        return f"năm {self.year}"

    @property
    def label(self) -> str:
        """A short label for lists: "Quý III/2025", "6 tháng/2025", "Tháng 7/2025"."""
        if self.kind in _ROMAN:
            return f"Quý {_ROMAN[self.kind]}/{self.year}"
        return {
            Kind.H1: f"6 tháng/{self.year}",
            Kind.M9: f"9 tháng/{self.year}",
            Kind.Y: f"Năm {self.year}",
        }.get(self.kind, f"Tháng {self.month}/{self.year}")

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def sort_key(self) -> tuple[date, date]:
        return self.end, self.start


_CODE = re.compile(r"^\s*(\d{4})\s*-\s*(Q[1-4]|H1|6M|9M|Y|M(0?[1-9]|1[0-2]))\s*$", re.IGNORECASE)


def parse_code(code: str) -> tuple[int, Kind, int | None]:
    """``"2025-Q3"`` -> (2025, Kind.Q3, None); ``"2025-M07"`` -> (2025, Kind.MONTH, 7)."""
    m = _CODE.match(code or "")
    if not m:
        raise PeriodError(
            f"Kỳ báo cáo “{code}” không hợp lệ. Viết dạng 2025-Q1..2025-Q4, 2025-H1, 2025-9M, 2025-Y "
            "hoặc 2025-M07 (hằng tháng)."
        )
    year, part = int(m.group(1)), m.group(2).upper()
    if not 2000 <= year <= 2100:
        raise PeriodError(f"Năm {year} của kỳ báo cáo nằm ngoài khoảng 2000-2100.")
    if part.startswith("M") and part != "M":
        return year, Kind.MONTH, int(m.group(3))
    return year, Kind("H1" if part == "6M" else part), None


def make_code(kind: Kind, year: int, month: int | None = None) -> str:
    return f"{year}-M{month:02d}" if kind is Kind.MONTH else f"{year}-{kind.value}"


def parse_period(code: str, rules: Rules | None = None) -> Period:
    """The period a code names, cut by ``rules`` (the national defaults when None)."""
    year, kind, month = parse_code(code)
    return build_period(kind, year, month, rules)


def build_period(kind: Kind, year: int, month: int | None = None, rules: Rules | None = None) -> Period:
    rule = (rules or NATIONAL_RULES).get(kind) or NATIONAL_RULES[kind]
    if kind is Kind.MONTH and month is None:
        raise PeriodError("Kỳ báo cáo hằng tháng cần ghi rõ tháng, ví dụ 2025-M07.")
    base = month if kind is Kind.MONTH else 0  # a monthly anchor's month 0 is the report's month
    start, end, due = (
        rule.start.resolve(year, base),
        rule.end.resolve(year, base),
        rule.due.resolve(year, base),
    )
    if end < start:
        raise PeriodError(f"Cấu hình kỳ {KIND_LABELS[kind]}: ngày chốt số liệu trước ngày bắt đầu.")
    return Period(make_code(kind, year, month), kind, year, month, start, end, due)


def periods_of_year(year: int, rules: Rules | None = None, *, required_only: bool = True) -> list[Period]:
    """The periods a unit reports in ``year`` (monthly ones included when required), by due date."""
    rules = rules or NATIONAL_RULES
    out: list[Period] = []
    for kind, rule in rules.items():
        if required_only and not rule.required:
            continue
        if kind is Kind.MONTH:
            out += [build_period(kind, year, m, rules) for m in range(1, 13)]
        else:
            out.append(build_period(kind, year, None, rules))
    return sorted(out, key=lambda p: (p.due, p.sort_key))


def current_period(today: date, rules: Rules | None = None) -> Period:
    """The required period being prepared on ``today``: the first whose due date is not yet past."""
    for year in (today.year, today.year + 1):
        for p in periods_of_year(year, rules):
            if p.due >= today:
                return p
    return build_period(Kind.Y, today.year, None, rules)


def due_between(first: date, last: date, rules: Rules | None = None) -> list[Period]:
    """Required periods whose due date falls in [first, last]: what a superior chases."""
    years = range(first.year, last.year + 1)
    return [p for y in years for p in periods_of_year(y, rules) if first <= p.due <= last]


def merge_rules(layers: Iterable[Mapping[Kind, PeriodRule]]) -> dict[Kind, PeriodRule]:
    """National defaults overridden by each layer in turn (province, then the unit itself)."""
    merged = dict(NATIONAL_RULES)
    for layer in layers:
        merged.update(layer)
    return merged
