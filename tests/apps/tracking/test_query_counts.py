"""Query-count baselines for the follow-up pages, and the same count with 3 or 30 tasks (no N+1)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.tracking import services
from tests.apps.tracking.conftest import make_task, milestone, opened


def grow(world, plan_a1, n: int) -> None:
    for i in range(n):
        task = make_task(plan_a1.plan, str(10 + i), world.kt_a1 if i % 2 else world.hcc_a1, [world.kt_a1])
        for k in range(3):
            m = milestone(task, date(2025, 3, 1) + timedelta(days=40 * k + i), f"Mốc {k}")
            if k == 0:
                report = services.save_report(
                    world.staff_a1 if i % 2 else world.staff_a1_hcc,
                    m,
                    {"text": "x", "percent": 5, "progress": "in_progress", "reason": ""},
                    expected_version=opened(m),
                )
                services.submit_report(
                    world.staff_a1 if i % 2 else world.staff_a1_hcc, report, expected_version=opened(report)
                )


# (id, url name, args, who, baseline): the counts of today; raise one only with a reason
PAGES = [
    ("workspace-staff", "tracking:workspace", lambda w, p: [], "staff_a1", 11),
    # 13: the review queue's lines (one query, evidence counted in it) and their total
    ("workspace-head", "tracking:workspace", lambda w, p: [], "head_a1", 13),
    ("queue-head", "tracking:queue", lambda w, p: [], "head_a1", 5),
    ("calendar", "tracking:calendar", lambda w, p: [], "staff_a1", 5),
    ("milestone", "tracking:milestone", lambda w, p: [p.m_nov.pk], "staff_a1", 7),
    ("timeline", "tracking:timeline", lambda w, p: [p.plan.pk], "officer_a1", 8),
    ("dashboard-commune", "tracking:dashboard", lambda w, p: [], "officer_a1", 15),
    (
        "dashboard-province",
        "tracking:dashboard",
        lambda w, p: [],
        "officer_a",
        17,
    ),  # +1: tasks per subordinate unit (as the compiled report counts)
    ("export", "tracking:export", lambda w, p: [p.plan.pk], "officer_a1", 10),
]


def count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx)


@pytest.mark.parametrize(("label", "name", "args", "who", "baseline"), PAGES, ids=[p[0] for p in PAGES])
@time_machine.travel(date(2025, 11, 25), tick=False)
def test_baseline_and_scale(world, plan_a1, client, label, name, args, who, baseline):
    client.force_login(getattr(world, who))
    url = reverse(name, args=args(world, plan_a1))
    grow(world, plan_a1, 3)
    small = count(client, url)
    grow(world, plan_a1, 27)
    large = count(client, url)
    assert large <= baseline, f"{label}: {large} queries"
    assert large == small, f"{label}: {small} queries with 3 tasks, {large} with 30 (a per-row query)"
