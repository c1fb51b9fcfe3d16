"""Who prepares, signs, submits and reads a report: grants and denials (403 for actions, 404 for
objects outside scope)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.accounts.policy import can
from apps.reports import services
from apps.reports.models import PeriodicReport
from apps.reports.selectors import period_for
from tests.apps.reports.conftest import pdf_upload


@pytest.fixture
def draft(world, q3):
    return services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))


def test_rules(world, q3, draft):
    assert can(world.officer_a1, "reports.prepare", world.a1)
    assert not can(world.officer_a, "reports.prepare", world.a1)  # the province does not write it
    assert not can(world.leader_a1, "reports.prepare", world.a1)
    assert not can(world.staff_a1, "reports.prepare", world.a1)
    assert can(world.leader_a1, "reports.sign", world.a1)
    assert not can(world.leader_a, "reports.sign", world.a1)  # a province leader does not sign for a commune
    assert not can(world.officer_a1, "reports.sign", world.a1)
    assert can(world.viewer_a1, "reports.view", draft)
    assert not can(world.officer_a, "reports.view", draft)  # superior: not before submission
    assert not can(world.staff_a1, "reports.view", draft)  # agency staff: not the unit's report
    assert not can(world.officer_b1, "reports.view", draft)


@pytest.mark.parametrize("who", ["officer_a", "leader_a1", "head_a1", "viewer_a1"])
def test_only_the_units_officer_opens_a_draft(world, q3, login, who):
    r = login(getattr(world, who)).post(reverse("reports:open", args=[world.a1.pk, "2025-Q3"]))
    assert r.status_code == 403
    assert not PeriodicReport.objects.exists()


def test_another_communes_officer_gets_404(world, q3, login, draft):
    client = login(world.officer_b1)
    assert client.get(reverse("reports:report", args=[world.a1.pk, "2025-Q3"])).status_code == 404
    assert client.post(reverse("reports:open", args=[world.a1.pk, "2025-Q3"])).status_code == 404
    assert client.get(reverse("reports:download", args=[draft.pk, "docx"])).status_code == 404
    assert client.post(reverse("reports:narrative", args=[draft.pk]), {}).status_code == 404
    assert client.post(reverse("reports:sign", args=[draft.pk]), {"scan": pdf_upload()}).status_code == 404


def test_officer_cannot_sign_and_staff_cannot_edit(world, q3, login, draft):
    r = login(world.officer_a1).post(reverse("reports:sign", args=[draft.pk]), {"scan": pdf_upload()})
    assert r.status_code == 403
    r = login(world.viewer_a1).post(reverse("reports:narrative", args=[draft.pk]), {"causes": "x"})
    assert r.status_code == 403
    r = login(world.viewer_a1).post(reverse("reports:submit", args=[draft.pk]))
    assert r.status_code == 403
    draft.refresh_from_db()
    assert draft.status == "draft" and not draft.causes.startswith("x")


def test_superior_reads_only_submitted_reports(world, q3, login, draft):
    client = login(world.officer_a)
    assert client.get(reverse("reports:report", args=[world.a1.pk, "2025-Q3"])).status_code == 404
    assert client.get(reverse("reports:download", args=[draft.pk, "docx"])).status_code == 404
    services.submit(world.officer_a1, services.sign(world.leader_a1, draft, pdf_upload()))
    assert client.get(reverse("reports:report", args=[world.a1.pk, "2025-Q3"])).status_code == 200
    assert client.get(reverse("reports:download", args=[draft.pk, "docx"])).status_code == 200
    assert client.get(reverse("reports:scan", args=[draft.pk])).status_code == 200
    assert login(world.appraiser_a).get(reverse("reports:scan", args=[draft.pk])).status_code == 200
    # Another province never sees it, submitted or not.
    assert login(world.officer_b1).get(reverse("reports:scan", args=[draft.pk])).status_code == 404
    # A superior cannot change a subordinate's report (``login`` switches the one test client).
    assert login(world.officer_a).post(reverse("reports:new_version", args=[draft.pk])).status_code == 403


def test_anonymous_is_sent_to_login(client, world, q3):
    r = client.get(reverse("reports:report", args=[world.a1.pk, "2025-Q3"]))
    assert r.status_code == 302 and "dang-nhap" in r["Location"]
