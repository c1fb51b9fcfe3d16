"""Evidence files: type by content, size limit, stored outside the web root, served only to those allowed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.tracking import services
from apps.tracking.models import Evidence
from tests.apps.tracking.conftest import opened

FIELDS = {"text": "Đã ban hành quyết định", "percent": 100, "progress": "done", "reason": ""}
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


@pytest.fixture
def report(world, plan_a1):
    return services.save_report(world.staff_a1, plan_a1.m_nov, FIELDS, expected_version=opened(plan_a1.m_nov))


def test_pdf_is_stored_under_media_root_by_a_random_name(world, report, settings):
    e = services.add_evidence_file(world.staff_a1, report, SimpleUploadedFile("Quyết định.pdf", PDF))
    assert e.content_type == "application/pdf" and e.title == "Quyết định.pdf"
    path = Path(e.file.path)
    assert path.is_file() and Path(settings.MEDIA_ROOT) in path.parents
    assert path.name.endswith(".pdf") and "Quyết" not in path.name
    assert not str(path).startswith(str(settings.STATIC_ROOT))


def test_docx_recognised_by_its_zip_members(world, report):
    e = services.add_evidence_file(world.staff_a1, report, SimpleUploadedFile("bao-cao.bin", docx_bytes()))
    assert e.file.name.endswith(".docx")


def test_exe_renamed_pdf_is_refused_and_nothing_saved(world, report, settings):
    exe = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200)
    with pytest.raises(ValidationError, match="không dựa vào phần đuôi"):
        services.add_evidence_file(world.staff_a1, report, exe)
    assert not Evidence.objects.exists()
    assert not (Path(settings.MEDIA_ROOT) / "evidence").exists()


def test_plain_zip_renamed_docx_is_refused(world, report):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("virus.exe", "MZ")
    with pytest.raises(ValidationError):
        services.add_evidence_file(world.staff_a1, report, SimpleUploadedFile("a.docx", out.getvalue()))


def test_oversize_refused(world, report, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * 2000)
    with pytest.raises(ValidationError, match="Tệp quá lớn"):
        services.add_evidence_file(world.staff_a1, report, big)
    assert not Evidence.objects.exists()


def test_link_must_be_http(world, report):
    with pytest.raises(ValidationError, match="http"):
        services.add_evidence_link(world.staff_a1, report, "javascript:alert(1)", "x")
    e = services.add_evidence_link(world.staff_a1, report, "https://anmot.gov.vn/qd-12", "QĐ 12")
    assert e.url and not e.file


def test_download_only_for_those_who_see_the_task(world, report, login):
    e = services.add_evidence_file(world.staff_a1, report, SimpleUploadedFile("qd.pdf", PDF))
    url = reverse("tracking:evidence_file", args=[e.pk])
    response = login(world.staff_a1).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert login(world.officer_a1).get(url).status_code == 200
    assert login(world.staff_a1_hcc).get(url).status_code == 200  # coordinating agency
    world.head_hcc_a1  # noqa: B018 - created by the fixture
    from tests.apps.conftest import _user

    outsider = _user("staff_hcc_other", world.a2, "staff", world.kt_a2)
    assert login(outsider).get(url).status_code == 404
    assert login(world.officer_b1).get(url).status_code == 404


def test_other_agency_in_the_commune_gets_403(world, plan_a1, login):
    report = services.save_report(
        world.staff_a1_hcc, plan_a1.m_hcc, FIELDS, expected_version=opened(plan_a1.m_hcc)
    )
    e = services.add_evidence_file(world.staff_a1_hcc, report, SimpleUploadedFile("qd.pdf", PDF))
    assert login(world.staff_a1).get(reverse("tracking:evidence_file", args=[e.pk])).status_code == 403


def test_upload_page_shows_the_refusal(world, report, login, plan_a1):
    """A coordinating agency's own upload form (the lead attaches in the report form)."""
    client = login(world.staff_a1_hcc)
    exe = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00" + b"\x00" * 64)
    response = client.post(reverse("tracking:evidence_add", args=[plan_a1.m_nov.pk]), {"file": exe})
    assert response.status_code == 200  # the whole page again (issue 14 item 5)
    assert "không phải định dạng được chấp nhận" in response.content.decode()


def test_no_evidence_change_once_sent(world, report):
    services.submit_report(world.staff_a1, report, expected_version=opened(report))
    with pytest.raises(ValidationError, match="chờ lãnh đạo"):
        services.add_evidence_file(world.staff_a1, report, SimpleUploadedFile("qd.pdf", PDF))


@pytest.mark.parametrize(
    "uploaded, served",
    [("trang.html", "trang.pdf"), ("hoso.pdf.exe", "hoso.pdf"), ("../../etc/passwd", "passwd.pdf"),
     ("Quyết định số 12.pdf", "Quyết_định_số_12.pdf"), (".exe", "tai-lieu.pdf")],
)  # fmt: skip
def test_download_name_is_safe_with_the_detected_extension(world, report, client, uploaded, served):
    """Issue 10, defect 8: the uploader's name and extension were served as they came."""
    e = services.add_evidence_file(world.staff_a1, report, SimpleUploadedFile(uploaded, PDF))
    client.force_login(world.staff_a1)
    response = client.get(reverse("tracking:evidence_file", args=[e.pk]))
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    from urllib.parse import quote

    assert f'filename="{served}"' in disposition or f"filename*=utf-8''{quote(served)}" in disposition, (
        disposition
    )
