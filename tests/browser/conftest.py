"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live server.

Playwright's own browser download is never used; without /usr/bin/chromium the tests skip with the
reason. Each test gets a fresh browser context (its own cookies) and a page whose console errors,
uncaught exceptions and Content-Security-Policy violations are collected and fail the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The sync API keeps an asyncio event loop running in this thread; Django's ORM calls made by the
# fixtures would otherwise be refused as "called from an async context".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from tests.apps.conftest import PASSWORD, world  # noqa: E402,F401 - the named test world, reused

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} không có: cài chromium (make browser) để chạy kiểm thử trình duyệt")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class ProblemLog:
    """Console errors, uncaught page errors and CSP violations seen by one page."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.allowed: list[str] = []  # substrings a test expects (e.g. the 429 of the lockout)

    def on_console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")
        elif "Content-Security-Policy" in message.text or "Content Security Policy" in message.text:
            self.problems.append(f"csp: {message.text}")

    def on_page_error(self, error) -> None:
        self.problems.append(f"pageerror: {error}")

    def unexpected(self) -> list[str]:
        return [p for p in self.problems if not any(a in p for a in self.allowed)]


@pytest.fixture
def problems() -> ProblemLog:
    return ProblemLog()


def _new_page(browser, problems: ProblemLog, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("console", problems.on_console)
    page.on("pageerror", problems.on_page_error)
    return context, page


@pytest.fixture
def page(browser, live_server, problems):
    context, page = _new_page(browser, problems, DESKTOP)
    page.base = live_server.url
    yield page
    context.close()
    assert not problems.unexpected(), "Lỗi trong trình duyệt: " + " | ".join(problems.unexpected())


@pytest.fixture
def phone(browser, live_server, problems):
    context, page = _new_page(browser, problems, PHONE)
    page.base = live_server.url
    yield page
    context.close()
    assert not problems.unexpected(), "Lỗi trong trình duyệt: " + " | ".join(problems.unexpected())


def log_in(page, username: str, password: str = PASSWORD) -> None:
    """Fill the login form by its Vietnamese labels, as a person would."""
    page.goto(page.base + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state("load")
