"""Query-count baselines of the plan pages: constant whatever the number of tasks (no N+1)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.plans.models import Plan
from tests.apps.plans.conftest import COMMUNE_SEED


@pytest.fixture
def seeded_plan(world, login):
    client = login(world.officer_a1)
    client.post(
        reverse("plans:upload"),
        {"org_unit": world.a1.pk, "file": SimpleUploadedFile("kh.txt", COMMUNE_SEED.read_bytes())},
    )
    plan = Plan.objects.get()
    client.post(reverse("plans:confirm", args=[plan.pk]), {"reason": "Đã rà soát."})
    return plan


def test_plan_page_queries_do_not_grow_with_tasks(seeded_plan, world, login, django_assert_max_num_queries):
    client = login(world.officer_a1)
    assert seeded_plan.tasks.count() == 39
    with django_assert_max_num_queries(14):  # + 1: the measured values of the targets, one query per year
        assert client.get(reverse("plans:detail", args=[seeded_plan.pk])).status_code == 200


def test_plan_list_queries(seeded_plan, world, login, django_assert_max_num_queries):
    client = login(world.officer_a1)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("plans:list")).status_code == 200


def test_task_row_queries(seeded_plan, world, login, django_assert_max_num_queries):
    client = login(world.officer_a1)
    task = seeded_plan.tasks.first()
    with django_assert_max_num_queries(11):  # includes the agency choices for unresolved names
        assert client.get(reverse("plans:task_row", args=[task.pk])).status_code == 200
