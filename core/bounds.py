"""The ranges a date or a count typed by a person may take, with the Vietnamese message when not.

Checked at every edge (forms, query strings, the command line, the environment) so that a year
9999 or a count of 99,999,999 is a clear message, not an overflow deep inside the calendar code.
Plans of administrative reform run for a year or a five-year term; ten years is generous.
"""

from __future__ import annotations

from datetime import date, datetime

MIN_YEAR = 1990
MAX_YEAR = 2100
MAX_PLAN_YEARS = 10
MAX_WORKING_DAYS = 3650  # about fourteen years of working days either way


def year_problem(day: date | None, what: str = "Ngày") -> str | None:
    """A message when ``day`` lies outside the years CCHC works with, else None."""
    if day is None or MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return f"{what} {day:%d/%m/%Y} không hợp lệ: năm phải từ {MIN_YEAR} đến {MAX_YEAR}."


def plan_period_problem(start: date | None, end: date | None) -> str | None:
    """A message when a plan's period is outside the working years, reversed or longer than ten years."""
    for day, what in ((start, "Ngày bắt đầu"), (end, "Ngày kết thúc")):
        if problem := year_problem(day, what):
            return problem
    if start and end:
        if end < start:
            return "Ngày kết thúc phải sau ngày bắt đầu."
        if end.year - start.year >= MAX_PLAN_YEARS:
            return f"Thời gian của kế hoạch quá dài: tối đa {MAX_PLAN_YEARS} năm."
    return None


def parse_day(text: str) -> date | None:
    """A dd/mm/yyyy (or yyyy-mm-dd) date within the working years; None when it is not one."""
    text = (text or "").strip()
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return day if year_problem(day) is None else None
    return None


def working_days_problem(n: int) -> str | None:
    if abs(n) <= MAX_WORKING_DAYS:
        return None
    return f"Số ngày làm việc quá lớn ({n}): tối đa {MAX_WORKING_DAYS} ngày (trước hoặc sau)."


TASK_CONTENT_MAX = 4_000
TARGET_TEXT_MAX = 2_000
REPORT_TEXT_MAX = 20_000
NOTE_MAX = 4_000  # reasons, comments, a coordinating agency's part


def text_problem(text: str, what: str, limit: int) -> str | None:
    """A message when a text typed into a form is longer than its kind allows."""
    if len(text or "") <= limit:
        return None
    return f"{what} quá dài ({len(text):,} ký tự): tối đa {limit:,} ký tự.".replace(",", ".")


def query_int(text: str | None, *, low: int = 0, high: int = 2**63 - 1) -> int | None:
    """A whole number from a query string within [low, high] (a database id by default), else None."""
    text = (text or "").strip()
    if not text.isdigit() or len(text) > 19:
        return None
    value = int(text)
    return value if low <= value <= high else None
