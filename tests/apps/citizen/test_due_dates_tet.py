"""A petition's due dates on the database's working-day calendar (CalendarDay rows seeded with the
official notices), across the Tết breaks of 2025 and 2026, and after an officer adds a day off."""

from __future__ import annotations

from datetime import date

import pytest

from apps.citizen.services import petitions as svc
from apps.tracking.calendar import invalidate
from apps.tracking.models import CalendarDay
from tests.apps.citizen.conftest import petition_data


@pytest.mark.parametrize(
    ("received", "classify_due", "handle_due"),
    [
        (date(2025, 1, 24), date(2025, 2, 4), date(2025, 2, 21)),  # Tết 27/01-31/01/2025
        (date(2026, 2, 11), date(2026, 2, 13), date(2026, 3, 11)),  # Tết 16/02-20/02/2026
        (date(2026, 2, 13), date(2026, 2, 24), date(2026, 3, 13)),  # received on the last day before it
    ],
)
def test_due_dates_skip_tet(world, monkeypatch, received, classify_due, handle_due):
    monkeypatch.setenv("CCHC_TODAY", received.isoformat())
    p = svc.submit_public(world.a1, petition_data(world.a1))
    assert p.due_on == classify_due
    p = svc.classify(world.officer_a1, p, agency=world.kt_a1)
    assert p.due_on == handle_due


def test_a_local_day_off_moves_the_due_date(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-11-03")
    CalendarDay.objects.create(day=date(2025, 11, 5), kind="off", note="Nghỉ bão")
    invalidate()
    p = svc.submit_public(world.a1, petition_data(world.a1))
    assert p.due_on == date(2025, 11, 6)  # Tue 04, (Wed 05 off), Thu 06
