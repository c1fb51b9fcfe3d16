"""Periodic reports in a real browser: the commune officer drafts the Q3/2025 report of xã An Một,
edits the narrative, downloads the Word report and the Excel annex; the chairman signs with the scan;
the officer submits; the province sees it and compiles its communes (a job whose progress HTMX polls).

The q3 world (tests/apps/reports/conftest.py) gives A1 a plan with a done, a late and a later task.
"""

from __future__ import annotations

import re

import pdfplumber
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

from apps.jobs import runner
from apps.jobs.models import Job
from apps.reports import services
from apps.reports.models import PeriodicReport
from apps.reports.selectors import period_for
from core.plandoc import tools
from tests.apps.reports.conftest import q3  # noqa: F401 - the fixture, reused
from tests.browser.conftest import log_in
from tests.browser.test_phone_pages import check
from tests.browser.test_tracking import real_pdf, said

pytestmark = pytest.mark.browser

PERIOD = "2025-Q3"
CAUSES = "Cán bộ một cửa kiêm nhiệm nhiều việc; đường truyền thường gián đoạn."


@pytest.fixture
def reporting(q3, settings, tmp_path):  # noqa: F811
    settings.MEDIA_ROOT = tmp_path / "media"
    # The real database backend with no worker running: the compilation waits in the queue and the
    # page must poll until the test runs it.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    return q3


def accept_confirms(page) -> None:
    """Forms with data-confirm ask window.confirm; the official says yes."""
    page.on("dialog", lambda dialog: dialog.accept())


def download(page, link_name: str, tmp_path):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def docx_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def open_a1_report(page, world) -> None:
    page.goto(page.base + f"/bao-cao/?ky={PERIOD}")
    row = page.locator("main table tbody tr", has_text="xã An Một").first
    row.get_by_role("link", name="Mở báo cáo").click()
    page.get_by_role("heading", name=re.compile("Báo cáo CCHC Quý III")).wait_for()


def test_draft_edit_download_sign_submit(page, reporting, world, tmp_path):
    accept_confirms(page)
    log_in(page, "officer_a1")
    open_a1_report(page, world)
    assert "Chưa có báo cáo" in page.locator("section.callout").inner_text()
    page.get_by_role("button", name="Soạn báo cáo").click()
    said(page, "Đã tạo bản nháp")
    assert page.locator(".head-row .badge").inner_text() == "Đang soạn · phiên bản 1"

    # Edit one narrative field; the preview shows it after saving.
    page.get_by_label("III.3. Nguyên nhân").fill(CAUSES)
    page.get_by_role("button", name="Lưu nội dung").click()
    said(page, "Đã lưu nội dung báo cáo")
    assert CAUSES in page.locator("article.report-preview").inner_text()
    assert page.get_by_label("III.3. Nguyên nhân").input_value() == CAUSES

    # The Word report: quốc hiệu, tiêu ngữ, the edited text; the Excel annex: the unit and its tasks.
    text = docx_text(download(page, "Tải báo cáo (Word)", tmp_path))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert CAUSES in text
    annex = download(page, "Tải phụ lục số liệu (Excel)", tmp_path)
    assert annex.suffix == ".xlsx"
    cells = [
        str(c)
        for ws in load_workbook(annex).worksheets
        for r in ws.iter_rows(values_only=True)
        for c in r
        if c
    ]
    assert any("Xã An Một — kỳ" in c for c in cells)  # a line starts with a capital letter
    assert any(reporting.t_done.content in c for c in cells)

    # The chairman signs with the scan of the signed paper.
    page.context.clear_cookies()
    log_in(page, "leader_a1")
    open_a1_report(page, world)
    scan = real_pdf(
        tmp_path / "bao-cao-da-ky.pdf", "UBND xa An Mot - Bao cao CCHC quy III/2025", "(da ky, dong dau)"
    )
    page.get_by_label("Bản scan báo cáo đã ký, đóng dấu (PDF)").set_input_files(str(scan))
    page.get_by_role("button", name="Xác nhận đã ký").click()
    said(page, "Đã ký báo cáo")
    assert page.locator(".head-row .badge").inner_text() == "Đã ký · phiên bản 1"
    expect(page.get_by_label("III.3. Nguyên nhân")).to_have_count(0)  # locked once signed
    report = PeriodicReport.objects.get(org_unit=world.a1)
    assert report.status == "signed" and report.signed_scan.read() == scan.read_bytes()

    # The officer sends it up (after the confirm dialog).
    page.context.clear_cookies()
    log_in(page, "officer_a1")
    open_a1_report(page, world)
    page.get_by_role("button", name="Gửi cấp trên").click()
    said(page, "Đã gửi báo cáo lên cấp trên")
    assert page.locator(".head-row .badge").inner_text() == "Đã gửi cấp trên · phiên bản 1"
    report.refresh_from_db()
    assert report.status == "submitted"

    # The province officer sees A1 as submitted (late: the Q3/2025 report was due 20/9/2025).
    page.context.clear_cookies()
    log_in(page, "officer_a")
    page.goto(page.base + f"/bao-cao/?ky={PERIOD}")
    section = page.locator("section.card", has_text="Các đơn vị cấp dưới của tỉnh An")
    a1 = section.locator("tr", has_text="xã An Một")
    assert a1.locator(".badge").inner_text() == "Đã gửi trễ hạn"
    assert section.locator("tr", has_text="xã An Hai").locator(".badge").inner_text() == "Quá hạn, chưa gửi"
    a1.get_by_role("link", name="xã An Một").click()
    expect(page.locator("article.report-preview")).to_contain_text(CAUSES)


def test_province_compilation_shows_progress_until_done(page, reporting, world):
    accept_confirms(page)
    log_in(page, "officer_a")
    page.goto(page.base + f"/bao-cao/don-vi/{world.a.pk}/ky/{PERIOD}/")
    page.get_by_role("button", name="Soạn báo cáo").click()
    said(page, "Đã tạo bản nháp")
    page.get_by_role("button", name="Tổng hợp báo cáo cấp dưới").click()
    said(page, "Đã bắt đầu tổng hợp")
    job = Job.objects.get()
    assert job.status == "queued"
    job_box = page.locator(f"#job-{job.pk}")
    assert job_box.locator("progress").count() == 1

    # A worker makes progress: the page, polling each second, shows it without a reload. The worker's
    # writes are made just after a poll has been answered, never while the server reads the row.
    polls = []
    page.on("request", lambda r: polls.append(r.url) if f"/tac-vu/{job.pk}/" in r.url else None)

    def poll(response) -> bool:
        return f"/tac-vu/{job.pk}/" in response.url

    with page.expect_response(poll):
        pass
    Job.objects.filter(pk=job.pk).update(done=1, total=2)
    job_box.get_by_text("1/2 đơn vị").wait_for()
    assert job_box.locator("progress").get_attribute("value") == "50"
    assert (
        runner.run_job(job.pk) == "succeeded"
    )  # a poll was just answered (the page shows it): the next is ~1 s away
    done = page.locator(f"#job-{job.pk}", has_text="Đã tổng hợp 2 đơn vị cấp dưới.")
    done.wait_for()
    assert done.locator("progress").count() == 0
    n = len(polls)
    page.wait_for_timeout(1300)
    assert len(polls) == n  # finished: polling stopped
    done.get_by_role("link", name="Xem bảng tổng hợp").click()
    expect(page.locator("#tong-hop")).to_contain_text("0/2 đơn vị đã gửi")
    expect(page.get_by_text("Tải lại trang")).to_have_count(0)  # the reloaded page shows the table


@pytest.mark.skipif(tools.soffice() is None, reason="LibreOffice (soffice) chưa cài trên máy này")
def test_signed_scan_and_pdf_downloads(page, reporting, world, tmp_path):
    """Issue 14: the "Bản đã ký (PDF)" link downloads the scan; "Xuất bản PDF" runs LibreOffice as a
    job whose status the page polls, then offers "Tải bản PDF", a real PDF of the report."""
    scan = real_pdf(tmp_path / "ky.pdf", "UBND xa An Mot - Bao cao CCHC", "(da ky)")
    report = services.open_report(world.officer_a1, world.a1, period_for(world.a1, PERIOD))
    upload = SimpleUploadedFile("ky.pdf", scan.read_bytes(), content_type="application/pdf")
    services.sign(world.leader_a1, report, upload)
    log_in(page, "officer_a1")
    open_a1_report(page, world)
    assert download(page, "Bản đã ký (PDF)", tmp_path).read_bytes() == scan.read_bytes()

    page.get_by_role("button", name="Xuất bản PDF").click()
    said(page, "Đang xuất bản PDF")
    job = Job.objects.get(kind="reports.pdf")
    assert runner.run_job(job.pk) == "succeeded", Job.objects.get(pk=job.pk).error
    box = page.locator(f"#job-{job.pk}", has_text="Đã xuất bản PDF của báo cáo.")
    box.wait_for()
    with page.expect_download() as info:
        box.get_by_role("link", name="Tải bản PDF").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".pdf"
    with pdfplumber.open(path) as pdf:
        text = re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in pdf.pages))
    assert "Kết quả thực hiện công tác cải cách hành chính quý III năm 2025" in text


def test_signed_report_actions_fit_on_a_phone(phone, reporting, world, tmp_path):
    """The report page of a signed report on a 390 px phone: the downloads (Word, Excel, PDF export,
    signed scan) are all there and nothing sticks out of the screen."""
    report = services.open_report(world.officer_a1, world.a1, period_for(world.a1, PERIOD))
    scan = real_pdf(tmp_path / "ky.pdf", "UBND xa An Mot", "(da ky)")
    services.sign(
        world.leader_a1,
        report,
        SimpleUploadedFile("ky.pdf", scan.read_bytes(), content_type="application/pdf"),
    )
    log_in(phone, "officer_a1")
    faults: list[str] = []
    check(phone, f"/bao-cao/don-vi/{world.a1.pk}/ky/{PERIOD}/", faults, ready="article.report-preview")
    assert not faults, faults
    for name in ("Tải báo cáo (Word)", "Tải phụ lục số liệu (Excel)", "Bản đã ký (PDF)"):
        expect(phone.get_by_role("link", name=name)).to_be_visible()
    expect(phone.get_by_role("button", name="Xuất bản PDF")).to_be_visible()
