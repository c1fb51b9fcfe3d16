"""Measures: figures of one org unit over one period that some part of CCHC knows how to compute.

Several parts of CCHC produce figures about a unit (the dossier engine: on-time and online rates;
tracking: tasks completed on time; reports: reports sent on time; citizen voice: petitions answered
on time, satisfaction), and several parts consume them (plan targets, periodic reports, PAR INDEX
criteria). Producers register a provider per indicator code here (from their ``AppConfig.ready``);
consumers ask ``measure(code, org_unit, period)`` and never import the producer. A figure always
carries the numbers behind it and a sentence saying how it was computed, so an official can check it.

No Django here: ``org_unit`` is whatever object the providers expect (the ``OrgUnit`` model).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from core.reporting.periods import CALENDAR_RULES, Period, parse_period


@dataclass(frozen=True)
class Measurement:
    """One figure: ``value`` in ``unit`` (percent by default), with its numerator and denominator."""

    code: str
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    unit: str = "%"
    formula: str = ""  # Vietnamese: how the value was computed, shown beside it
    source: str = ""  # Vietnamese: where the numbers come from ("Hồ sơ TTHC nhập từ …")
    details: dict = field(default_factory=dict)  # producer-specific breakdown (points, sub-counts)


Provider = Callable[[object, Period], Measurement | None]


@dataclass(frozen=True)
class MeasureSpec:
    code: str
    name: str  # Vietnamese name
    provider: Provider
    unit: str = "%"


_REGISTRY: dict[str, MeasureSpec] = {}


def register(code: str, provider: Provider, *, name: str, unit: str = "%") -> None:
    """Make ``code`` measurable. Registering a code twice replaces the provider (app reloads in tests)."""
    _REGISTRY[code] = MeasureSpec(code, name, provider, unit)


def registered() -> list[MeasureSpec]:
    return sorted(_REGISTRY.values(), key=lambda s: s.code)


def is_measurable(code: str) -> bool:
    return code in _REGISTRY


def calendar_period(code: str) -> Period:
    """A calendar period from a period code (``2025-Q3`` is 01/7..30/9/2025)."""
    return parse_period(code, CALENDAR_RULES)


# A page asks for many figures of one unit (every code, several periods) and several providers read
# the same rows (tasks on time and tasks done share the milestones). Within a session (a web request,
# a report build) a figure, and a loader marked ``shared``, is computed once; outside one, always anew.
_session: ContextVar[dict | None] = ContextVar("cchc_measures_session", default=None)


@contextmanager
def session() -> Iterator[None]:
    """Remember figures and shared loads until the block ends (the data may change after it)."""
    token = _session.set({})
    try:
        yield
    finally:
        _session.reset(token)


def shared(fn: Callable) -> Callable:
    """Mark a provider's loader: called again with the same (hashable) arguments in a session, it
    returns its first result."""

    @functools.wraps(fn)
    def wrapper(*args):
        memo = _session.get()
        if memo is None:
            return fn(*args)
        key = (fn.__module__, fn.__qualname__, args)
        if key not in memo:
            memo[key] = fn(*args)
        return memo[key]

    return wrapper


def measure(code: str, org_unit, period: Period | str) -> Measurement | None:
    """The figure of ``code`` for the unit over the period, or None when nobody can compute it
    (no provider, or no data: a rate over zero dossiers is unknown, not 0%)."""
    spec = _REGISTRY.get(code)
    if spec is None:
        return None
    if isinstance(period, str):
        period = calendar_period(period)
    return shared(_provide)(spec, org_unit, period)


def _provide(spec: MeasureSpec, org_unit, period: Period) -> Measurement | None:
    return spec.provider(org_unit, period)
