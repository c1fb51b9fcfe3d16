"""The report offered as PDF (issue 14): converted by LibreOffice headless in a background job,
downloaded as a real PDF (read back with pdfplumber), never stale, refused to non-readers."""

from __future__ import annotations

import io
import re

import pdfplumber
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from apps.jobs.models import Job
from apps.reports import services
from apps.reports.selectors import period_for
from core.plandoc import tools

needs_soffice = pytest.mark.skipif(
    tools.soffice() is None, reason="LibreOffice (soffice) chưa cài trên máy này"
)
TITLE = "Kết quả thực hiện công tác cải cách hành chính quý III năm 2025"


@pytest.fixture
def draft(world, q3):
    return services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))


def _export(client, report, capture):
    with capture(execute=True):  # the job starts once its row is committed (inline worker in tests)
        return client.post(reverse("reports:export_pdf", args=[report.pk]), follow=True)


def _text(pdf_bytes: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        return " ".join((page.extract_text() or "") for page in pdf.pages)


@needs_soffice
def test_report_exported_as_a_real_pdf(world, draft, login, django_capture_on_commit_callbacks):
    client = login(world.officer_a1)
    page = _export(client, draft, django_capture_on_commit_callbacks).content.decode()
    job = Job.objects.get(kind="reports.pdf")
    assert job.status == "succeeded", job.error
    assert (job.done, job.total) == (2, 3) and job.subject == draft
    url = reverse("reports:download", args=[draft.pk, "pdf"])
    page = client.get(reverse("reports:report", args=[world.a1.pk, "2025-Q3"])).content.decode()
    assert f'href="{url}"' in page and "Tải bản PDF" in page
    r = client.get(url)
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"].startswith("attachment;") and ".pdf" in r["Content-Disposition"]
    body = b"".join(r.streaming_content)
    text = re.sub(r"\s+", " ", _text(body))
    assert "BÁO CÁO" in text and TITLE in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Nhiệm vụ 2 của kế hoạch" in text and "Quá hạn," in text  # a state cell wraps
    # A province officer cannot read a draft, so cannot have its PDF either.
    assert login(world.officer_a).get(url).status_code == 404


@needs_soffice
def test_a_pdf_is_never_stale(world, draft, login, django_capture_on_commit_callbacks):
    client = login(world.officer_a1)
    _export(client, draft, django_capture_on_commit_callbacks)
    url = reverse("reports:download", args=[draft.pk, "pdf"])
    assert client.get(url).status_code == 200
    services.save_narrative(world.officer_a1, draft, {"causes": "Cán bộ kiêm nhiệm."}, draft.revision)
    r = client.get(url, follow=True)
    assert r.redirect_chain and "Chưa có bản PDF của nội dung hiện tại" in r.content.decode()
    _export(client, draft, django_capture_on_commit_callbacks)  # again: the new content, one file kept
    assert client.get(url).status_code == 200
    _dirs, files = default_storage.listdir(f"reports/pdf/{draft.pk}")
    assert len(files) == 1


def test_without_libreoffice_the_user_is_told_plainly(world, draft, login, monkeypatch, tmp_path, request):
    monkeypatch.delenv("CCHC_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH: as on a server without it
    tools.soffice.cache_clear()
    request.addfinalizer(tools.soffice.cache_clear)  # found again once PATH is restored
    r = login(world.officer_a1).post(reverse("reports:export_pdf", args=[draft.pk]), follow=True)
    assert "Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF" in r.content.decode()
    assert not Job.objects.filter(kind="reports.pdf").exists()


def test_export_is_refused_to_those_who_may_not_read_the_report(world, draft, login):
    for user in (world.staff_a1, world.officer_b1, world.officer_a):
        client = login(user)
        assert client.post(reverse("reports:export_pdf", args=[draft.pk])).status_code == 404, user.username
        assert client.get(reverse("reports:download", args=[draft.pk, "pdf"])).status_code == 404
    assert not Job.objects.filter(kind="reports.pdf").exists()
