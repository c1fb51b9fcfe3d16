"""The search box and the notice list in a real browser, on a desktop and on a 390 px phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from apps.tracking.models import Notification
from tests.apps.search.test_search import data  # noqa: F401 - plans, tasks and reports to find
from tests.browser.conftest import log_in

NO_PAGE_OVERFLOW = "document.scrollingElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def notices(world):
    return [
        Notification.objects.create(user=world.officer_a1, text=f"Nhắc việc số {i}", url="/theo-doi/")
        for i in range(1, 4)
    ]


def _search_and_mark(p, world, data):  # noqa: F811 - the fixture's value
    log_in(p, "officer_a1")
    box = p.locator("header").get_by_label("Tìm kiếm")
    expect(box).to_be_visible()  # in the top bar, without opening the menu on a phone
    box.fill("cai cach")
    box.press("Enter")
    expect(p.get_by_role("heading", name=re.compile("^Nhiệm vụ"))).to_be_visible()
    expect(p.locator("#kq-plans")).to_contain_text("xã An Một")
    expect(p.locator("main")).not_to_contain_text("xã An Hai")  # another commune: never listed
    assert p.evaluate(NO_PAGE_OVERFLOW)
    p.locator("#kq-tasks a").first.click()
    expect(p).to_have_url(re.compile(rf"/ke-hoach/{data.plan_a1.pk}/#task-{data.task_hcc.pk}$"))
    expect(p.locator(f"#task-{data.task_hcc.pk}")).to_be_visible()

    bell = p.locator("header a.bell")
    expect(bell.locator("[data-unread]")).to_have_text("3")
    bell.click()
    p.get_by_label("Chọn thông báo 1").check()
    p.get_by_role("button", name="Đánh dấu đã đọc mục đã chọn").click()
    expect(p.locator("ul.messages")).to_contain_text("Đã đánh dấu 1 thông báo")
    expect(bell.locator("[data-unread]")).to_have_text("2")
    p.get_by_label("Chọn tất cả trên trang").check()
    expect(p.locator("main ul.notices input[name=id]:not([disabled]):checked")).to_have_count(2)
    p.get_by_role("button", name="Đánh dấu đã đọc mục đã chọn").click()
    expect(p.locator("main ul.notices li.unread")).to_have_count(0)
    expect(bell.locator("[data-unread]")).to_have_count(0)
    assert p.evaluate(NO_PAGE_OVERFLOW)


def test_search_and_mark_read_on_desktop(page, world, data, notices):  # noqa: F811
    _search_and_mark(page, world, data)


def test_search_and_mark_read_on_phone(phone, world, data, notices):  # noqa: F811
    _search_and_mark(phone, world, data)
    phone.get_by_role("button", name=re.compile("Menu")).click()
    phone.get_by_role("link", name="Cài đặt thông báo").click()
    phone.get_by_label("Không gửi thư (chỉ xem trên hệ thống)").check()
    phone.get_by_role("button", name="Lưu").click()
    expect(phone.locator("ul.messages")).to_contain_text("Đã lưu cách nhận thông báo.")
    assert phone.evaluate(NO_PAGE_OVERFLOW)
