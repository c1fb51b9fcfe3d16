"""The findings panel: on every plan page (loaded by HTMX, with a page of its own as fallback),
grouped by severity, each finding linked to its task card and source span."""

from __future__ import annotations

import re

from django.urls import reverse

from tests.apps.review.conftest import CLEAN_SEED, COMMUNE_SEED, store


def _panel(client, plan):
    response = client.get(reverse("review:panel", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_plan_page_loads_the_panel_and_links_to_its_page(plans, login):
    html = login(plans.officer_a1).get(reverse("plans:detail", args=[plans.commune_plan.pk])).content.decode()
    assert f'hx-get="{reverse("review:panel", args=[plans.commune_plan.pk])}"' in html
    assert 'hx-trigger="load"' in html
    assert f'href="{reverse("review:findings", args=[plans.commune_plan.pk])}"' in html
    assert "/static/js/findings.js" in html


def test_findings_grouped_by_severity_with_links_and_spans(plans, login):
    html = _panel(login(plans.officer_a1), plans.commune_plan)
    groups = re.findall(r'<details class="finding-group sev-(\w+)"', html)
    assert groups == ["error", "warning", "info"]
    rules = set(re.findall(r'data-rule="(\w+)"', html))
    assert {"editorial_note", "foreign_scope", "lead_conflict", "missing_number", "duplicate_task"} <= rules
    task = plans.commune_plan.tasks.get(area="chi_dao", no="2")
    link = re.search(
        rf'<a class="finding-link" href="([^"]+)" data-target="task-{task.pk}" data-span="(\d+)-(\d+)"', html
    )
    assert link and link.group(1) == f"{reverse('plans:detail', args=[plans.commune_plan.pk])}#task-{task.pk}"
    text = plans.commune_plan.source.text
    assert "đổi thành cấp tỉnh" in text[int(link.group(2)) : int(link.group(3))]
    assert "Còn sót ghi chú soạn thảo “(đổi thành cấp tỉnh)”" in html


def test_target_and_superior_findings_link_to_their_rows(plans, login):
    html = _panel(login(plans.officer_a1), plans.commune_plan)
    province_tasks = set(plans.province_plan.tasks.values_list("pk", flat=True))
    superior_links = re.findall(rf'href="/ke-hoach/{plans.province_plan.pk}/#task-(\d+)"', html)
    assert superior_links and {int(pk) for pk in superior_links} <= province_tasks
    detail = (
        login(plans.officer_a1).get(reverse("plans:detail", args=[plans.commune_plan.pk])).content.decode()
    )
    for target in plans.commune_plan.targets.all():
        assert f'id="target-{target.pk}"' in detail


def test_draft_review_screen_has_the_panel_too(world, login):
    draft = store(world.a1, COMMUNE_SEED, confirm=False)
    client = login(world.officer_a1)
    detail = client.get(reverse("plans:detail", args=[draft.pk])).content.decode()
    assert f'hx-get="/ra-soat/ke-hoach/{draft.pk}/phat-hien/"' in detail
    html = _panel(client, draft)
    assert "sửa các lỗi trước khi xác nhận kế hoạch" in html
    assert 'data-rule="editorial_note"' in html


def test_panel_suggests_the_superior_plan_when_none_is_chosen(plans, login):
    draft = store(plans.a2, COMMUNE_SEED, confirm=False)
    html = _panel(login(plans.officer_a), draft)
    assert "chưa chọn kế hoạch cấp trên" in html and f'href="/ke-hoach/{plans.province_plan.pk}/"' in html


def test_clean_plan_has_no_error_group(world, login):
    plan = store(world.a1, CLEAN_SEED)
    html = _panel(login(world.officer_a1), plan)
    assert 'sev-error"' not in html


def test_full_page_has_the_document_for_highlighting(plans, login):
    response = login(plans.viewer_a1).get(reverse("review:findings", args=[plans.commune_plan.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and 'id="source-doc"' in html and "/static/js/spans.js" in html
    assert "Bỏ qua phát hiện này" not in html  # a viewer reads, never dismisses


def test_out_of_scope_plan_is_404(plans, login):
    client = login(plans.officer_b1)
    assert client.get(reverse("review:panel", args=[plans.commune_plan.pk])).status_code == 404
    assert client.get(reverse("review:findings", args=[plans.commune_plan.pk])).status_code == 404


def test_correcting_the_plan_clears_its_finding(plans, login):
    """Checks run on the stored, corrected plan: fixing the task text removes the finding."""
    from apps.plans.services import update_task

    task = plans.commune_plan.tasks.get(area="chi_dao", no="2")
    client = login(plans.officer_a1)
    assert "(đổi thành cấp tỉnh)" in _panel(client, plans.commune_plan)
    update_task(
        plans.officer_a1, task, {"content": task.content.replace("(đổi thành cấp tỉnh)", "")}, task.version
    )
    assert "(đổi thành cấp tỉnh)" not in _panel(client, plans.commune_plan)
