"""Optimistic locking on every editable part of a plan: header, task, target (issue 10, defects 3, 8).

The editor's version is required: a missing one is refused in Vietnamese, a stale one is a conflict,
and in both cases nothing of theirs is saved over another person's edit."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.plans import services
from apps.plans.models import Plan, Target, Task


@pytest.fixture
def plan(world):
    p = Plan.objects.create(
        org_unit=world.a1, title="Kế hoạch", period_start=date(2025, 1, 1), period_end=date(2025, 12, 31)
    )
    Task.objects.create(plan=p, area="tthc", content="Nhiệm vụ", position=1)
    Target.objects.create(plan=p, text="Chỉ tiêu", position=1, value=90)
    return p


def test_services_refuse_a_missing_version(world, plan):
    task, target = plan.tasks.get(), plan.targets.get()
    with pytest.raises(ValidationError, match="Thiếu số phiên bản"):
        services.update_plan(world.officer_a1, plan, {"title": "Khác"}, None)
    with pytest.raises(ValidationError, match="Thiếu số phiên bản"):
        services.update_task(world.officer_a1, task, {"content": "Khác"}, None)
    with pytest.raises(ValidationError, match="Thiếu số phiên bản"):
        services.update_target(world.officer_a1, target, {"text": "Khác"}, None)
    plan.refresh_from_db(), task.refresh_from_db(), target.refresh_from_db()
    assert (plan.title, task.content, target.text) == ("Kế hoạch", "Nhiệm vụ", "Chỉ tiêu")


def test_target_edit_is_versioned(world, plan):
    target = plan.targets.get()
    opened = target.version
    services.update_target(world.officer_a1, target, {"text": "Bản của A"}, opened)
    with pytest.raises(services.ConflictError):
        services.update_target(world.officer_a1, target, {"text": "Bản của B"}, opened)
    assert Target.objects.get().text == "Bản của A"


def _target_post(target, **extra):
    return {"area": "tthc", "text": "Sửa qua trang", "indicator": "", "comparator": "", "value": "95",
            "unit": "%", "year": "2025", **extra}  # fmt: skip


def test_target_page_refuses_missing_and_stale_versions(world, plan, client):
    target = plan.targets.get()
    url = reverse("plans:target_edit", args=[target.pk])
    client.force_login(world.officer_a1)
    assert 'name="version"' in client.get(url).content.decode()
    response = client.post(url, _target_post(target))
    assert response.status_code == 200 and "Thiếu số phiên bản" in response.content.decode()
    services.update_target(world.officer_a1, target, {"text": "Người khác sửa"}, target.version)
    response = client.post(url, _target_post(target, version=target.version))  # the version opened
    assert "vừa được người khác sửa" in response.content.decode()
    assert Target.objects.get().text == "Người khác sửa"
    fresh = Target.objects.get()
    assert client.post(url, _target_post(fresh, version=fresh.version)).status_code == 302
    assert Target.objects.get().text == "Sửa qua trang"


def test_plan_header_without_version_is_refused_in_vietnamese(world, plan, client):
    client.force_login(world.officer_a1)
    data = {"title": "Tên mới", "period_start": "01/01/2025", "period_end": "31/12/2025"}
    response = client.post(reverse("plans:header", args=[plan.pk]), data, follow=True)
    assert "Thiếu số phiên bản" in response.content.decode()
    assert Plan.objects.get().title == "Kế hoạch"


def test_task_edit_without_version_is_refused_in_vietnamese(world, plan, client):
    task = plan.tasks.get()
    client.force_login(world.officer_a1)
    response = client.post(reverse("plans:task_edit", args=[task.pk]), {"area": "tthc", "content": "Khác"})
    assert "Thiếu số phiên bản" in response.content.decode()
    assert Task.objects.get().content == "Nhiệm vụ"
