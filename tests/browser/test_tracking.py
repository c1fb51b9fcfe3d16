"""Follow-up in a real browser: staff report progress with evidence (one form), the head approves, the CCHC
officer returns then accepts; each next person is notified; the dashboard charts and the Excel list.

"Today" is pinned to 25/11/2025 with CCHC_TODAY (read by the live server's thread too), so
the milestone "Hoàn thành tháng 11" of plan_a1, due 28/11/2025, is "Sắp đến hạn".
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from reportlab.pdfgen import canvas

from apps.tracking.models import Evidence, Notification, ProgressReport
from tests.apps.tracking.conftest import (
    opened,
    plan_a1,  # noqa: F401 - the fixture, reused
)
from tests.browser.conftest import _new_page, log_in

pytestmark = pytest.mark.browser

TODAY = "2025-11-25"
MILESTONE = "Hoàn thành tháng 11"


def real_pdf(path, *lines: str):
    """A small, real one-page PDF (reportlab), as a scanned document would be."""
    pdf = canvas.Canvas(str(path))
    for i, line in enumerate(lines):
        pdf.drawString(72, 760 - 18 * i, line)
    pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def tracked(plan_a1, monkeypatch, settings, tmp_path):  # noqa: F811
    monkeypatch.setenv("CCHC_TODAY", TODAY)
    settings.MEDIA_ROOT = tmp_path / "media"
    return plan_a1


@pytest.fixture
def people(page, browser, problems):
    """One logged-in browser per person (``people("head_a1")``), each with its own cookies; the
    first is the ``page`` fixture's. Console errors of all of them fail the test (shared log)."""
    pages, contexts = {}, []

    def person(username: str):
        if username not in pages:
            if pages:
                context, other = _new_page(browser, problems, page.viewport_size)
                other.base = page.base
                contexts.append(context)
            else:
                other = page
            log_in(other, username)
            pages[username] = other
        return pages[username]

    yield person
    for context in contexts:
        context.close()


def said(p, text: str) -> None:
    """The page the last action led to confirms it (retried until that page has loaded)."""
    expect(p.locator("ul.messages")).to_contain_text(text)


def state_of(p, label: str) -> str:
    return p.locator("tr", has=p.get_by_role("link", name=label, exact=True)).locator(".state").inner_text()


def notifications(p) -> list[str]:
    """The unread notices of the person, who then marks them all read."""
    p.goto(p.base + "/theo-doi/thong-bao/")
    unread = p.locator("main ul.notices li.unread a").all_inner_texts()
    p.get_by_role("button", name="Đánh dấu đã đọc tất cả").click()
    expect(p.locator("main ul.notices li.unread")).to_have_count(0)
    return unread


def test_report_with_evidence_approve_return_and_accept(people, tracked, tmp_path):
    m = tracked.m_nov
    # Staff of Phòng Kinh tế: "Việc của tôi", as of the pinned day.
    staff = people("staff_a1")
    staff.get_by_role("navigation").get_by_role("link", name="Việc của tôi").click()
    staff.get_by_role("heading", name="Việc của tôi", level=1).wait_for()
    assert "25/11/2025" in staff.locator("main p.muted").first.inner_text()
    assert state_of(staff, MILESTONE) == "Sắp đến hạn"
    assert state_of(staff, "Báo cáo quý IV") == "Chưa đến hạn"
    assert state_of(staff, "Khi có hướng dẫn") == "Chờ xác định hạn"

    # Write the progress report with a real PDF and send it to the head, in one step.
    staff.get_by_role("link", name=MILESTONE, exact=True).click()
    staff.get_by_role("heading", name=MILESTONE).wait_for()
    staff.get_by_label("Kết quả thực hiện").fill("Đã rà soát 12/15 thủ tục hành chính của xã.")
    staff.get_by_label("Tiến độ (%)").fill("80")
    staff.get_by_label("Tình trạng").select_option(label="Đang thực hiện")
    pdf = real_pdf(tmp_path / "bien-ban-ra-soat.pdf", "Bien ban ra soat thu tuc hanh chinh", "Xa An Mot")
    staff.get_by_label("Tài liệu kiểm chứng").set_input_files(str(pdf))
    staff.get_by_role("button", name="Gửi duyệt").click()
    said(staff, "Đã gửi báo cáo để lãnh đạo cơ quan duyệt")
    evidence = Evidence.objects.get()
    assert evidence.content_type == "application/pdf" and evidence.size == pdf.stat().st_size
    with staff.expect_download() as info:
        staff.get_by_role("link", name="bien-ban-ra-soat.pdf").click()
    saved = tmp_path / "back.pdf"
    info.value.save_as(saved)
    assert saved.read_bytes() == pdf.read_bytes()  # the officer will read exactly what was sent
    assert staff.locator("h1 .state").inner_text() == "Đã gửi báo cáo"
    assert staff.get_by_role("button", name="Lưu nháp").count() == 0  # locked while in review

    # The head is told, opens the notice and approves.
    head = people("head_a1")
    assert "1 báo cáo chờ bạn duyệt" in head.locator("section.todo").inner_text()
    told = notifications(head)
    assert told == [f"Báo cáo chờ duyệt: {tracked.t_kt} — {MILESTONE}"]
    head.get_by_role("link", name=told[0]).click()
    head.get_by_role("heading", name=MILESTONE).wait_for()
    head.get_by_role("button", name="Duyệt").click()
    said(head, "Đã duyệt")

    # The CCHC officer is told, and returns it with a comment.
    officer = people("officer_a1")
    assert notifications(officer) == [f"Báo cáo chờ tiếp nhận: Phòng Kinh tế — {MILESTONE}"]
    officer.get_by_role("link", name="Việc của tôi").first.click()
    queue = officer.locator("section.callout", has_text="Báo cáo chờ bạn xử lý (1)")
    line = queue.locator("li.queue-item")
    assert MILESTONE in line.inner_text() and "Phòng Kinh tế" in line.inner_text()
    line.get_by_role("link", name=str(tracked.t_kt)).click()
    officer.get_by_role("heading", name=MILESTONE).wait_for()
    assert "bien-ban-ra-soat.pdf" in officer.locator("main").inner_text()
    officer.get_by_label("Lý do trả lại").fill("Bổ sung danh sách 3 thủ tục còn lại.")
    officer.get_by_role("button", name="Trả lại").click()
    said(officer, "Đã trả lại báo cáo")

    # Staff see "Bị trả lại" with the comment, complete the report and send it again.
    assert notifications(staff) == [f"Báo cáo bị trả lại: {MILESTONE} — Bổ sung danh sách 3 thủ tục còn lại."]
    staff.goto(staff.base + "/theo-doi/")
    assert state_of(staff, MILESTONE) == "Bị trả lại"
    staff.get_by_role("link", name=MILESTONE, exact=True).click()
    staff.get_by_role("heading", name=MILESTONE).wait_for()
    assert "Bổ sung danh sách 3 thủ tục còn lại." in staff.locator("main section.card").nth(1).inner_text()
    staff.get_by_label("Kết quả thực hiện").fill("Đã rà soát đủ 15/15 thủ tục hành chính của xã.")
    staff.get_by_label("Tiến độ (%)").fill("100")
    staff.get_by_label("Tình trạng").select_option(label="Hoàn thành")
    staff.get_by_role("button", name="Lưu nháp").click()
    said(staff, "Đã lưu nháp báo cáo")
    staff.get_by_role("button", name="Gửi duyệt").click()
    said(staff, "Đã gửi báo cáo")

    head.goto(head.base + f"/theo-doi/moc/{m.pk}/")
    head.get_by_role("button", name="Duyệt").click()
    said(head, "Đã duyệt")
    officer.goto(officer.base + f"/theo-doi/moc/{m.pk}/")
    officer.get_by_role("button", name="Tiếp nhận").click()
    said(officer, "Đã tiếp nhận báo cáo")
    assert officer.locator("h1 .state").inner_text() == "Hoàn thành"  # sent before the due date

    report = ProgressReport.objects.get()
    assert (report.percent, report.progress, report.approved_by, report.reviewed_by) == (
        100,
        "done",
        tracked.plan.org_unit.memberships.get(user__username="head_a1").user,
        tracked.plan.org_unit.memberships.get(user__username="officer_a1").user,
    )
    assert notifications(staff) == [f"Báo cáo đã được tiếp nhận: {MILESTONE} — {tracked.t_kt}"]
    # The head was kept informed of the whole round, newest first.
    assert notifications(head) == [
        f"Báo cáo đã được tiếp nhận: {MILESTONE} — {tracked.t_kt}",
        f"Báo cáo chờ duyệt: {tracked.t_kt} — {MILESTONE}",
        f"Báo cáo bị trả lại: {MILESTONE} — Bổ sung danh sách 3 thủ tục còn lại.",
    ]
    unread = Notification.objects.filter(user__username="officer_a1", read_at__isnull=True)
    assert [n.text for n in unread] == [f"Báo cáo chờ tiếp nhận: Phòng Kinh tế — {MILESTONE}"]  # 2nd round


def test_dashboard_charts_and_excel_export(page, tracked, tmp_path):
    from apps.tracking import services

    # One accepted and one submitted report, through the services, to give the charts colours.
    world_user = tracked.plan.org_unit.memberships.select_related("user")
    staff, head, officer = (
        world_user.get(user__username=n).user for n in ("staff_a1", "head_a1", "officer_a1")
    )
    data = {"text": "Đã xong.", "percent": 100, "progress": "done", "reason": ""}
    report = services.save_report(staff, tracked.m_nov, data, expected_version=opened(tracked.m_nov))
    report = services.submit_report(staff, report, expected_version=opened(report))
    report = services.approve_report(head, report, expected_version=opened(report))
    services.accept_report(officer, report, expected_version=opened(report))
    q4 = services.save_report(
        staff,
        tracked.m_q4,
        dict(data, percent=50, progress="in_progress"),
        expected_version=opened(tracked.m_q4),
    )
    services.submit_report(staff, q4, expected_version=opened(q4))

    log_in(page, "leader_a1")
    page.get_by_role("navigation").get_by_role("link", name="Theo dõi tiến độ").click()
    page.get_by_role("heading", name="Theo dõi tiến độ: xã An Một").wait_for()
    summary = page.locator("main p.muted").first.inner_text()
    assert "Năm 2025, số liệu ngày 25/11/2025: 4 mốc, hoàn thành 1 (25%)" in summary
    by_area = page.locator("section.card", has_text="Theo lĩnh vực")
    assert by_area.locator("svg.bar-svg").count() == 3  # tthc, chính quyền số, thể chế
    assert page.locator("svg.bar-svg rect.seg.s-accepted").count() >= 1
    assert page.locator("svg.bar-svg rect.seg.s-submitted").count() >= 1
    bar = by_area.locator("tr", has_text="Thủ tục hành chính").locator("svg.bar-svg")
    assert bar.get_attribute("aria-label").endswith("50% hoàn thành")
    assert bar.bounding_box()["width"] > 50  # drawn, not collapsed

    page.get_by_label("Kế hoạch").select_option(label=tracked.plan.title)
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state("load")
    with page.expect_download() as info:
        page.get_by_role("link", name="Tải danh sách (Excel)").click()
    path = tmp_path / info.value.suggested_filename
    assert path.suffix == ".xlsx"
    info.value.save_as(path)
    ws = load_workbook(path).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    assert "25/11/2025" in rows[0][0]
    header = list(rows[1])
    assert header[:3] == ["STT", "Lĩnh vực", "Nhiệm vụ"]
    by_milestone = {r[header.index("Mốc")]: r for r in rows[2:]}
    assert by_milestone[MILESTONE][header.index("Trạng thái")] == "Hoàn thành"
    assert by_milestone[MILESTONE][header.index("Tiến độ (%)")] == 100
    assert by_milestone["Báo cáo quý IV"][header.index("Trạng thái")] == "Đã gửi báo cáo"
