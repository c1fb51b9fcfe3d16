"""Every main page of review, follow-up and reports on a phone (390×844): nothing sticks out of the
screen (wide tables and charts scroll inside their own frame), and the console stays clean (the
``phone`` fixture fails the test on any console error, page error or CSP violation).

Each test gathers the problems of all its pages and reports them together.
"""

from __future__ import annotations

import pytest

from apps.reports import services as report_services
from apps.reports.selectors import period_for
from apps.tracking import services as tracking_services
from tests.apps.reports.conftest import pdf_upload, q3  # noqa: F401 - the fixture, reused
from tests.apps.tracking.conftest import (
    opened,
    plan_a1,  # noqa: F401 - the fixture, reused
)
from tests.browser.conftest import RESULTS_DIR, log_in
from tests.browser.test_review import seeded  # noqa: F401 - the fixture, reused
from tests.browser.test_tracking import TODAY

pytestmark = pytest.mark.browser

# Elements wider than the screen that no scrolling (or clipping) ancestor holds in: what a person
# would have to scroll the whole page sideways to read.
STICKING_OUT = """() => {
  const limit = window.innerWidth + 1, found = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= limit) continue;
    let up = el.parentElement, held = false;
    for (; up && up !== document.body && !held; up = up.parentElement) {
      held = getComputedStyle(up).overflowX !== "visible" && up.getBoundingClientRect().right <= limit;
    }
    if (held) continue;
    const cls = typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    found.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls} (${Math.round(box.right)}px)`);
  }
  return found.slice(0, 6);
}"""
PAGE_FITS = "document.scrollingElement.scrollWidth <= window.innerWidth + 1"


def check(phone, path: str, faults: list[str], *, ready: str | None = None, shot: str = "") -> None:
    """Open ``path`` and note what does not fit on the phone's screen."""
    response = phone.goto(phone.base + path)
    assert response.status == 200, f"{path}: {response.status}"
    if ready:
        phone.locator(ready).first.wait_for()
    width = phone.evaluate("document.scrollingElement.scrollWidth")
    if not phone.evaluate(PAGE_FITS):
        faults.append(f"{path}: trang rộng {width}px > 390px")
    out = phone.evaluate(STICKING_OUT)
    if out:
        faults.append(f"{path}: tràn màn hình: {', '.join(out)}")
    for frame in phone.locator(".table-wrap").all():
        box = frame.bounding_box()
        if box and box["x"] + box["width"] > 390 + 1:
            faults.append(f"{path}: khung .table-wrap vượt màn hình ({box['x'] + box['width']:.0f}px)")
    if shot:
        RESULTS_DIR.mkdir(exist_ok=True)
        phone.screenshot(path=str(RESULTS_DIR / f"phone-{shot}.png"), full_page=True)


def switch_to(phone, username: str) -> None:
    phone.context.clear_cookies()
    log_in(phone, username)


def test_review_pages_fit_a_phone(phone, seeded):  # noqa: F811
    faults: list[str] = []
    commune, province = seeded.commune_plan, seeded.province_plan
    log_in(phone, "officer_a1")
    # The plan page, once HTMX has put the findings panel in.
    check(phone, f"/ke-hoach/{commune.pk}/", faults, ready="#review-panel li.finding", shot="plan-findings")
    check(phone, f"/ra-soat/ke-hoach/{commune.pk}/", faults, ready="li.finding")
    check(phone, f"/ra-soat/ke-hoach/{commune.pk}/doi-chieu/", faults, ready="table.align-table")
    switch_to(phone, "officer_a")
    check(
        phone, f"/ra-soat/ke-hoach/{province.pk}/cap-duoi/", faults, ready="table.coverage", shot="coverage"
    )
    # The matrix really is wider than the phone, and scrolls inside its frame.
    frame = phone.locator(".coverage-wrap").first
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth"), "bảng không rộng hơn màn hình"
    frame.evaluate("el => { el.scrollLeft = 200; }")
    assert frame.evaluate("el => el.scrollLeft") > 0
    check(phone, "/ra-soat/", faults)
    assert not faults, "\n".join(faults)


def test_tracking_pages_fit_a_phone(phone, plan_a1, monkeypatch, settings, tmp_path, world):  # noqa: F811
    monkeypatch.setenv("CCHC_TODAY", TODAY)
    settings.MEDIA_ROOT = tmp_path / "media"
    m = plan_a1.m_nov
    data = {"text": "Đã rà soát 12/15 thủ tục hành chính.", "percent": 80, "progress": "in_progress"}
    report = tracking_services.save_report(world.staff_a1, m, data, expected_version=opened(m))
    # Officials paste links as they are: a long address without a title.
    tracking_services.add_evidence_link(
        world.staff_a1,
        report,
        "https://vbpl.anmot.gov.vn/van-ban/quyet-dinh-cong-bo-danh-muc-thu-tuc-hanh-chinh-"
        "thuoc-tham-quyen-giai-quyet-cua-ubnd-cap-xa-nam-2025.pdf",
        "",
    )
    faults: list[str] = []
    log_in(phone, "staff_a1")
    check(phone, "/theo-doi/", faults, ready="table.track", shot="workspace")
    check(phone, f"/theo-doi/moc/{m.pk}/", faults, shot="milestone")
    check(phone, "/theo-doi/lich/", faults, ready=".cal")
    check(phone, "/theo-doi/thong-bao/", faults)
    tracking_services.submit_report(world.staff_a1, report, expected_version=opened(report))
    switch_to(phone, "head_a1")  # the reviewers' queue and the decision forms on the milestone page
    check(phone, "/theo-doi/cho-xu-ly/", faults, ready="li.queue-item", shot="queue")
    check(phone, f"/theo-doi/moc/{m.pk}/", faults, ready="#xu-ly")
    switch_to(phone, "officer_a1")
    check(phone, f"/theo-doi/moc/{m.pk}/", faults)
    check(phone, "/theo-doi/bang-theo-doi/", faults, ready="svg.bar-svg", shot="dashboard")
    check(phone, f"/theo-doi/ke-hoach/{plan_a1.plan.pk}/tien-do/", faults, ready=".tl-task", shot="timeline")
    switch_to(phone, "officer_a")
    check(phone, "/theo-doi/bang-theo-doi/", faults, ready="svg.bar-svg")
    assert not faults, "\n".join(faults)


def test_report_pages_fit_a_phone(phone, q3, settings, tmp_path, world):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path / "media"
    period = period_for(world.a1, "2025-Q3")
    draft = report_services.open_report(world.officer_a1, world.a1, period)
    faults: list[str] = []
    log_in(phone, "officer_a1")
    check(phone, f"/bao-cao/don-vi/{world.a1.pk}/ky/2025-Q3/", faults, ready="textarea", shot="report")
    check(phone, "/bao-cao/?ky=2025-Q3", faults)
    check(phone, f"/bao-cao/don-vi/{world.a1.pk}/chi-so/?ky=2025-Q3", faults, ready="svg.trend")
    check(phone, f"/bao-cao/don-vi/{world.a1.pk}/ky-bao-cao/", faults)
    report_services.submit(world.officer_a1, report_services.sign(world.leader_a1, draft, pdf_upload()))
    switch_to(phone, "officer_a")
    check(phone, "/bao-cao/?ky=2025-Q3", faults)
    check(phone, f"/bao-cao/don-vi/{world.a.pk}/ky/2025-Q3/", faults)
    check(phone, f"/bao-cao/don-vi/{world.a1.pk}/ky/2025-Q3/", faults)
    assert not faults, "\n".join(faults)
