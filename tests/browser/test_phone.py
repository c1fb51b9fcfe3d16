"""On a phone (390×844): the menu toggle, tables that scroll inside their frame, a clean console."""

from __future__ import annotations

import pytest

from apps.orgs.models import Agency
from tests.browser.conftest import RESULTS_DIR, log_in

pytestmark = pytest.mark.browser

NO_PAGE_OVERFLOW = "document.scrollingElement.scrollWidth <= window.innerWidth"


def test_menu_toggle_opens_the_navigation(phone, world):
    log_in(phone, "admin_a1")
    toggle = phone.get_by_role("button", name="☰ Menu")
    nav = phone.locator("#mainnav")
    assert toggle.is_visible()
    assert not nav.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert nav.is_visible()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert nav.get_by_role("link", name="Người dùng").is_visible()
    assert phone.evaluate(NO_PAGE_OVERFLOW)
    RESULTS_DIR.mkdir(exist_ok=True)
    phone.screenshot(path=str(RESULTS_DIR / "phone-home.png"), full_page=True)
    toggle.click()
    assert not nav.is_visible()
    assert toggle.get_attribute("aria-expanded") == "false"


def test_tables_scroll_inside_their_frame(phone, world):
    # A wide row, as real agency lists have: long names, short names and the alias form.
    Agency.objects.create(
        org_unit=world.a1,
        name="Trung tâm Văn hóa, Thông tin, Thể thao và Truyền thanh xã",
        short_name="TTVHTTTTTTX-ANMOT-2025",
        kind="trung_tam",
    )
    log_in(phone, "admin_a1")
    for path in (f"/to-chuc/{world.a1.pk}/", "/to-chuc/", "/tai-khoan/nguoi-dung/"):
        phone.goto(phone.base + path)
        frames = phone.locator(".table-wrap")
        assert frames.count() >= 1, path
        assert phone.evaluate(NO_PAGE_OVERFLOW), f"{path}: trang bị tràn ngang trên điện thoại"
        for i in range(frames.count()):
            box = frames.nth(i).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390 + 0.5, path
    # The unit page's agency table really is wider than the phone, so the frame does scroll.
    phone.goto(phone.base + f"/to-chuc/{world.a1.pk}/")
    frame = phone.locator(".table-wrap").first
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth"), (
        "bảng không rộng hơn màn hình: phép thử vô nghĩa"
    )
    assert frame.evaluate("el => getComputedStyle(el).overflowX") == "auto"
    frame.evaluate("el => { el.scrollLeft = 100; }")
    assert frame.evaluate("el => el.scrollLeft") > 0
    assert phone.evaluate(NO_PAGE_OVERFLOW)


def test_csp_violation_is_caught(phone, problems, world):
    """The console listener is not decoration: an inline script is refused and reported."""
    phone.goto(phone.base + "/tai-khoan/dang-nhap/")
    assert not problems.problems
    phone.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
        " document.body.appendChild(s); }"
    )
    phone.wait_for_timeout(100)
    assert phone.evaluate("() => window.__inline") is None
    assert any("Content Security Policy" in p for p in problems.problems), problems.problems
    problems.allowed.append("Content Security Policy")
