"""The plan page can be searched and filtered by agency and status (GET parameters, no JavaScript),
jumps to an area by its anchor, and numbers tasks one way: the printed number with its area code."""

from django.urls import reverse

from apps.plans.models import Plan, Task, TaskAgency
from apps.plans.selectors import TaskFilter, plan_page
from core.plandoc.model import task_ref


def _tasks_shown(body: str) -> int:
    return body.count('<article class="task')


def test_area_nav_anchors_every_area(world, login, plan):
    body = login(world.officer_a1).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    areas = set(plan.tasks.values_list("area", flat=True))
    assert 'class="area-nav"' in body
    for area in areas:
        assert f'href="#linh-vuc-{area}"' in body and f'id="linh-vuc-{area}"' in body


def test_search_narrows_tasks(world, login, plan):
    client = login(world.officer_a1)
    everything = _tasks_shown(client.get(reverse("plans:detail", args=[plan.pk])).content.decode())
    word = "QPPL"
    expected = [t for t in plan.tasks.all() if word.lower() in t.content.lower()]
    assert 0 < len(expected) < everything
    body = client.get(reverse("plans:detail", args=[plan.pk]), {"q": word.lower()}).content.decode()
    assert _tasks_shown(body) == len(expected)
    assert f"Đang hiện {len(expected)}/{everything} nhiệm vụ" in body


def test_filter_by_agency_and_unresolved_status(world, login, plan):
    link = TaskAgency.objects.filter(task__plan=plan, agency__isnull=False).first()
    with_agency = set(
        Task.objects.filter(plan=plan, agencies__agency=link.agency).values_list("pk", flat=True)
    )
    context = plan_page(plan, TaskFilter(agency=f"agency:{link.agency_id}"))
    shown = {t.pk for a in context["areas"] for t in a["tasks"]}
    assert shown == with_agency
    unresolved = set(
        Task.objects.filter(
            plan=plan, agencies__agency__isnull=True, agencies__group__isnull=True
        ).values_list("pk", flat=True)
    )
    context = plan_page(plan, TaskFilter(status="chua_xac_dinh"))
    assert {t.pk for a in context["areas"] for t in a["tasks"]} == unresolved


def test_unknown_filter_values_are_ignored(world, login, plan):
    response = login(world.officer_a1).get(
        reverse("plans:detail", args=[plan.pk]), {"trang_thai": "<script>", "co_quan": "x" * 500}
    )
    assert response.status_code == 200 and "<script>" not in response.content.decode().split("<main")[-1]


def test_one_numbering_on_plan_page_and_findings(world, login, plan):
    task = plan.tasks.exclude(no="").order_by("position").last()
    ref = task_ref(task.area, task.no)
    client = login(world.officer_a1)
    assert f"{ref}. </strong>" in client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    findings = client.get(reverse("review:findings", args=[plan.pk])).content.decode()
    numbered = [n for n in findings.split("Nhiệm vụ ")[1:] if n[:1].isupper() and "." in n[:8]]
    assert numbered  # findings name tasks by the same area-coded number
    assert all(n.split(" ")[0] in _refs(plan) for n in numbered)
    assert task_ref("the_che", "4") == "TC.4" and task_ref("tthc", "") == "TTHC.-"


def _refs(plan) -> set[str]:
    return {task_ref(a, n) for a, n in plan.tasks.values_list("area", "no")}


def test_active_plan_filters_by_follow_up_state(world, login, plan):
    from datetime import date

    from apps.plans.models import Milestone
    from apps.plans.services import confirm_plan

    confirm_plan(world.officer_a1, plan, "Đã rà soát, còn tồn tại ghi ở đây.")
    task = plan.tasks.order_by("position").first()
    Milestone.objects.filter(task__plan=plan).update(due=date(2099, 12, 31))
    Milestone.objects.filter(task=task).update(due=date(2000, 1, 31), report_status="")
    context = plan_page(Plan.objects.get(pk=plan.pk), TaskFilter(status="qua_han"))
    assert [t.pk for a in context["areas"] for t in a["tasks"]] == [task.pk]
    assert "qua_han" in context["status_filters"]
