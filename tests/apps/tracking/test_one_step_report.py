"""Issue 14 item 6: progress reported in one form (text, result, evidence files, link), kept as a draft
or sent for approval at once; all or nothing; a return needs its reason, said beside the box."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.tracking import services
from apps.tracking.models import Evidence, Notification, ProgressReport
from tests.apps.tracking.conftest import opened
from tests.apps.tracking.test_evidence import PDF, docx_bytes

FIELDS = {
    "text": "Đã rà soát 12/15 thủ tục hành chính",
    "percent": "80",
    "progress": "in_progress",
    "reason": "",
}
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "evidence"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def field_block(body: str, name: str) -> str:
    """The ``div.field`` holding the input ``name`` (where its errors are shown)."""
    for block in re.findall(r'<div class="field[^"]*">.*?</div>', body, re.S):
        if f'name="{name}"' in block:
            return block
    raise AssertionError(f"no field {name}")


@pytest.fixture
def page(world, plan_a1, login):
    client = login(world.staff_a1)
    return client, reverse("tracking:milestone", args=[plan_a1.m_nov.pk])


def test_the_page_offers_one_form_with_both_buttons(page):
    client, url = page
    body = client.get(url).content.decode()
    form = re.search(r'<form [^>]*class="report-form">(.*?)</form>', body, re.S).group(1)
    assert 'enctype="multipart/form-data"' in body
    assert re.search(r'<input type="file" name="files"[^>]*multiple', form)
    assert 'name="step" value="luu"' in form and "Lưu nháp" in form
    assert 'name="step" value="gui"' in form and "Gửi duyệt" in form
    assert 'name="version" value="0"' in form
    assert "Tải lên</button>" not in body  # no second step for the lead agency


def test_draft_with_a_file(page, plan_a1, settings):
    client, url = page
    pdf = SimpleUploadedFile("Biên bản.pdf", PDF)
    response = client.post(url, {**FIELDS, "version": "0", "step": "luu", "files": [pdf]})
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    plan_a1.m_nov.refresh_from_db()
    assert plan_a1.m_nov.report_status == "draft" and report.percent == 80
    assert [e.title for e in report.evidence.all()] == ["Biên bản.pdf"]
    assert len(stored_files(settings)) == 1


def test_send_with_two_files_and_a_link_in_one_step(page, world, plan_a1, settings):
    client, url = page
    files = [SimpleUploadedFile("qd.pdf", PDF), SimpleUploadedFile("danh-sach.docx", docx_bytes())]
    data = {**FIELDS, "version": "0", "step": "gui", "files": files}
    data |= {"link_url": "https://anmot.gov.vn/qd-12", "link_title": "Quyết định 12"}
    response = client.post(url, data, follow=True)
    assert "Đã gửi báo cáo để lãnh đạo cơ quan duyệt" in response.content.decode()
    plan_a1.m_nov.refresh_from_db()
    report = ProgressReport.objects.get()
    assert plan_a1.m_nov.report_status == "submitted" and report.submitted_by == world.staff_a1
    assert report.waiting_since is not None
    assert sorted(e.title for e in report.evidence.all()) == ["Quyết định 12", "danh-sach.docx", "qd.pdf"]
    assert len(stored_files(settings)) == 2
    assert Notification.objects.filter(user=world.head_a1, milestone=plan_a1.m_nov).exists()


def test_a_bad_file_saves_nothing_and_keeps_the_text(page, plan_a1, settings):
    client, url = page
    files = [SimpleUploadedFile("qd.pdf", PDF), SimpleUploadedFile("bao-cao.pdf", EXE)]
    response = client.post(url, {**FIELDS, "version": "0", "step": "gui", "files": files})
    assert response.status_code == 200
    body = response.content.decode()
    block = field_block(body, "files")
    assert "has-error" in block and "“bao-cao.pdf”" in block and "không phải định dạng" in block
    assert "“qd.pdf”" not in block  # the good file is not blamed
    assert FIELDS["text"] in field_block(body, "text")  # what was typed is still there
    assert not ProgressReport.objects.exists() and not Evidence.objects.exists()
    assert stored_files(settings) == []
    plan_a1.m_nov.refresh_from_db()
    assert plan_a1.m_nov.report_status == ""


def test_files_written_before_a_refused_submission_are_removed(page, plan_a1, settings):
    """Files are stored, then sending fails (not started, no reason): nothing is left behind."""
    client, url = page
    data = {**FIELDS, "progress": "not_started", "percent": "0", "version": "0", "step": "gui"}
    response = client.post(url, {**data, "files": [SimpleUploadedFile("qd.pdf", PDF)]})
    assert response.status_code == 200
    assert "vui lòng nêu lý do" in field_block(response.content.decode(), "reason")
    assert not ProgressReport.objects.exists() and not Evidence.objects.exists()
    assert stored_files(settings) == []


def test_service_removes_its_files_when_the_transaction_fails(world, plan_a1, settings):
    fields = {"text": "x", "percent": 0, "progress": "not_started", "reason": ""}
    with pytest.raises(ValidationError, match="lý do"):
        services.report_progress(
            world.staff_a1,
            plan_a1.m_nov,
            fields,
            files=[SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF)],
            submit=True,
            expected_version=0,
        )
    assert stored_files(settings) == [] and not Evidence.objects.exists()
    assert not ProgressReport.objects.exists()


def test_a_stale_version_stores_no_file(world, plan_a1, settings):
    services.save_report(
        world.staff_a1, plan_a1.m_nov, {"text": "A", "percent": 5, "progress": "in_progress"}, 0
    )
    with pytest.raises(services.ConflictError):
        services.report_progress(
            world.head_a1,
            plan_a1.m_nov,
            {"text": "B", "percent": 5, "progress": "in_progress"},
            files=[SimpleUploadedFile("a.pdf", PDF)],
            expected_version=0,
        )
    assert stored_files(settings) == [] and ProgressReport.objects.get().text == "A"


def test_missing_version_is_refused(page, settings):
    client, url = page
    response = client.post(url, {**FIELDS, "step": "gui", "files": [SimpleUploadedFile("qd.pdf", PDF)]})
    assert response.status_code == 200 and "Thiếu số phiên bản" in response.content.decode()
    assert not ProgressReport.objects.exists() and stored_files(settings) == []


def test_too_many_files_are_refused_beside_the_field(page):
    client, url = page
    files = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(services.MAX_FILES + 1)]
    response = client.post(url, {**FIELDS, "version": "0", "step": "luu", "files": files})
    assert "tối đa 10 tệp" in field_block(response.content.decode(), "files")
    assert not Evidence.objects.exists()


def test_returned_report_shows_the_reason_and_is_corrected_and_resent(world, plan_a1, login):
    m = plan_a1.m_nov
    report = services.report_progress(
        world.staff_a1,
        m,
        {"text": "x", "percent": 10, "progress": "in_progress"},
        submit=True,
        expected_version=0,
    )
    services.return_report(world.head_a1, report, "Thiếu biên bản", expected_version=opened(report))
    client = login(world.staff_a1)
    url = reverse("tracking:milestone", args=[m.pk])
    body = client.get(url).content.decode()
    assert "Ý kiến khi trả lại" in body and "Thiếu biên bản" in body
    data = {
        **FIELDS,
        "version": str(opened(report)),
        "step": "gui",
        "files": [SimpleUploadedFile("bb.pdf", PDF)],
    }
    assert client.post(url, data).status_code == 302
    m.refresh_from_db()
    assert m.report_status == "submitted" and ProgressReport.objects.get().evidence.count() == 1


# --- returning without a comment: said before sending, and beside the box if sent anyway ---------


@pytest.fixture
def submitted(world, plan_a1):
    return services.report_progress(
        world.staff_a1,
        plan_a1.m_nov,
        {"text": "x", "percent": 10, "progress": "in_progress"},
        submit=True,
        expected_version=0,
    )


def test_the_return_box_is_required_in_the_page(world, plan_a1, submitted, login):
    body = login(world.head_a1).get(reverse("tracking:milestone", args=[plan_a1.m_nov.pk])).content.decode()
    box = re.search(r'<textarea name="comment" id="return-comment"[^>]*>', body).group(0)
    assert "required" in box
    assert re.search(r'<button type="submit" name="step" value="duyet"', body)


def test_return_without_comment_errs_beside_the_box_on_the_same_page(world, plan_a1, submitted, login):
    client = login(world.head_a1)
    url = reverse("tracking:milestone", args=[plan_a1.m_nov.pk])
    response = client.post(url, {"step": "tra-lai", "comment": "  ", "version": str(opened(submitted))})
    assert response.status_code == 200 and response.request["PATH_INFO"] == url
    body = response.content.decode()
    form = re.search(r'<form [^>]*class="review-return has-error">(.*?)</form>', body, re.S).group(1)
    assert "Vui lòng ghi ý kiến (lý do trả lại)" in form and 'aria-invalid="true"' in form
    plan_a1.m_nov.refresh_from_db()
    assert plan_a1.m_nov.report_status == "submitted"
    response = client.post(
        url, {"step": "tra-lai", "comment": "Thiếu biên bản", "version": str(opened(submitted))}
    )
    assert response.status_code == 302
    plan_a1.m_nov.refresh_from_db()
    assert plan_a1.m_nov.report_status == "returned"


def test_another_agency_head_cannot_approve_from_the_page(world, plan_a1, submitted, login):
    client = login(world.head_hcc_a1)  # head of the coordinating agency: sees the page, may not approve
    url = reverse("tracking:milestone", args=[plan_a1.m_nov.pk])
    assert 'value="duyet"' not in client.get(url).content.decode()
    assert client.post(url, {"step": "duyet", "version": str(opened(submitted))}).status_code == 403
    plan_a1.m_nov.refresh_from_db()
    assert plan_a1.m_nov.report_status == "submitted"
