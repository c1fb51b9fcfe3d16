"""Adding a task or target checks what it is given (issue 10, defect 8): a known area, a bounded
text; refused with a Vietnamese message, nothing saved."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.plans import services
from apps.plans.models import Plan, Task


@pytest.fixture
def plan(world):
    return Plan.objects.create(
        org_unit=world.a1, title="Kế hoạch", period_start=date(2025, 1, 1), period_end=date(2025, 12, 31)
    )


@pytest.mark.parametrize(
    "area, content, message",
    [("khong_co", "Nhiệm vụ", "Lĩnh vực"), ("tthc", "x" * 2_000_000, "quá dài"), ("tthc", "  ", "trống")],
)
def test_task_add_refuses_unknown_area_and_huge_content(world, plan, client, area, content, message):
    client.force_login(world.officer_a1)
    response = client.post(
        reverse("plans:task_add", args=[plan.pk]), {"area": area, "content": content}, follow=True
    )
    # The plan page again, the error beside the "add" row (not a banner after a redirect).
    assert response.status_code == 400 and message in response.content.decode()
    assert 'id="them-nhiem-vu-loi"' in response.content.decode()
    assert not Task.objects.exists()
    with pytest.raises(ValidationError, match=message):
        services.add_task(world.officer_a1, plan, area, content)


def test_long_texts_are_refused_everywhere_they_are_written(world, plan):
    task = services.add_task(world.officer_a1, plan, "tthc", "Nhiệm vụ")
    with pytest.raises(ValidationError, match="quá dài"):
        services.update_task(world.officer_a1, task, {"content": "x" * 100_000}, task.version)
    with pytest.raises(ValidationError, match="Lĩnh vực"):
        services.update_task(world.officer_a1, task, {"area": "khong_co"}, task.version)
    with pytest.raises(ValidationError, match="quá dài"):
        services.add_target(world.officer_a1, plan, "x" * 100_000)
