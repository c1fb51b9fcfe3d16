"""Issue 14 items 6-8 in a real browser, on a desktop and on a 390 px phone, with no console error:
the one-step progress report with a real PDF (a bad file keeps the typed text and says why beside
the field), acting from the reviewers' queue (HTMX, no page reload; the return reason required), and
the plan timeline readable on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from apps.plans.models import Milestone
from apps.tracking import services
from apps.tracking.models import Evidence, ProgressReport
from tests.apps.tracking.conftest import (
    milestone,
    opened,
    plan_a1,  # noqa: F401 - the fixture, reused
)
from tests.browser.conftest import RESULTS_DIR, log_in
from tests.browser.test_tracking import MILESTONE, TODAY, real_pdf

pytestmark = pytest.mark.browser

PAGE_FITS = "document.scrollingElement.scrollWidth <= window.innerWidth + 1"
DEVICES = ["page", "phone"]


@pytest.fixture
def today(monkeypatch, settings, tmp_path):
    monkeypatch.setenv("CCHC_TODAY", TODAY)
    settings.MEDIA_ROOT = tmp_path / "media"


def fits(p) -> bool:
    """The page fits the screen, and no template text leaked into it."""
    assert "{#" not in p.locator("main").inner_text() and "{%" not in p.locator("main").inner_text()
    return p.evaluate(PAGE_FITS)


@pytest.mark.parametrize("device", DEVICES)
def test_one_step_report_with_a_real_pdf(request, live_server, plan_a1, today, tmp_path, device):  # noqa: F811
    p = request.getfixturevalue(device)
    log_in(p, "staff_a1")
    p.goto(f"{p.base}/theo-doi/moc/{plan_a1.m_nov.pk}/")
    p.get_by_role("heading", name=MILESTONE).wait_for()
    assert fits(p), "trang báo cáo rộng hơn màn hình"
    typed = "Đã rà soát 15/15 thủ tục hành chính; biên bản kèm theo."
    p.get_by_label("Kết quả thực hiện").fill(typed)
    p.get_by_label("Tình trạng").select_option(label="Hoàn thành")
    p.get_by_label("Tiến độ (%)").fill("100")
    good = real_pdf(tmp_path / "bien-ban.pdf", "Bien ban ra soat", "Xa An Mot")
    fake = tmp_path / "quyet-dinh.pdf"
    fake.write_bytes(b"MZ\x90\x00 not a pdf at all " * 20)
    p.get_by_label("Tài liệu kiểm chứng").set_input_files([str(good), str(fake)])
    p.get_by_role("button", name="Gửi duyệt").click()

    # Refused as a whole: the error beside the file field, the text still there, nothing saved.
    field = p.locator("div.field.has-error", has=p.locator('input[name="files"]'))
    expect(field).to_contain_text("“quyet-dinh.pdf”")
    assert "không phải định dạng được chấp nhận" in field.inner_text()
    assert p.get_by_label("Kết quả thực hiện").input_value() == typed
    assert not ProgressReport.objects.exists() and not Evidence.objects.exists()
    assert fits(p)

    p.get_by_label("Tài liệu kiểm chứng").set_input_files(str(good))
    p.get_by_role("button", name="Gửi duyệt").click()
    expect(p.locator("ul.messages")).to_contain_text("Đã gửi báo cáo để lãnh đạo cơ quan duyệt")
    evidence = Evidence.objects.get()
    assert evidence.title == "bien-ban.pdf" and evidence.size == good.stat().st_size
    m = Milestone.objects.get(pk=plan_a1.m_nov.pk)
    assert m.report_status == "submitted" and ProgressReport.objects.get().text == typed
    assert p.get_by_role("link", name="bien-ban.pdf").is_visible()
    RESULTS_DIR.mkdir(exist_ok=True)
    p.screenshot(path=str(RESULTS_DIR / f"one-step-report-{device}.png"), full_page=True)


@pytest.fixture
def waiting(world, plan_a1, monkeypatch, settings, tmp_path):  # noqa: F811
    """Two reports of the same period and agency on two tasks, sent on Thursday 20/11/2025."""
    settings.MEDIA_ROOT = tmp_path / "media"
    same = "Báo cáo thường xuyên quý III/2025"
    lines = [
        milestone(plan_a1.t_kt, plan_a1.m_q4.due.replace(month=9, day=30), same, kind="continuous"),
        milestone(plan_a1.t_event, plan_a1.m_q4.due.replace(month=9, day=30), same, kind="continuous"),
    ]
    monkeypatch.setenv("CCHC_TODAY", "2025-11-20")
    for m in lines:
        services.report_progress(
            world.staff_a1,
            m,
            {"text": f"Báo cáo {m.task.no}", "percent": 50, "progress": "in_progress"},
            submit=True,
            expected_version=opened(m),
        )
    monkeypatch.setenv("CCHC_TODAY", TODAY)
    return lines


@pytest.mark.parametrize("device", DEVICES)
def test_head_acts_from_the_queue(request, live_server, waiting, device):
    p = request.getfixturevalue(device)
    first, second = waiting
    log_in(p, "head_a1")
    p.goto(f"{p.base}/theo-doi/cho-xu-ly/")
    p.get_by_role("heading", name="Báo cáo chờ bạn xử lý (2)").wait_for()
    assert fits(p), "danh sách chờ xử lý rộng hơn màn hình"
    one, two = p.locator(f"#cho-{first.pk}"), p.locator(f"#cho-{second.pk}")
    assert (
        "1. Nhiệm vụ 1 của kế hoạch" in one.inner_text() and "3. Nhiệm vụ 3 của kế hoạch" in two.inner_text()
    )
    for line in (one, two):
        text = line.inner_text()
        assert "Báo cáo thường xuyên quý III/2025" in text and "Phòng Kinh tế" in text
        assert "Đã chờ 3 ngày làm việc (từ 20/11/2025)" in text  # Fri, Mon, Tue
    RESULTS_DIR.mkdir(exist_ok=True)
    p.screenshot(path=str(RESULTS_DIR / f"queue-{device}.png"), full_page=True)
    p.evaluate("window.notReloaded = true")

    # "Trả lại" with an empty reason: the browser says it is required, nothing is sent.
    one.get_by_role("button", name="Trả lại").click()
    box = one.get_by_label("Lý do trả lại")
    assert box.evaluate("el => !el.validity.valid && el.validationMessage.length > 0")
    assert Milestone.objects.get(pk=first.pk).report_status == "submitted"
    box.fill("Bổ sung biên bản rà soát.")
    one.get_by_role("button", name="Trả lại").click()
    expect(p.locator(f"#cho-{first.pk}")).to_contain_text("Đã trả lại báo cáo")
    p.locator(f"#cho-{second.pk}").get_by_role("button", name="Duyệt").click()
    expect(p.locator(f"#cho-{second.pk}")).to_contain_text("Đã duyệt")
    assert p.evaluate("window.notReloaded === true"), "trang đã tải lại"
    expect(p.get_by_role("heading", level=1)).to_have_text("Báo cáo chờ bạn xử lý (0)")
    assert Milestone.objects.get(pk=first.pk).report_status == "returned"
    assert ProgressReport.objects.get(milestone=first).review_comment == "Bổ sung biên bản rà soát."
    assert Milestone.objects.get(pk=second.pk).report_status == "approved"
    assert fits(p)

    # The officer now has the approved one, and accepts it from "Việc của tôi".
    p.context.clear_cookies()
    log_in(p, "officer_a1")
    p.goto(f"{p.base}/theo-doi/")
    line = p.locator(f"#cho-{second.pk}")
    assert "Chờ tiếp nhận" in line.inner_text() and "Gửi hôm nay" in line.inner_text()
    line.get_by_role("button", name="Tiếp nhận").click()
    expect(p.locator(f"#cho-{second.pk}")).to_contain_text("Đã tiếp nhận báo cáo")
    assert Milestone.objects.get(pk=second.pk).report_status == "accepted"


@pytest.mark.parametrize("device", DEVICES)
def test_timeline_readable(request, live_server, plan_a1, today, device):  # noqa: F811
    p = request.getfixturevalue(device)
    log_in(p, "officer_a1")
    p.goto(f"{p.base}/theo-doi/ke-hoach/{plan_a1.plan.pk}/tien-do/")
    p.get_by_role("heading", name="Tiến độ: xã An Một").wait_for()
    assert fits(p), "trang tiến độ rộng hơn màn hình"
    width = p.viewport_size["width"]
    if device == "page":
        assert p.locator("svg.gantt").is_visible() and not p.locator(".tl-list").is_visible()
        return
    assert not p.locator("svg.gantt").is_visible() and p.locator(".tl-list").is_visible()
    tasks = p.locator(".tl-task")
    assert tasks.count() == 3
    assert (
        tasks.first.locator(".tl-name").inner_text() == "TTHC.1. Nhiệm vụ 1 của kế hoạch"
    )  # numbered as on the plan page
    dots = p.locator(".tl-task circle.pt")
    assert dots.count() == 3
    for i in range(dots.count()):
        box = dots.nth(i).bounding_box()
        assert box and box["width"] >= 10 and 0 <= box["x"] and box["x"] + box["width"] <= width
        assert abs(box["width"] - box["height"]) < 1  # round, not squeezed
    for label in ("T1/2025", "T4", "T7", "T10"):
        tick = p.locator(".tl-scale text", has_text=label).first
        box = tick.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, label
    assert "28/11/2025 — Hoàn thành tháng 11" in tasks.first.inner_text()
    RESULTS_DIR.mkdir(exist_ok=True)
    p.screenshot(path=str(RESULTS_DIR / "phone-timeline.png"), full_page=True)
    tasks.first.get_by_role("link", name="28/11/2025 — Hoàn thành tháng 11").click()
    p.get_by_role("heading", name=MILESTONE).wait_for()
    # The milestone page on a phone: each fact's value uses the full width, below its name.
    dd = p.locator("dl.facts dd").first
    assert dd.bounding_box()["width"] > width * 0.8
    assert fits(p)
    RESULTS_DIR.mkdir(exist_ok=True)
    p.screenshot(path=str(RESULTS_DIR / "phone-milestone-facts.png"), full_page=True)
