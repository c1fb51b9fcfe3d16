"""Indicator values against a plan's targets: met, not met, or no data yet.

"No data" is its own answer, never "not met": a commune that has not entered its on-time rate has
not failed it, and the report must say the figure is missing rather than print a zero.
"""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    NO_TARGET = "no_target"  # a value with nothing numeric to compare it with


VERDICT_LABELS: dict[str, str] = {
    Verdict.MET: "Đạt",
    Verdict.NOT_MET: "Không đạt",
    Verdict.NO_DATA: "Chưa có số liệu",
    Verdict.NO_TARGET: "Không có mức chỉ tiêu",
}

COMPARATOR_TEXT = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "": "≥"}


def verdict(value: float | None, comparator: str, target: float | None) -> Verdict:
    """Compare a value with a target; a bare target ("100%") means at least that value."""
    if value is None:
        return Verdict.NO_DATA
    if target is None:
        return Verdict.NO_TARGET
    op = comparator or ">="
    ok = {
        ">=": value >= target,
        ">": value > target,
        "<=": value <= target,
        "<": value < target,
    }.get(op)
    if ok is None:
        raise ValueError(f"unknown comparator {comparator!r}")
    return Verdict.MET if ok else Verdict.NOT_MET


def number(value: float | None, unit: str = "") -> str:
    """ "97,5%", "1.250": Vietnamese number format (comma decimal, dot thousands); "—" for none."""
    if value is None:
        return "—"
    if float(value).is_integer():
        text = f"{int(value):,}".replace(",", ".")
    else:
        whole, frac = f"{value:.2f}".rstrip("0").split(".")
        text = f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"{text}{unit}" if unit == "%" else (f"{text} {unit}" if unit else text)


def target_text(comparator: str, target: float | None, unit: str = "%") -> str:
    if target is None:
        return "—"
    return f"{COMPARATOR_TEXT.get(comparator, comparator)} {number(target, unit)}"


def direction(values: list[float]) -> str:
    """ "up", "down" or "flat" between the last two values of a series (oldest first); "" for fewer."""
    if len(values) < 2:
        return ""
    last, before = values[-1], values[-2]
    if abs(last - before) < 0.005:
        return "flat"
    return "up" if last > before else "down"


DIRECTION_ARROWS = {"up": "↑", "down": "↓", "flat": "→", "": ""}
