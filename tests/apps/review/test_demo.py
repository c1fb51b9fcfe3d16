"""The demo shows review at work: Thanh Hóa's commune plans linked to the province plan task by
task, a dismissed finding, and the province's coverage matrix; running it twice changes nothing."""

from __future__ import annotations

from django.core.management import call_command
from django.urls import reverse

from apps.accounts.models import User
from apps.plans.models import Plan, Task
from apps.review.models import FindingDismissal, TaskAlignment


def test_demo_review_step(db, client):
    call_command("demo")
    province = Plan.objects.get(org_unit__name="tỉnh Thanh Hóa")
    commune = Plan.objects.get(org_unit__name="xã Thường Xuân")
    assert commune.parent == province
    assert Task.objects.filter(plan=commune, parent_task__plan=province).count() >= 25
    dismissal = FindingDismissal.objects.get(plan=commune)
    assert dismissal.rule == "deadline_outside_period" and dismissal.dismissed_by.username == "cv.thuongxuan"
    counts = (TaskAlignment.objects.count(), FindingDismissal.objects.count())
    call_command("demo")
    assert (TaskAlignment.objects.count(), FindingDismissal.objects.count()) == counts

    client.force_login(User.objects.get(username="snv.thanhhoa"))
    html = client.get(reverse("review:coverage", args=[province.pk])).content.decode()
    for name in ("xã Thường Xuân", "xã Ngọc Liên", "xã Anh Sơn"):
        assert name in html
    client.force_login(User.objects.get(username="cv.thuongxuan"))
    panel = client.get(reverse("review:panel", args=[commune.pk])).content.decode()
    assert 'data-rule="editorial_note"' in panel and "Hiện cả 1 phát hiện đã bỏ qua" in panel
