"""Dates the checks reason with: when a plan can have been signed, and when each task is due.

Many imported plans are the unsigned copy ("ngày   tháng 8 năm 2025"), so the signing date is often
known only to a month or a year. The checks need the earliest possible signing date (a deadline
before it was already past when the plan was signed) and they must not guess beyond what the text
proves. Documents cited in the preamble ("Căn cứ ... ngày 02/8/2025") also bound it from below: a
plan cannot be signed before the documents it implements.

Due dates come from ``core.deadlines.parse_deadline`` when that module is present. Until then a
small fallback reads only explicit dates, months, quarters and years; it never reports anything as
unparsed, so the ``unparsed_deadline`` rule stays silent rather than noisy without the real grammar.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from core.plandoc.model import PlanDraft

# The place-and-date line ("Thường Xuân, ngày   tháng 8 năm 2025"); the comma keeps the dates of
# cited documents ("Luật ... ngày 16 tháng 6 năm 2025") out.
_HEADER_DATE = re.compile(r",\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")
_PREAMBLE_END = re.compile(r"QUYẾT ĐỊNH\s*:|MỤC ĐÍCH|MỤC TIÊU", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class IssueWindow:
    """Earliest and latest possible signing dates; ``exact`` when the day itself is printed."""

    earliest: date | None
    latest: date | None
    exact: bool = False


def issue_window(plan: PlanDraft) -> IssueWindow:
    """What the plan proves about its signing date."""
    if plan.signed_date is not None:
        return IssueWindow(plan.signed_date, plan.signed_date, True)
    preamble = _preamble(plan.source_text)
    earliest: date | None = None
    latest: date | None = None
    found = _HEADER_DATE.search(preamble[:1500])
    if found:
        day, month, year = found.group(1), found.group(2), int(found.group(3))
        if month and 1 <= int(month) <= 12:
            earliest, latest = date(year, int(month), 1), _month_end(year, int(month))
            if day:
                exact = _safe_date(year, int(month), int(day))
                if exact:
                    return IssueWindow(exact, exact, True)
        else:
            earliest, latest = date(year, 1, 1), date(year, 12, 31)
    cited = [
        d
        for m in _NUMERIC_DATE.finditer(preamble)
        if (d := _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))) is not None
    ]
    if cited and (latest is None or max(cited) <= latest):
        earliest = max([d for d in (earliest, max(cited)) if d is not None])
    return IssueWindow(earliest, latest, False)


def _preamble(source_text: str) -> str:
    """The text before the plan's body: header, title and the "Căn cứ" lines."""
    end = _PREAMBLE_END.search(source_text)
    return source_text[: end.start()] if end else source_text[:3000]


@dataclass
class Milestone:
    """One dated (or undatable) obligation read from a deadline cell."""

    label: str | None
    kind: str  # "once", "recurring", "continuous", "on_event"
    due: date | None


@dataclass
class DeadlineReading:
    milestones: list[Milestone] = field(default_factory=list)
    unparsed: list[str] = field(default_factory=list)
    native: bool = False  # True when read by core.deadlines, False for the fallback


def read_deadline(text: str, period_start: date | None, period_end: date | None) -> DeadlineReading:
    """Milestones of a deadline cell, through ``core.deadlines`` when available."""
    if period_start is None or period_end is None or period_end < period_start:
        return _fallback(text)
    try:
        from core.deadlines import parse_deadline  # noqa: PLC0415 - optional until it lands
    except ImportError:
        return _fallback(text)
    parsed = parse_deadline(text, period_start, period_end)
    milestones = [
        Milestone(getattr(m, "label", None), str(getattr(m, "kind", "once")), getattr(m, "due", None))
        for m in parsed.milestones
    ]
    return DeadlineReading(milestones, [u for u in parsed.unparsed if u and u.strip()], True)


_FALLBACK_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_NUMERIC_DATE, "dmy"),
    (re.compile(r"quý\s+(iv|iii|ii|i)\b\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE), "quarter"),
    (re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.IGNORECASE), "month"),
)


def _fallback(text: str) -> DeadlineReading:
    milestones: list[Milestone] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _FALLBACK_PATTERNS:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            due = _fallback_due(m, kind)
            if due is not None:
                taken.append((m.start(), m.end()))
                milestones.append(Milestone(None, "once", due))
    return DeadlineReading(milestones, [], False)


def _fallback_due(m: re.Match[str], kind: str) -> date | None:
    if kind == "dmy":
        return _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if kind == "quarter":
        quarter = _ROMAN[m.group(1).lower()]
        return _month_end(int(m.group(2)), quarter * 3)
    month = int(m.group(1))
    return _month_end(int(m.group(2)), month) if 1 <= month <= 12 else None
