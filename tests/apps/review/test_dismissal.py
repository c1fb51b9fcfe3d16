"""Dismissing a finding: the unit's officers only, with a reason, audited, and it stays dismissed
when the checks run again (it is keyed by rule, location and message, not by a row)."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from apps.audit.models import AuditEntry
from apps.review.findings import plan_findings
from apps.review.models import FindingDismissal


def _note(plan):
    return next(f for f in plan_findings(plan) if f.finding.rule == "editorial_note" and f.finding.no == "2")


def _post(client, plan, item, reason="Ghi chú đã được xử lý trong bản ký", **headers):
    data = {"rule": item.finding.rule, "location": item.location, "hash": item.message_hash, "reason": reason}
    return client.post(reverse("review:dismiss", args=[plan.pk]), data, **headers)


def test_officer_dismisses_with_reason_and_it_is_audited(plans, login):
    plan, item = plans.commune_plan, _note(plans.commune_plan)
    response = _post(login(plans.officer_a1), plan, item)
    assert response.status_code == 302
    dismissal = FindingDismissal.objects.get()
    assert (dismissal.rule, dismissal.location, dismissal.dismissed_by) == (
        "editorial_note",
        "task:chi_dao/2",
        plans.officer_a1,
    )
    entry = AuditEntry.objects.filter(action="event", model="plans.plan", object_id=str(plan.pk)).first()
    assert entry.actor == plans.officer_a1 and entry.org_unit_id == plans.a1.pk
    assert "Bỏ qua phát hiện “Còn ghi chú soạn thảo” (Nhiệm vụ CĐ.2" in entry.message
    assert "Ghi chú đã được xử lý trong bản ký" in entry.message


def test_dismissal_survives_a_recheck_and_hides_by_default(plans, login):
    client = login(plans.officer_a1)
    _post(client, plans.commune_plan, _note(plans.commune_plan))
    cache.clear()  # the checks really run again
    url = reverse("review:panel", args=[plans.commune_plan.pk])
    hidden = client.get(url).content.decode()
    assert "(đổi thành cấp tỉnh)" not in hidden and "Hiện cả 1 phát hiện đã bỏ qua" in hidden
    shown = client.get(url + "?da_bo_qua=1").content.decode()
    assert "(đổi thành cấp tỉnh)" in shown and "Ghi chú đã được xử lý trong bản ký" in shown
    assert re.search(r'class="finding sev-error dismissed"', shown) and "Khôi phục" in shown


def test_htmx_dismiss_returns_the_panel(plans, login):
    response = _post(
        login(plans.officer_a1), plans.commune_plan, _note(plans.commune_plan), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.startswith('<section id="review-panel"')
    assert "Hiện cả 1 phát hiện đã bỏ qua" in html


def test_reason_is_required(plans, login):
    response = _post(login(plans.officer_a1), plans.commune_plan, _note(plans.commune_plan), reason="  ")
    assert response.status_code == 302 and not FindingDismissal.objects.exists()


def test_unknown_finding_is_refused(plans, login):
    item = _note(plans.commune_plan)
    item.message_hash = "0" * 16
    _post(login(plans.officer_a1), plans.commune_plan, item)
    assert not FindingDismissal.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("staff_a1", 403), ("viewer_a1", 403), ("leader_a1", 403), ("officer_b1", 404)]
)
def test_denied(plans, login, who, status):
    response = _post(login(getattr(plans, who)), plans.commune_plan, _note(plans.commune_plan))
    assert response.status_code == status
    assert not FindingDismissal.objects.exists()


def test_restore_shows_it_again_and_is_audited(plans, login):
    client = login(plans.officer_a1)
    _post(client, plans.commune_plan, _note(plans.commune_plan))
    dismissal = FindingDismissal.objects.get()
    assert login(plans.staff_a1).post(reverse("review:restore", args=[dismissal.pk])).status_code == 403
    assert login(plans.officer_b1).post(reverse("review:restore", args=[dismissal.pk])).status_code == 404
    client = login(plans.officer_a1)
    assert client.post(reverse("review:restore", args=[dismissal.pk])).status_code == 302
    assert not FindingDismissal.objects.exists()
    assert AuditEntry.objects.filter(message__startswith="Khôi phục phát hiện").exists()
    assert _note(plans.commune_plan).dismissal is None
