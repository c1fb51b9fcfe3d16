"""The home page as a cockpit, in a real browser on a desktop and a 390 px phone: what is late with
its agency (a link to it), what is due soon, the unit's rates, the next report; no console error,
no sideways scrolling on the phone."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from tests.apps.tracking.conftest import (
    milestone,
    plan_a1,  # noqa: F401 - the fixture, reused
)
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

NO_PAGE_OVERFLOW = "document.scrollingElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def late(plan_a1, monkeypatch):  # noqa: F811
    monkeypatch.setenv("CCHC_TODAY", "2025-11-25")
    plan_a1.m_late = milestone(plan_a1.t_hcc, date(2025, 11, 3), "Báo cáo tháng 10 của Trung tâm")
    return plan_a1


@pytest.mark.parametrize("device", ["page", "phone"])
def test_officer_home_answers_what_is_late(request, live_server, device, world, late):
    page = request.getfixturevalue(device)
    log_in(page, "officer_a1")
    late_card = page.locator("#qua-han")
    late_card.get_by_text("Báo cáo tháng 10 của Trung tâm").wait_for()
    assert "Trung tâm Phục vụ hành chính công" in late_card.inner_text()
    assert "quá 22 ngày" in late_card.inner_text()
    assert "Hoàn thành tháng 11" in page.locator("#sap-den-han").inner_text()
    assert page.locator("#tinh-hinh").get_by_text("Tỷ lệ hoàn thành nhiệm vụ của kế hoạch CCHC").is_visible()
    assert "20/12/2025" in page.locator("#han-bao-cao").inner_text()
    assert page.evaluate(NO_PAGE_OVERFLOW), "trang chủ tràn ngang"
    late_card.get_by_role("link", name=late.t_hcc.content[:30]).first.click()
    page.wait_for_url(f"**/theo-doi/moc/{late.m_late.pk}/**")


def test_staff_home_on_phone_shows_only_their_agency(phone, world, late):
    log_in(phone, "staff_a1")
    cockpit = phone.locator("main")
    cockpit.get_by_text("Việc cần làm hôm nay").wait_for()
    assert "Báo cáo tháng 10 của Trung tâm" not in cockpit.inner_text()
    assert "Hoàn thành tháng 11" in cockpit.inner_text()
    assert phone.evaluate(NO_PAGE_OVERFLOW)


def test_admin_card_on_phone_lists_a_failed_job_without_sideways_scrolling(phone, world):
    from apps.jobs.models import Job
    from apps.reports.jobs import KIND

    job = Job.objects.create(
        kind=KIND,
        org_unit=world.a1,
        status=Job.Status.FAILED,
        error="Không hoàn tất được: " + "báo-cáo-rất-dài-không-có-khoảng-trắng-" * 6,
    )
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now())
    log_in(phone, "admin_a1")
    card = phone.locator("#quan-tri")
    card.get_by_text("Tác vụ nền thất bại trong 7 ngày qua (1)").wait_for()
    assert phone.evaluate(NO_PAGE_OVERFLOW), "thẻ quản trị tràn ngang trên điện thoại"
    card.get_by_role("link", name=f"#{job.pk}").click()
    phone.wait_for_url(f"**/tac-vu/{job.pk}/")
