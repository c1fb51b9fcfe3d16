"""No lost updates: the second of two editors is told in Vietnamese, and nothing of theirs is saved."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.tracking import services
from apps.tracking.models import ProgressReport
from tests.apps.tracking.conftest import opened

FIELDS = {"text": "Bản đầu", "percent": 10, "progress": "in_progress", "reason": ""}


def test_second_editor_is_told(world, plan_a1):
    first = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
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
    report = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    with pytest.raises(services.ConflictError):
        services.approve_report(world.head_a1, report, expected_version=report.version - 1)


def test_conflict_on_the_page(world, plan_a1, login):
    report = services.save_report(
        world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov)
    )
    stale = report.version
    services.save_report(world.staff_a1, plan_a1.m_nov, {**FIELDS, "text": "Mới"}, expected_version=stale)
    response = login(world.head_a1).post(
        reverse("tracking:milestone", args=[plan_a1.m_nov.pk]), {**FIELDS, "text": "Cũ", "version": stale}
    )
    assert response.status_code == 200  # the same page again, the typed text kept
    assert "vừa được người khác cập nhật" in response.content.decode() and "Cũ" in response.content.decode()
    assert ProgressReport.objects.get().text == "Mới"


def _opened_version(response) -> str:
    """The hidden version of the report form as the page gave it to the browser."""
    import re

    body = response.content.decode()
    form = re.search(r'<form [^>]*class="report-form">(.*?)</form>', body, re.S).group(1)
    found = re.search(r'name="version"(?: value="(\d*)")?', form)
    return (found.group(1) or "") if found else "(no field)"


def test_first_report_of_a_milestone_is_not_lost(world, plan_a1, client):
    """Two people open a milestone with no report yet and both save: the second is told (defect 3)."""
    url = reverse("tracking:milestone", args=[plan_a1.m_nov.pk])
    client.force_login(world.staff_a1)
    version_a = _opened_version(client.get(url))
    client.force_login(world.head_a1)
    version_b = _opened_version(client.get(url))
    assert version_a == version_b == "0"
    client.force_login(world.staff_a1)
    assert client.post(url, {**FIELDS, "text": "Bản của A", "version": version_a}).status_code == 302
    client.force_login(world.head_a1)
    response = client.post(url, {**FIELDS, "text": "Bản của B", "version": version_b})
    assert response.status_code == 200 and "vừa được người khác cập nhật" in response.content.decode()
    assert ProgressReport.objects.get().text == "Bản của A"


def test_a_form_without_version_is_refused_in_vietnamese(world, plan_a1, client):
    url = reverse("tracking:milestone", args=[plan_a1.m_nov.pk])
    client.force_login(world.staff_a1)
    response = client.post(url, {**FIELDS, "text": "Không có phiên bản"})
    assert response.status_code == 200 and "Thiếu số phiên bản" in response.content.decode()
    assert not ProgressReport.objects.exists()
    services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=0)
    response = client.post(reverse("tracking:report_action", args=[plan_a1.m_nov.pk, "gui"]), {})
    assert response.status_code == 200 and "Thiếu số phiên bản" in response.content.decode()
    assert ProgressReport.objects.get().submitted_at is None


@pytest.mark.parametrize("call", ["save", "submit", "approve", "accept", "return"])
def test_services_refuse_a_missing_version(world, plan_a1, call):
    from django.core.exceptions import ValidationError

    if call == "save":
        with pytest.raises(ValidationError, match="Thiếu số phiên bản"):
            services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=None)
        return
    report = services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=0)
    steps = {
        "submit": lambda: services.submit_report(world.staff_a1, report, None),
        "approve": lambda: services.approve_report(world.head_a1, report, None),
        "accept": lambda: services.accept_report(world.officer_a1, report, "", None),
        "return": lambda: services.return_report(world.head_a1, report, "Sửa lại", None),
    }
    with pytest.raises(ValidationError, match="Thiếu số phiên bản"):
        steps[call]()


def test_creating_over_an_existing_report_is_a_conflict(world, plan_a1):
    services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=0)
    with pytest.raises(services.ConflictError):
        services.save_report(world.head_a1, plan_a1.m_nov, {**FIELDS, "text": "B"}, expected_version=0)
    assert ProgressReport.objects.get().text == FIELDS["text"]
