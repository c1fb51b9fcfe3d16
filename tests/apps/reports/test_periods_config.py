"""Reporting periods as data: national defaults, a province cadence inherited by its communes."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from apps.reports.models import ReportingPeriod
from apps.reports.selectors import period_for, rules_for
from core.reporting.periods import Kind


def test_national_defaults_are_seeded(db):
    assert ReportingPeriod.objects.filter(org_unit=None).count() == 8
    rules = {k for k, r in rules_for_any().items() if r.required}
    assert rules == {Kind.Q1, Kind.H1, Kind.Q3, Kind.Y}


def rules_for_any():
    from apps.orgs.models import OrgUnit

    return rules_for(OrgUnit.objects.create(name="tỉnh Thử", level="province"))


def test_province_cadence_applies_to_its_communes_unless_overridden(world, login):
    client = login(world.officer_a)
    r = client.post(
        reverse("reports:periods", args=[world.a.pk]),
        {
            "kind": "Q2",
            "start_month": 4,
            "start_day": 1,
            "end_month": 6,
            "end_day": 30,
            "due_month": 7,
            "due_day": 5,
            "required": "on",
            "note": "Quyết định của UBND tỉnh",
        },
    )
    assert r.status_code == 302
    q2 = period_for(world.a1, "2025-Q2")
    assert (q2.start, q2.end, q2.due) == (date(2025, 4, 1), date(2025, 6, 30), date(2025, 7, 5))
    assert period_for(world.b1, "2025-Q2").start == date(2025, 3, 15)  # another province: national default
    ReportingPeriod.objects.create(
        org_unit=world.a1,
        kind="Q2",
        start_month=3,
        start_day=15,
        end_month=6,
        end_day=14,
        due_month=6,
        due_day=18,
    )
    assert period_for(world.a1, "2025-Q2").due == date(2025, 6, 18)
    page = client.get(reverse("reports:periods", args=[world.a1.pk])).content.decode()
    assert "18/06/" in page


def test_staff_cannot_configure(world, login):
    data = {
        "kind": "Q2",
        "start_month": 4,
        "start_day": 1,
        "end_month": 6,
        "end_day": 30,
        "due_month": 7,
        "due_day": 5,
    }
    assert login(world.staff_a1).post(reverse("reports:periods", args=[world.a1.pk]), data).status_code == 403
    assert login(world.officer_b1).get(reverse("reports:periods", args=[world.a1.pk])).status_code == 404
    assert not ReportingPeriod.objects.filter(org_unit__isnull=False).exists()
