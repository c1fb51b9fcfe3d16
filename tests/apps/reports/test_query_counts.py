"""Query-count baselines for the report pages, and the same count with 3 or 30 tasks (no N+1).

If a change needs a new query, raise the baseline in the same commit and say why.
report-draft and indicators 16 -> 23: the figures measured through core.measures that no target names (citizen
voice: petitions on time, petition satisfaction, dossier satisfaction 766 5.4, local survey, official SIPAS; the
dossier codes), asked once each per unit and period (one query each when there is no data).
23 -> 39 when the dossier engine, PAR INDEX providers and citizen voice landed together: every measured
figure of the unit for the report's period and the two before it (the trend), from four sources (dossier
roll-ups, plan follow-up, reports sent, petitions and surveys); loads shared by several figures are read
once per request (core.measures.session), the count does not grow with tasks or figures.
report-draft 39 -> 40: the report's latest PDF export job (its status and "Tải bản PDF" link)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.orgs.models import OrgUnit
from apps.reports import services
from apps.reports.models import Indicator
from apps.reports.selectors import period_for
from apps.tracking.models import Evidence, ProgressReport
from tests.apps.tracking.conftest import make_task, milestone


def grow(world, q3, n: int) -> None:
    """``n`` more reported tasks with evidence, ``n`` communes under province A, ``n`` indicator values."""
    for i in range(n):
        task = make_task(
            q3.plan, str(10 + i), world.kt_a1, [world.hcc_a1], area="bo_may" if i % 2 else "cong_vu"
        )
        m = milestone(task, date(2025, 8, 1))
        m.report_status, m.submitted_on = "accepted", date(2025, 7, 30)
        m.save()
        r = ProgressReport.objects.create(
            milestone=m, agency=world.kt_a1, text=f"Kết quả {i}", progress="done", percent=100
        )
        Evidence.objects.create(report=r, title=f"Văn bản {i}", url=f"https://example.vn/{i}")
        OrgUnit.objects.create(name=f"xã Thêm {i}", level="commune", parent=world.a)
    on_time = Indicator.objects.get(code="on_time_rate")
    for code in ("2025-Q1", "2025-H1", "2025-Q3")[: max(1, n // 10)]:
        services.set_indicator_value(
            world.officer_a1, world.a1, on_time, period_for(world.a1, code), "90", "x"
        )


PAGES = [
    ("index-commune", lambda w: reverse("reports:index") + "?ky=2025-Q3", "officer_a1", 5),
    ("index-province", lambda w: reverse("reports:index") + "?ky=2025-Q3", "officer_a", 11),
    ("report-draft", lambda w: reverse("reports:report", args=[w.a1.pk, "2025-Q3"]), "officer_a1", 40),
    ("indicators", lambda w: reverse("reports:indicators", args=[w.a1.pk]) + "?ky=2025-Q3", "officer_a1", 39),
    ("periods", lambda w: reverse("reports:periods", args=[w.a1.pk]), "officer_a1", 7),
]


def count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.fixture
def with_draft(world, q3):
    services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))
    return q3


@pytest.mark.parametrize(("label", "url", "who", "baseline"), PAGES, ids=[p[0] for p in PAGES])
def test_baseline_and_scale(world, with_draft, client, label, url, who, baseline):
    client.force_login(getattr(world, who))
    small = count(client, url(world))
    grow(world, with_draft, 27)
    big = count(client, url(world))
    assert big <= baseline, f"{label}: {big} queries (baseline {baseline})"
    assert big == small, f"{label}: {small} queries with 3 tasks, {big} with 30 (an N+1?)"
