"""Confirming a draft with open errors, warnings or unknown agency names needs an explicit decision:
the page lists what is open, and confirming anyway requires a reason that is stored and audited."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from apps.audit.models import AuditEntry
from apps.plans.confirmation import open_items
from apps.plans.models import Milestone, Plan


@pytest.fixture
def draft(world, login, seed_bytes):
    client = login(world.officer_a1)
    client.post(
        reverse("plans:upload"),
        {"org_unit": world.a1.pk, "file": SimpleUploadedFile("ke-hoach.txt", seed_bytes)},
    )
    return Plan.objects.get()


def test_page_lists_what_is_open(world, login, draft):
    items = open_items(draft)
    assert items.errors or items.warnings or items.unresolved  # the seed has open items
    body = login(world.officer_a1).get(reverse("plans:confirm", args=[draft.pk])).content.decode()
    assert "Vẫn xác nhận, ghi lý do" in body and 'name="reason"' in body
    for u in items.unresolved:
        assert escape(u.printed) in body


def test_confirm_without_reason_is_refused_with_a_field_error(world, login, draft):
    response = login(world.officer_a1).post(reverse("plans:confirm", args=[draft.pk]), {"reason": "  "})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    assert 'class="field has-error"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT and not Milestone.objects.exists()


def test_confirm_with_reason_is_recorded(world, login, draft):
    client = login(world.officer_a1)
    reason = "Lỗi giống văn bản đã ký; sẽ sửa ở kế hoạch điều chỉnh."
    response = client.post(reverse("plans:confirm", args=[draft.pk]), {"reason": reason})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == Plan.Status.ACTIVE and draft.confirm_reason == reason
    entry = AuditEntry.objects.filter(model="plans.plan", action="event", message__contains=reason).get()
    assert entry.actor == world.officer_a1 and "Xác nhận kế hoạch khi còn" in entry.message
    page = client.get(reverse("plans:detail", args=[draft.pk])).content.decode()
    assert "Xác nhận khi còn tồn tại" in page and escape(reason) in page


def test_staff_cannot_confirm(world, login, draft):
    response = login(world.staff_a1).post(reverse("plans:confirm", args=[draft.pk]), {"reason": "x"})
    assert response.status_code in (403, 404)
    draft.refresh_from_db()
    assert draft.status == Plan.Status.DRAFT and draft.confirm_reason == ""


def test_dismissing_from_the_confirmation_page_comes_back_to_it(world, login, draft):
    items = open_items(draft)
    finding = (items.errors or items.warnings)[0]
    client = login(world.officer_a1)
    body = client.get(reverse("plans:confirm", args=[draft.pk])).content.decode()
    assert "Bỏ qua kèm lý do" in body
    response = client.post(
        reverse("review:dismiss", args=[draft.pk]),
        {
            "rule": finding.finding.rule,
            "location": finding.location,
            "hash": finding.message_hash,
            "reason": "Đúng theo văn bản đã ký",
            "ve_xac_nhan": "1",
        },
    )
    assert response.status_code == 302 and response["Location"] == reverse("plans:confirm", args=[draft.pk])
    after = open_items(draft)
    assert len(after.errors) + len(after.warnings) == len(items.errors) + len(items.warnings) - 1
