"""Fixtures for report tests, on the shared named world (tests/apps/conftest.py).

``q3``: commune A1 with an active 2025 plan of three tasks and two targets, as of the Q3/2025
cut-off (14/9/2025):
- ``t_done`` (tthc, lead Phòng Kinh tế A1): milestone due 31/8, reported done on 29/8 and accepted,
  with one evidence link;
- ``t_late`` (the_che, lead Phòng Kinh tế A1): milestone due 31/7, never reported (overdue);
- ``t_later`` (chinh_quyen_so, lead Trung tâm HCC A1): milestone due 31/12 (not due yet);
- targets on_time_rate >= 95% (2025) and online_dossier_rate >= 50%.
Province A gets a leader (``leader_a``). Uploads go to a temporary MEDIA_ROOT; jobs run inline.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.plans.models import Plan, Target
from apps.reports.demo import placeholder_pdf
from apps.tracking.models import Evidence, ProgressReport
from tests.apps.conftest import _user
from tests.apps.tracking.conftest import make_task, milestone


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf_upload(name: str = "ban-ky.pdf", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, placeholder_pdf() if data is None else data, content_type="application/pdf"
    )


@pytest.fixture
def q3(world):
    p = SimpleNamespace()
    world.leader_a = _user("leader_a", world.a, "leader")
    p.plan = Plan.objects.create(
        org_unit=world.a1,
        title="Kế hoạch CCHC năm 2025 của xã An Một",
        decision_number="12/KH-UBND",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        status=Plan.Status.ACTIVE,
    )
    p.t_done = make_task(p.plan, "1", world.kt_a1, [world.hcc_a1], area="tthc")
    p.t_late = make_task(p.plan, "2", world.kt_a1, area="the_che")
    p.t_later = make_task(p.plan, "3", world.hcc_a1, area="chinh_quyen_so")
    p.m_done = milestone(p.t_done, date(2025, 8, 31))
    p.m_done.report_status, p.m_done.submitted_on = "accepted", date(2025, 8, 29)
    p.m_done.save()
    report = ProgressReport.objects.create(
        milestone=p.m_done,
        agency=world.kt_a1,
        text="Đã rà soát 24 thủ tục hành chính.",
        percent=100,
        progress="done",
    )
    Evidence.objects.create(
        report=report, title="Quyết định công bố số 88/QĐ-UBND", url="https://example.vn/qd88"
    )
    p.m_late = milestone(p.t_late, date(2025, 7, 31))
    p.m_later = milestone(p.t_later, date(2025, 12, 31))
    Target.objects.create(
        plan=p.plan,
        area="tthc",
        text="Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%",
        indicator="on_time_rate",
        comparator=">=",
        value=95,
        unit="%",
        year=2025,
    )
    Target.objects.create(
        plan=p.plan,
        area="tthc",
        text="Trên 50% hồ sơ nộp trực tuyến",
        indicator="online_dossier_rate",
        comparator=">=",
        value=50,
        unit="%",
    )
    return p
