"""The cascade: tasks linked to the superior plan's tasks (Task.parent_task) when a plan with a
superior plan is confirmed or on demand, each link explained with its score, correctable by hand."""

from __future__ import annotations

from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.plans.models import Task
from apps.plans.services import confirm_plan
from apps.review.models import TaskAlignment
from tests.apps.review.conftest import COMMUNE_SEED, store


def _task(plan, area, no):
    return plan.tasks.get(area=area, no=no)


def test_confirming_links_tasks_with_scores_and_explanations(plans):
    task = _task(plans.commune_plan, "the_che", "3")
    assert task.parent_task == _task(plans.province_plan, "the_che", "3")
    assert task.alignment.score >= 90 and "Gần như nguyên văn nhiệm vụ 3" in task.alignment.explanation
    linked = Task.objects.filter(plan=plans.commune_plan, parent_task__plan=plans.province_plan).count()
    assert linked >= 25
    own = TaskAlignment.objects.filter(task__plan=plans.commune_plan, status="unmatched")
    assert own.exists() and all(a.task.parent_task_id is None for a in own)


def test_confirmation_by_an_officer_is_audited_once(plans):
    draft = store(plans.a2, COMMUNE_SEED, parent=plans.province_plan, confirm=False)
    confirm_plan(plans.officer_a, draft, "Còn tồn tại, xác nhận để đối chiếu.")
    events = AuditEntry.objects.filter(
        object_id=str(draft.pk), message__startswith="Đối chiếu với kế hoạch cấp trên"
    )
    assert events.count() == 1 and events[0].actor == plans.officer_a
    assert Task.objects.filter(plan=draft, parent_task__isnull=False).exists()


def test_on_demand_alignment(plans, login):
    Task.objects.filter(plan=plans.commune_plan).update(parent_task=None)
    url = reverse("review:align", args=[plans.commune_plan.pk])
    assert login(plans.staff_a1).post(url).status_code == 403
    assert login(plans.officer_b1).post(url).status_code == 404
    assert not Task.objects.filter(plan=plans.commune_plan, parent_task__isnull=False).exists()
    assert login(plans.officer_a1).post(url).status_code == 302
    assert Task.objects.filter(plan=plans.commune_plan, parent_task__isnull=False).count() >= 25


def test_plan_without_superior_cannot_be_aligned(world, login):
    plan = store(world.a1, COMMUNE_SEED)
    client = login(world.officer_a1)
    response = client.post(reverse("review:align", args=[plan.pk]), follow=True)
    assert "chưa có kế hoạch cấp trên" in response.content.decode()


def test_alignment_page_explains_each_link(plans, login):
    html = (
        login(plans.viewer_a1).get(reverse("review:alignment", args=[plans.commune_plan.pk])).content.decode()
    )
    assert "Gần như nguyên văn nhiệm vụ 3 (Cải cách thể chế) của kế hoạch cấp trên" in html
    assert "nhiệm vụ riêng của đơn vị" in html
    assert "Nhiệm vụ cấp trên giao cấp này nhưng kế hoạch chưa có" in html
    assert 'name="parent"' not in html  # a viewer cannot correct


def test_hand_correction_is_kept_when_aligning_again(plans, login):
    task = _task(plans.commune_plan, "the_che", "3")
    other = _task(plans.province_plan, "the_che", "1")
    client = login(plans.officer_a1)
    url = reverse("review:task_parent", args=[task.pk])
    response = client.post(url, {"parent": str(other.pk)}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and f'id="align-{task.pk}"' in response.content.decode()
    task.refresh_from_db()
    assert (
        task.parent_task == other
        and task.alignment.manual
        and "chọn nhiệm vụ 1" in task.alignment.explanation
    )
    entry = AuditEntry.objects.filter(model="plans.task", object_id=str(task.pk), action="update").first()
    assert entry.actor == plans.officer_a1 and entry.changes["parent_task"][1] == other.pk
    client.post(reverse("review:align", args=[plans.commune_plan.pk]))
    task.refresh_from_db()
    assert task.parent_task == other


def test_clear_and_hand_back_to_the_matcher(plans, login):
    task = _task(plans.commune_plan, "the_che", "3")
    client = login(plans.officer_a1)
    url = reverse("review:task_parent", args=[task.pk])
    client.post(url, {"parent": "none"})
    task.refresh_from_db()
    assert (
        task.parent_task is None and task.alignment.manual and "nhiệm vụ riêng" in task.alignment.explanation
    )
    client.post(url, {"parent": "auto"})
    task.refresh_from_db()
    assert task.parent_task == _task(plans.province_plan, "the_che", "3") and not task.alignment.manual


def test_hand_correction_refusals(plans, login):
    task = _task(plans.commune_plan, "the_che", "3")
    foreign = _task(plans.commune_plan, "the_che", "1")  # not a task of the superior plan
    url = reverse("review:task_parent", args=[task.pk])
    assert login(plans.staff_a1).post(url, {"parent": "none"}).status_code == 403
    assert login(plans.officer_b1).post(url, {"parent": "none"}).status_code == 404
    login(plans.officer_a1).post(url, {"parent": str(foreign.pk)})
    task.refresh_from_db()
    assert task.parent_task == _task(plans.province_plan, "the_che", "3") and not task.alignment.manual
