"""The demo progress step is believable and idempotent."""

from __future__ import annotations

from datetime import date, timedelta

from apps.plans.models import Milestone
from apps.tracking.demo import load_progress
from apps.tracking.models import ProgressReport
from tests.apps.tracking.conftest import milestone


def test_progress_once(world, plan_a1):
    for i in range(40):
        milestone(plan_a1.t_kt, date(2025, 1, 10) + timedelta(days=7 * i), f"Tuần {i}")
    load_progress()
    n = ProgressReport.objects.count()
    statuses = set(Milestone.objects.values_list("report_status", flat=True))
    assert n > 20 and {"accepted", ""} <= statuses
    load_progress()
    assert ProgressReport.objects.count() == n
    for m in Milestone.objects.filter(report_status="accepted"):
        assert m.submitted_on is not None and m.report.agency == world.kt_a1


def test_demo_sends_are_stamped_on_the_business_dates(world, plan_a1):
    """One clock (issue 14): "Gửi" shows the same day as "gửi lần đầu", not the day the demo loaded."""
    from django.utils import timezone

    for i in range(40):
        milestone(plan_a1.t_kt, date(2025, 1, 10) + timedelta(days=7 * i), f"Tuần {i}")
    load_progress()
    sent = Milestone.objects.exclude(report_status__in=["", "draft"]).select_related("report")
    assert sent.count() > 10
    for m in sent:
        assert timezone.localdate(m.report.submitted_at) == m.submitted_on
        if m.report_status in ("approved", "accepted"):
            assert m.submitted_on <= timezone.localdate(m.report.approved_at) <= date(2025, 11, 25)
