"""Walk every role's week (issue 14): log in as each role, on a desktop and a 390 px phone, and open
every page the menu and the home page offer that user. A link shown must work: each page answers
below 400, has a non-empty ``<h1>``, raises no console or page error (the ``page``/``phone``
fixtures fail the test on any), and on the phone the document never scrolls sideways.

Links are grouped by their shape (numbers replaced by ``N``) so one milestone stands for all, and
each role walks at most ``LIMIT`` pages (menu and home links first, then theirs), which keeps the whole module well under two minutes.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from apps.tracking import services as tracking_services
from tests.apps.tracking.conftest import (
    opened,
    plan_a1,  # noqa: F401 - the fixture, reused
)
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

LIMIT = 18
TODAY = "2025-11-25"
# Files and actions, not pages: downloads are not HTML and a GET on them proves nothing here.
SKIP = re.compile(
    r"\.(xlsx|docx|pdf|csv|zip|json)($|\?)|[?&](xuat|format)=|/tai-ve|/xuat|/dang-xuat|/tai-khoan/dang-nhap"
)
ROLES = [
    "officer_a1",
    "head_a1",
    "staff_a1",
    "leader_a1",
    "officer_a",
    "viewer_a1",
    "appraiser_a",
    "admin_a1",
]
LINKS = """() => Array.from(document.querySelectorAll("nav a[href], main a[href]"))
  .filter(a => !a.hasAttribute("download") && !a.closest("[hx-boost=false]"))
  .map(a => a.getAttribute("href"))"""
PAGE_FITS = "document.documentElement.scrollWidth <= window.innerWidth + 1"


@pytest.fixture
def week(world, plan_a1, monkeypatch):  # noqa: F811
    """Plan of xã An Một with a report waiting for review, so queues and home cards are not empty."""
    monkeypatch.setenv("CCHC_TODAY", TODAY)
    m = plan_a1.m_nov
    data = {"text": "Đã rà soát 12/15 thủ tục hành chính.", "percent": 80, "progress": "in_progress"}
    report = tracking_services.save_report(world.staff_a1, m, data, expected_version=opened(m))
    tracking_services.submit_report(world.staff_a1, report, expected_version=opened(report))
    return world


def shape(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def links_of(page, seen: set[str]) -> list[str]:
    """Same-origin GET links of the current page, one per shape not yet seen."""
    base = urlsplit(page.base)
    found = []
    for href in page.evaluate(LINKS):
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        url = urlsplit(urljoin(page.url, href))
        path = url.path + (f"?{url.query}" if url.query else "")
        if url.netloc != base.netloc or SKIP.search(path) or shape(path) in seen:
            continue
        seen.add(shape(path))
        found.append(path)
    return found


def visit(page, path: str, narrow: bool) -> list[str]:
    """Open one page and return what is wrong with it."""
    response = page.goto(page.base + path)
    if response is None:
        return [f"{path}: không có phản hồi"]
    if response.status >= 400:
        return [f"{path}: HTTP {response.status}"]
    if "text/html" not in response.headers.get("content-type", ""):
        return []
    page.wait_for_load_state("load")
    faults = []
    h1 = page.locator("h1")
    if h1.count() == 0 or not h1.first.inner_text().strip():
        faults.append(f"{path}: không có <h1>")
    if narrow and not page.evaluate(PAGE_FITS):
        width = page.evaluate("document.documentElement.scrollWidth")
        faults.append(f"{path}: trang rộng {width}px > 390px")
    return faults


@pytest.mark.parametrize("device", ["page", "phone"])
@pytest.mark.parametrize("username", ROLES)
def test_every_page_a_role_is_shown_works(request, live_server, week, username, device):
    page = request.getfixturevalue(device)
    problems = request.getfixturevalue("problems")
    log_in(page, username)
    assert "/tai-khoan/dang-nhap" not in page.url, f"{username} không đăng nhập được"
    seen = {shape("/")}
    came_from: dict[str, str] = {}
    todo = links_of(page, seen)  # the menu and the home page's links, then theirs, breadth first
    shown = len(todo)
    faults: list[str] = []
    visited = ["/"]
    faults += visit(page, "/", device == "phone")
    while todo and len(visited) < LIMIT:
        path = todo.pop(0)
        visited.append(path)
        before = len(problems.problems)
        page_faults = visit(page, path, device == "phone")
        page_faults += [f"{path}: {p}" for p in problems.problems[before:]]
        faults += [f"{f} (liên kết từ {came_from.get(path, '/')})" for f in page_faults]
        del problems.problems[before:]  # reported here, with their page, not again at teardown
        if not page_faults:
            found = links_of(page, seen)
            came_from.update(dict.fromkeys(found, path))
            todo += found
    assert shown >= 3, f"{username}: trang chủ chỉ có {todo}"
    assert not faults, f"{username} ({device}), {len(visited)} trang:\n" + "\n".join(faults)
