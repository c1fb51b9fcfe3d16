"""Tiny typed readers for settings from the environment (12-factor), in the healthchecks style.

A value that is not what the setting needs stops the process at start-up with one Vietnamese line
naming the variable (``SystemExit``, which ``cchc`` prints without a traceback), instead of a
traceback or, worse, a silently different behaviour.
"""

from __future__ import annotations

import os
from datetime import date

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


class EnvError(SystemExit):
    """A bad environment variable: the message is what the operator reads."""

    def __init__(self, name: str, value: str, need: str) -> None:
        super().__init__(f"cchc: biến môi trường {name}={value!r} không hợp lệ: {need}.")


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    text = value.strip().lower()
    if text not in TRUE | FALSE:
        raise EnvError(name, value, "dùng 1/0, true/false, yes/no hoặc on/off")
    return text in TRUE


def envint(name: str, default: int, low: int | None = None, high: int | None = None) -> int:
    """A whole number within [low, high]; the default when unset or empty."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise EnvError(name, value, "phải là một số nguyên") from None
    if (low is not None and number < low) or (high is not None and number > high):
        bounds = (
            f"từ {low}" if high is None else f"từ {low} đến {high}" if low is not None else f"tối đa {high}"
        )
        raise EnvError(name, value, f"phải {bounds}")
    return number


def envdate(name: str, low_year: int, high_year: int) -> date | None:
    """An ISO date (YYYY-MM-DD) within the given years; None when unset or empty."""
    value = os.environ.get(name, "").strip()
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise EnvError(name, value, "dùng dạng YYYY-MM-DD, ví dụ 2025-11-25") from None
    if not low_year <= day.year <= high_year:
        raise EnvError(name, value, f"năm phải từ {low_year} đến {high_year}")
    return day


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "").strip()
    return [item.strip() for item in value.split(",") if item.strip()] if value else list(default)


def envfloat(name: str, default: float, low: float, high: float) -> float:
    """A number (seconds, say) within [low, high]; the default when unset or empty."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = float(value)
    except ValueError:
        raise EnvError(name, value, "phải là một số") from None
    if not low <= number <= high:
        raise EnvError(name, value, f"phải từ {low:g} đến {high:g}")
    return number
