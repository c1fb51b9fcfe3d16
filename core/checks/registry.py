"""The list of checks that ``check_plan`` runs, in the order their modules register them.

A check is a function ``(CheckContext) -> Iterable[Finding]`` declared with the rule codes it may
emit, so the web view can list every rule with its explanation and tests can assert that each rule
is owned by exactly one check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from core.checks.context import CheckContext
from core.checks.finding import RULES, Finding

CheckFn = Callable[[CheckContext], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    name: str
    rules: tuple[str, ...]
    fn: CheckFn
    needs_superior: bool = False


CHECKS: list[Check] = []


def check(*rules: str, needs_superior: bool = False) -> Callable[[CheckFn], CheckFn]:
    """Register a check function emitting ``rules``."""
    for rule in rules:
        if rule not in RULES:
            raise ValueError(f"unknown rule {rule!r}")

    def register(fn: CheckFn) -> CheckFn:
        CHECKS.append(Check(f"{fn.__module__}.{fn.__name__}", rules, fn, needs_superior))
        return fn

    return register
