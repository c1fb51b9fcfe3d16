from datetime import date

import pytest

from core import measures
from core.reporting.periods import PeriodError


def test_calendar_periods_are_calendar_months():
    q3 = measures.calendar_period("2025-Q3")
    assert (q3.start, q3.end) == (date(2025, 7, 1), date(2025, 9, 30))
    feb = measures.calendar_period("2024-M02")
    assert (feb.start, feb.end) == (date(2024, 2, 1), date(2024, 2, 29))
    y = measures.calendar_period("2025-Y")
    assert (y.start, y.end) == (date(2025, 1, 1), date(2025, 12, 31))
    with pytest.raises(PeriodError):
        measures.calendar_period("2025-Q5")


def test_registered_provider_is_asked_with_the_calendar_period():
    seen = []

    def provider(unit, period):
        seen.append((unit, period.start, period.end))
        return measures.Measurement("test_rate", 50.0, 1, 2, formula="1/2")

    measures.register("test_rate", provider, name="Tỷ lệ thử")
    try:
        got = measures.measure("test_rate", "xã A", "2025-Q1")
        assert got.value == 50.0 and got.denominator == 2
        assert seen == [("xã A", date(2025, 1, 1), date(2025, 3, 31))]
        assert measures.is_measurable("test_rate")
    finally:
        measures._REGISTRY.pop("test_rate")
    assert measures.measure("test_rate", "xã A", "2025-Q1") is None


def test_a_session_computes_each_figure_and_shared_load_once():
    calls = []

    @measures.shared
    def load(unit, year):
        calls.append((unit, year))
        return 7

    def provider(unit, period):
        return measures.Measurement("test_rate", float(load(unit, period.year)))

    measures.register("test_rate", provider, name="Tỷ lệ thử")
    try:
        with measures.session():
            measures.measure("test_rate", "xã A", "2025-Q1")
            measures.measure("test_rate", "xã A", "2025-Q1")
            load("xã A", 2025)
        assert calls == [("xã A", 2025)]
        measures.measure("test_rate", "xã A", "2025-Q1")  # outside a session: computed anew
        assert len(calls) == 2
    finally:
        measures._REGISTRY.pop("test_rate")
