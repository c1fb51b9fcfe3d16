"""Issue 14 item 5 in a real browser, on a 390 px phone: a refused date, contribution or task-cancel
reason leaves the person on the page they were on, the error beside the field, what they typed kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.plans.models import Milestone, Task
from apps.tracking import services
from tests.apps.tracking.conftest import (
    opened,
    plan_a1,  # noqa: F401 - the fixture, reused
)
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser
FIELDS = {"text": "Đã ban hành quyết định", "percent": 50, "progress": "in_progress", "reason": ""}


def test_refused_date_stays_on_the_milestone_page(phone, world, plan_a1):  # noqa: F811
    log_in(phone, "officer_a1")
    url = f"{phone.base}/theo-doi/moc/{plan_a1.m_event.pk}/"
    phone.goto(url)
    phone.get_by_label("Hạn (dd/mm/yyyy)").fill("15/01/2026")
    phone.get_by_role("button", name="Xác định hạn").click()
    field = phone.locator(".field.has-error", has=phone.get_by_label("Hạn (dd/mm/yyyy)"))
    expect(field).to_contain_text("nằm ngoài thời gian")
    expect(phone.get_by_label("Hạn (dd/mm/yyyy)")).to_have_value("15/01/2026")
    assert phone.url.split("#")[0] == url
    assert Milestone.objects.get(pk=plan_a1.m_event.pk).due is None


def test_contribution_error_keeps_the_text(phone, world, plan_a1):  # noqa: F811
    services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov))
    log_in(phone, "staff_a1_hcc")
    url = f"{phone.base}/theo-doi/moc/{plan_a1.m_nov.pk}/"
    phone.goto(url)
    box = phone.get_by_label("Nội dung phối hợp")
    box.fill("   ")  # passes the browser's ``required``; the server refuses it
    phone.get_by_role("button", name="Bổ sung").click()
    expect(phone.locator("#phoi-hop .field.has-error")).to_be_visible()
    assert phone.url.split("#")[0] == url


def test_cancel_reason_refused_in_the_row(phone, world, plan_a1):  # noqa: F811
    log_in(phone, "officer_a1")
    phone.goto(f"{phone.base}/ke-hoach/{plan_a1.plan.pk}/")
    task = plan_a1.t_kt
    row = phone.locator(f"#task-{task.pk}")
    row.get_by_label("Lý do dừng thực hiện").fill("Cấp trên điều chỉnh")
    Task.objects.filter(pk=task.pk).update(version=task.version + 1)  # someone else saved meanwhile
    row.get_by_role("button", name="Dừng thực hiện").click()
    row = phone.locator(f"#task-{task.pk}")
    expect(row.locator(".error-text")).to_be_visible()
    expect(row.get_by_label("Lý do dừng thực hiện")).to_have_value("Cấp trên điều chỉnh")
    assert Task.objects.get(pk=task.pk).cancelled_at is None
