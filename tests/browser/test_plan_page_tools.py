"""Issue 14 in a real browser, desktop and 390 px phone: confirming a plan with open items needs a
reason; the plan page's search, filter and area nav; the filterable agency list."""

from __future__ import annotations

import re

import pytest

from apps.plans.models import Plan, TaskAgency
from tests.apps.plans.conftest import COMMUNE_SEED
from tests.browser.conftest import log_in


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(params=["page", "phone"])
def screen(request):
    return request.getfixturevalue(request.param)


def _upload_seed(page) -> Plan:
    page.goto(page.base + "/ke-hoach/nhap/")
    page.get_by_label("Tệp kế hoạch").set_input_files(str(COMMUNE_SEED))
    page.get_by_role("button", name="Tải lên và đọc").click()
    page.wait_for_url(re.compile(r"/ke-hoach/\d+/$"))
    return Plan.objects.get()


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"] + 1, f"trang rộng {width}px"


def test_confirm_needs_a_reason_when_items_are_open(screen, world):
    log_in(screen, "officer_a1")
    plan = _upload_seed(screen)
    screen.get_by_role("link", name="Xác nhận kế hoạch…").click()
    screen.wait_for_url(re.compile(r"/xac-nhan/$"))
    assert "Tên cơ quan chưa xác định" in screen.content()
    _no_sideways_scroll(screen)
    screen.get_by_role("button", name="Vẫn xác nhận, ghi lý do").click()
    error = screen.locator(".has-error .error-text")
    error.wait_for()
    assert "ghi lý do" in error.inner_text()
    plan.refresh_from_db()
    assert plan.status == Plan.Status.DRAFT
    screen.get_by_label("Lý do vẫn xác nhận").fill("Giữ đúng như văn bản đã ký.")
    screen.get_by_role("button", name="Vẫn xác nhận, ghi lý do").click()
    screen.wait_for_url(re.compile(r"/ke-hoach/\d+/$"))
    plan.refresh_from_db()
    assert plan.status == Plan.Status.ACTIVE and plan.confirm_reason == "Giữ đúng như văn bản đã ký."


def test_search_filter_and_area_nav(screen, world):
    log_in(screen, "officer_a1")
    plan = _upload_seed(screen)
    total = plan.tasks.count()
    nav = screen.locator("nav.area-nav")
    assert nav.locator("a").count() >= 2
    screen.locator("form.task-filter").get_by_label("Tìm").fill("qppl")
    screen.get_by_role("button", name="Lọc").click()
    screen.locator(".filter-count").wait_for()
    shown = screen.locator("article.task").count()
    assert 0 < shown < total and f"{shown}/{total}" in screen.locator(".filter-count").inner_text()
    _no_sideways_scroll(screen)
    screen.get_by_role("link", name="Bỏ lọc").click()
    screen.get_by_label("Tình trạng").select_option("chua_xac_dinh")
    screen.get_by_role("button", name="Lọc").click()
    screen.locator(".filter-count").wait_for()
    unresolved = (
        TaskAgency.objects.filter(task__plan=plan, agency__isnull=True, group__isnull=True)
        .values("task_id")
        .distinct()
        .count()
    )
    assert screen.locator("article.task").count() == unresolved
    # the area nav jumps to an area heading
    screen.get_by_role("link", name="Bỏ lọc").click()
    first = nav.locator("a").first
    target = first.get_attribute("href")
    first.click()
    assert screen.url.endswith(target)


def test_agency_list_filters_as_you_type(page, world):
    log_in(page, "officer_a1")
    plan = _upload_seed(page)
    link = TaskAgency.objects.filter(task__plan=plan, agency__isnull=True, group__isnull=True).first()
    box = page.locator(f'input[data-filter-for="choose-{link.pk}"]')
    box.fill("kinh te")
    visible = page.eval_on_selector_all(
        f"#choose-{link.pk} option:not([hidden])", "els => els.map(e => e.textContent).filter(t => t.trim())"
    )
    assert visible and all("Kinh tế" in t for t in visible if not t.startswith("—"))
    page.locator(f"#choose-{link.pk}").locator("xpath=..").get_by_role("button").click()
    page.wait_for_load_state("load")
    assert "dòng" in page.locator(".msg").first.inner_text()
    same = [
        a for a in TaskAgency.objects.filter(task__plan=plan) if a.printed.lower() == link.printed.lower()
    ]
    assert all(a.agency_id == world.kt_a1.pk for a in same)
