"""Citizen-voice figures through core.measures, and in the periodic report."""

from __future__ import annotations

from datetime import date

import pytest

from apps.citizen.models import OfficialSipasResult, Petition
from apps.citizen.services import petitions as svc
from apps.reports.gather import report_data
from apps.tracking.calendar import work_calendar
from core import measures
from tests.apps.citizen.conftest import petition_data


def _petition(world, received: date, **fields) -> Petition:
    p = svc.submit_public(world.a1, petition_data(world.a1))
    Petition.objects.filter(pk=p.pk).update(received_on=received, **fields)
    return Petition.objects.get(pk=p.pk)


@pytest.fixture
def q3(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")
    cal = work_calendar()
    r = date(2025, 7, 7)
    ok = {"status": "published", "answer": "Đã trả lời", "approved_on": cal.add_working_days(r, 10),
          "published_on": cal.add_working_days(r, 11)}  # fmt: skip
    _petition(world, r, **ok)
    _petition(world, r, **ok, feedback="dissatisfied")
    _petition(world, r, status="published", answer="Trễ", approved_on=cal.add_working_days(r, 20),
              published_on=cal.add_working_days(r, 21))  # fmt: skip
    first = _petition(world, r, **ok)
    again = _petition(
        world,
        date(2025, 8, 1),
        status="redirected",
        redirect_kind="khieu_nai",
        redirected_on=date(2025, 8, 1),
    )
    Petition.objects.filter(pk=again.pk).update(follow_up_of=first)
    _petition(world, date(2025, 10, 2), **ok)  # another quarter
    _petition(
        world, date(2025, 7, 8), status="redirected", redirect_kind="to_cao", redirected_on=date(2025, 7, 8)
    )
    return world


def test_on_time_rate(q3):
    m = measures.measure("petition_on_time_rate", q3.a1, "2025-Q3")
    assert (m.numerator, m.denominator, m.value) == (3, 4, 75.0)
    assert "5.2" in m.formula and len(m.details["late"]) == 1


def test_satisfaction_rate(q3):
    m = measures.measure("petition_satisfaction_rate", q3.a1, "2025-Q3")
    # four in scope: one disliked, one late, one petitioned again about: one left
    assert (m.numerator, m.denominator, m.value) == (1, 4, 25.0)


def test_no_petitions_no_figure(world):
    assert measures.measure("petition_on_time_rate", world.a2, "2025-Q3") is None


def test_official_sipas_is_kept_as_published(world):
    OfficialSipasResult.objects.create(
        year=2025, org_unit=world.a, factor="index", value="83.94", source="QĐ công bố"
    )
    m = measures.measure("sipas_index", world.a, "2025-Y")
    assert m.value == 83.94 and m.source == "QĐ công bố"
    assert measures.measure("sipas_index", world.a1, "2025-Y") is None


def test_the_periodic_report_shows_them(q3):
    from core.reporting.periods import parse_period

    data = report_data(q3.a1, parse_period("2025-Q3"))  # 15/6 - 14/9 under Công văn 581
    facts = {f.code: f for f in data.indicators}
    assert facts["petition_on_time_rate"].value == 75.0
    assert facts["petition_on_time_rate"].name == "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn"
    assert "5.2" in facts["petition_on_time_rate"].evidence_note
    assert "petition_satisfaction_rate" in facts
