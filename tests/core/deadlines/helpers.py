"""Expected-milestone builders shared by the deadline tests (plain data, no grammar logic)."""

from __future__ import annotations

import calendar
from datetime import date

Row = tuple[str, str, str | None, str | None]  # label, kind, due, frequency

P2025 = (date(2025, 1, 1), date(2025, 12, 31))
P2630 = (date(2026, 1, 1), date(2030, 12, 31))
PH2 = (date(2025, 7, 1), date(2025, 12, 31))

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def _label(prefix: str, occurrence: str) -> str:
    return f"{prefix} – {occurrence}" if prefix else occurrence


def once(label: str, due: str) -> Row:
    return (label, "once", due, None)


def cont(label: str = "Thường xuyên") -> Row:
    return (label, "continuous", None, None)


def event(label: str) -> Row:
    return (label, "on_event", None, None)


def quarterly(prefix: str, y0: int, y1: int) -> list[Row]:
    return [
        (
            _label(prefix, f"Quý {ROMAN[q]}/{y}"),
            "recurring",
            date(y, *QUARTER_END[q]).isoformat(),
            "quarterly",
        )
        for y in range(y0, y1 + 1)
        for q in (1, 2, 3, 4)
    ]


def monthly(prefix: str, y0: int, y1: int, first_month: int = 1) -> list[Row]:
    return [
        (
            _label(prefix, f"Tháng {m}/{y}"),
            "recurring",
            date(y, m, calendar.monthrange(y, m)[1]).isoformat(),
            "monthly",
        )
        for y in range(y0, y1 + 1)
        for m in range(first_month if y == y0 else 1, 13)
    ]


def yearly(prefix: str, y0: int, y1: int, anchor: str | None = None) -> list[Row]:
    rows: list[Row] = []
    for y in range(y0, y1 + 1):
        if anchor is None:
            occ, due = f"Năm {y}", date(y, 12, 31)
        elif anchor.startswith("Quý"):
            q = {v: k for k, v in ROMAN.items()}[anchor.split()[1]]
            occ, due = f"Quý {ROMAN[q]}/{y}", date(y, *QUARTER_END[q])
        else:
            m = int(anchor.split()[1])
            occ, due = f"Tháng {m}/{y}", date(y, m, calendar.monthrange(y, m)[1])
        rows.append((_label(prefix, occ), "recurring", due.isoformat(), "yearly"))
    return rows


def rows(parse) -> list[Row]:
    return [tuple(m.to_dict().values()) for m in parse.milestones]
