"""Choosing the agency of an unknown printed name: the plan's own unit first (option groups), one
choice applied to every row printing that name, audited; staff may not choose."""

import pytest
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.orgs.models import AgencyGroup
from apps.plans.models import Task, TaskAgency
from apps.plans.selectors import agency_choices


@pytest.fixture
def repeated(plan):
    """One unknown name printed on three tasks of the plan (with different spacing and case)."""
    tasks = list(plan.tasks.order_by("position")[:3])
    names = ["Tổ xúc tiến đầu tư xã", "tổ  xúc tiến đầu tư xã", "Tổ Xúc Tiến Đầu Tư xã"]
    return [
        TaskAgency.objects.create(task=t, role=TaskAgency.Role.COORDINATING, position=9, printed=n)
        for t, n in zip(tasks, names, strict=True)
    ]


def test_options_put_the_plans_own_unit_first(world, plan):
    groups = agency_choices(plan)
    labels = [label for label, _ in groups]
    assert labels[0] == f"Cơ quan của {world.a1}"
    own = [label for label in labels if str(world.a1) in label]
    superior = [label for label in labels if str(world.a) in label and str(world.a1) not in label]
    assert own and superior and labels.index(own[-1]) < labels.index(superior[0])
    assert all(value.startswith(("agency:", "group:")) for _, options in groups for value, _ in options)


def test_page_shows_optgroups_and_a_filter_box(world, login, plan, repeated):
    body = login(world.officer_a1).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert f'<optgroup label="Cơ quan của {world.a1}">' in body
    assert 'class="select-filter"' in body and "js/select_filter.js" in body


def test_one_choice_resolves_every_row_with_that_name(world, login, plan, repeated):
    client = login(world.officer_a1)
    unknown = TaskAgency.objects.filter(task__plan=plan, agency__isnull=True, group__isnull=True)
    others_before = unknown.exclude(pk__in=[x.pk for x in repeated]).count()
    response = client.post(
        reverse("plans:agency_choose", args=[repeated[0].pk]), {"target": f"agency:{world.kt_a1.pk}"}
    )
    assert response.status_code == 302 and f"#task-{repeated[0].task_id}" in response["Location"]
    for link in repeated:
        link.refresh_from_db()
        assert link.agency == world.kt_a1 and link.score == 1.0
    event = AuditEntry.objects.get(model="plans.plan", action="event", message__contains="Tổ xúc tiến")
    assert event.actor == world.officer_a1 and "3 dòng" in event.message
    assert unknown.count() == others_before  # other unknown names are untouched


def test_staff_cannot_choose(world, login, plan, repeated):
    response = login(world.staff_a1).post(
        reverse("plans:agency_choose", args=[repeated[0].pk]), {"target": f"agency:{world.kt_a1.pk}"}
    )
    assert response.status_code in (403, 404)
    assert not TaskAgency.objects.filter(pk__in=[x.pk for x in repeated], agency__isnull=False).exists()


def test_collective_name_resolves_to_the_units_group_at_import(world, plan):
    group = AgencyGroup.objects.create(org_unit=world.a1, name="Các phòng, ban, đơn vị cấp xã")
    from apps.plans import services

    task = Task.objects.filter(plan=plan).first()
    services.set_task_agencies(
        world.officer_a1, task, TaskAgency.Role.COORDINATING, ["Các cơ quan, đơn vị thuộc UBND xã"]
    )
    assert task.agencies.get(role=TaskAgency.Role.COORDINATING).group == group
