"""What an official does in a real browser: log in, look around, edit as admin, log out."""

from __future__ import annotations

import re

import pytest

from apps.orgs.models import Agency, Alias
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

LOGIN = "/tai-khoan/dang-nhap/"


def test_login_shows_roles_on_home(page, world):
    log_in(page, "officer_a1")
    assert page.url == page.base + "/"
    roles = page.locator("section.card", has_text="Vai trò của bạn")
    assert "Chuyên viên CCHC" in roles.inner_text()
    assert "Phòng Văn hóa - Xã hội" in roles.inner_text()
    assert page.get_by_role("link", name="xã An Một").first.is_visible()


def test_wrong_password_shows_vietnamese_error(page, world):
    log_in(page, "officer_a1", "sai-mat-khau")
    assert page.url.startswith(page.base + LOGIN)
    alert = page.get_by_role("alert")
    assert alert.inner_text().strip() == "Tên đăng nhập hoặc mật khẩu không đúng."
    # Not logged in: the home page still sends us to the login form.
    page.goto(page.base + "/")
    assert page.url.startswith(page.base + LOGIN)


def test_six_failures_lock_the_login(page, problems, world):
    # Chromium reports the refused document load ("status of 429") on the console: expected here.
    problems.allowed.append("429")
    statuses = []
    page.goto(page.base + LOGIN)
    for _ in range(6):
        page.get_by_label("Tên đăng nhập").fill("officer_a1")
        page.get_by_label("Mật khẩu").fill("sai-mat-khau")
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.get_by_role("button", name="Đăng nhập").click()
        statuses.append(answer.value.status)
        page.wait_for_load_state("load")
    assert statuses == [200] * 5 + [429]
    assert "Đăng nhập sai quá nhiều lần" in page.get_by_role("alert").first.inner_text()
    # Even the right password is refused while the lock holds.
    page.get_by_label("Tên đăng nhập").fill("officer_a1")
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem-1")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.get_by_role("button", name="Đăng nhập").click()
    assert answer.value.status == 429
    page.goto(page.base + "/")
    assert page.url.startswith(page.base + LOGIN)


def test_navigate_to_units_and_open_a_commune(page, world):
    log_in(page, "officer_a")
    page.get_by_role("navigation").get_by_role("link", name="Đơn vị, cơ quan").click()
    assert page.get_by_role("heading", name="Đơn vị hành chính").is_visible()
    rows = page.locator("table.tree tbody tr")
    assert rows.count() == 3  # tỉnh An and its two communes, nothing of tỉnh Bình
    assert "tỉnh Bình" not in page.locator("main").inner_text()
    page.get_by_role("link", name="xã An Một").click()
    assert page.get_by_role("heading", name="xã An Một", level=1).is_visible()
    agencies = page.locator("section.card", has_text="Cơ quan, đơn vị").locator("tbody")
    for name in ("Phòng Kinh tế", "Phòng Văn hóa - Xã hội", "Trung tâm Phục vụ hành chính công"):
        assert name in agencies.inner_text()
    assert "tỉnh An" in page.locator("p.crumbs").inner_text()


def test_admin_adds_an_agency_and_an_alias(page, world):
    log_in(page, "admin_a1")
    page.goto(page.base + f"/to-chuc/{world.a1.pk}/")
    page.get_by_role("link", name="Thêm cơ quan").click()
    page.get_by_label("Tên cơ quan").fill("Ban Chỉ huy Quân sự xã")
    page.get_by_label("Loại").select_option(label="Quân sự")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state("load")
    assert page.url == page.base + f"/to-chuc/{world.a1.pk}/"
    assert "Đã lưu Ban Chỉ huy Quân sự xã" in page.locator("ul.messages").inner_text()
    agency = Agency.objects.get(org_unit=world.a1, name="Ban Chỉ huy Quân sự xã")
    assert agency.kind == "quan_su"

    page.get_by_label("Tên gọi khác của Ban Chỉ huy Quân sự xã").fill("BCHQS xã")
    page.get_by_label("Tên gọi khác của Ban Chỉ huy Quân sự xã").press("Enter")
    page.wait_for_load_state("load")
    assert "Đã thêm tên gọi khác" in page.locator("ul.messages").inner_text()
    row = page.locator("tbody tr", has_text="Ban Chỉ huy Quân sự xã")
    assert row.locator(".chip", has_text="BCHQS xã").count() == 1
    assert Alias.objects.filter(agency=agency, text="BCHQS xã").exists()


def test_staff_sees_no_admin_buttons(page, world):
    log_in(page, "staff_a1")
    nav = page.get_by_role("navigation")
    assert nav.get_by_role("link", name="Đơn vị, cơ quan").is_visible()
    assert nav.get_by_role("link", name="Người dùng").count() == 0
    assert nav.get_by_role("link", name="Nhật ký").count() == 0
    page.goto(page.base + f"/to-chuc/{world.a1.pk}/")
    assert page.get_by_role("heading", name="xã An Một", level=1).is_visible()
    main = page.locator("main")
    for label in ("Thêm cơ quan", "Sửa", "Đổi tên", "Ghi nhận sáp nhập", "Thêm nhóm"):
        assert main.get_by_role("link", name=label, exact=True).count() == 0, label
    assert main.locator("form.alias-form").count() == 0
    assert main.get_by_role("button", name=re.compile("^Xóa")).count() == 0


def test_staff_typing_an_admin_address_gets_the_refusal_page(page, problems, world):
    problems.allowed.append("403")
    log_in(page, "staff_a1")
    response = page.goto(page.base + f"/to-chuc/{world.a1.pk}/co-quan/them/")
    assert response.status == 403
    assert page.get_by_role("heading", name="Không có quyền").is_visible()


def test_logout(page, world):
    log_in(page, "officer_a1")
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state("load")
    assert page.url.startswith(page.base + LOGIN)
    page.goto(page.base + "/to-chuc/")
    assert page.url.startswith(page.base + LOGIN)
