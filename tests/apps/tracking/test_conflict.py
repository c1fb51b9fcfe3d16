"""No lost updates: the second of two editors is told in Vietnamese, and nothing of theirs is saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.tracking import services
from apps.tracking.models import ProgressReport

FIELDS = {"text": "Bản đầu", "percent": 10, "progress": "in_progress", "reason": ""}


def test_second_editor_is_told(world, plan_a1):
    first = services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS)
    opened_version = first.version
    services.save_report(
        world.staff_a1, plan_a1.m_nov, {**FIELDS, "text": "Sửa của A"}, expected_version=opened_version
    )
    with pytest.raises(services.ConflictError, match="vừa được người khác cập nhật"):
        services.save_report(
            world.head_a1, plan_a1.m_nov, {**FIELDS, "text": "Sửa của B"}, expected_version=opened_version
        )
    assert ProgressReport.objects.get().text == "Sửa của A"


def test_stale_approval_is_refused(world, plan_a1):
    report = services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS)
    services.submit_report(world.staff_a1, report)
    with pytest.raises(services.ConflictError):
        services.approve_report(world.head_a1, report, expected_version=report.version - 1)


def test_conflict_on_the_page(world, plan_a1, login):
    report = services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS)
    stale = report.version
    services.save_report(world.staff_a1, plan_a1.m_nov, {**FIELDS, "text": "Mới"}, expected_version=stale)
    response = login(world.head_a1).post(
        reverse("tracking:milestone", args=[plan_a1.m_nov.pk]), {**FIELDS, "text": "Cũ", "version": stale}
    )
    assert response.status_code == 400
    assert "vừa được người khác cập nhật" in response.content.decode()
    assert ProgressReport.objects.get().text == "Mới"
