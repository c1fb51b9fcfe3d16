"""On-event milestones wait for an officer to date them; the date must lie within the plan."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.plans.models import Milestone
from apps.tracking import services


def test_officer_dates_an_on_event_milestone(world, plan_a1):
    services.schedule_milestone(world.officer_a1, plan_a1.m_event, date(2025, 12, 10))
    assert Milestone.objects.get(pk=plan_a1.m_event.pk).due == date(2025, 12, 10)


def test_date_outside_the_plan_refused(world, plan_a1):
    with pytest.raises(ValidationError, match="nằm ngoài thời gian của kế hoạch"):
        services.schedule_milestone(world.officer_a1, plan_a1.m_event, date(2026, 1, 15))
    assert Milestone.objects.get(pk=plan_a1.m_event.pk).due is None


def test_only_on_event_and_only_officers(world, plan_a1):
    with pytest.raises(ValidationError, match="theo sự kiện"):
        services.schedule_milestone(world.officer_a1, plan_a1.m_nov, date(2025, 12, 10))
    with pytest.raises(PermissionDenied):
        services.schedule_milestone(world.staff_a1, plan_a1.m_event, date(2025, 12, 10))


def test_schedule_form(world, plan_a1, login):
    url = reverse("tracking:schedule", args=[plan_a1.m_event.pk])
    response = login(world.officer_a1).post(url, {"due": "15/01/2026"})
    assert response.status_code == 200 and "nằm ngoài thời gian" in response.content.decode()
    assert login(world.officer_a1).post(url, {"due": "10/12/2025"}).status_code == 302
    assert login(world.staff_a1).post(url, {"due": "10/12/2025"}).status_code == 403
