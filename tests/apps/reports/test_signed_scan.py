"""The signed scan: a PDF by content, size-limited, stored under MEDIA_ROOT, served by a view."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from apps.reports import services
from apps.reports.models import PeriodicReport
from apps.reports.selectors import period_for
from tests.apps.reports.conftest import pdf_upload

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def draft(world, q3):
    return services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf_upload("anh.pdf", PNG), "phải là tệp PDF"),
        (pdf_upload("cut.pdf", b"%PDF-1.4\n1 0 obj <<>> endobj\n"), "phải là tệp PDF"),  # truncated: no %%EOF
        (pdf_upload("empty.pdf", b""), "rỗng"),
    ],
    ids=["png-named-pdf", "truncated", "empty"],
)
def test_bad_scans_are_refused(world, draft, login, upload, message):
    r = login(world.leader_a1).post(reverse("reports:sign", args=[draft.pk]), {"scan": upload}, follow=True)
    assert message in r.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft" and not draft.signed_scan


def test_missing_scan_is_refused(world, draft, login):
    r = login(world.leader_a1).post(reverse("reports:sign", args=[draft.pk]), {}, follow=True)
    assert "bản scan" in r.content.decode()
    assert PeriodicReport.objects.get().status == "draft"


def test_size_limit(world, draft, login, settings):
    settings.REPORT_SCAN_MAX_BYTES = 200
    r = login(world.leader_a1).post(
        reverse("reports:sign", args=[draft.pk]), {"scan": pdf_upload()}, follow=True
    )
    assert "Tệp quá lớn" in r.content.decode()


def test_stored_outside_static_and_served_to_readers(world, draft, login):
    services.sign(world.leader_a1, draft, pdf_upload())
    draft.refresh_from_db()
    path = Path(draft.signed_scan.path)
    assert path.is_file() and Path(settings.MEDIA_ROOT) in path.parents
    assert Path(settings.STATIC_ROOT) not in path.parents
    r = login(world.viewer_a1).get(reverse("reports:scan", args=[draft.pk]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content).startswith(b"%PDF")
    assert login(world.staff_a1).get(reverse("reports:scan", args=[draft.pk])).status_code == 404
    assert (
        login(world.officer_a).get(reverse("reports:scan", args=[draft.pk])).status_code == 404
    )  # not yet submitted


def test_a_failed_signature_leaves_no_scan_behind(world, draft, monkeypatch):
    """Storage is not transactional: the scan saved before a failing step is deleted with the rollback."""

    def broken(obj, message, changes=None):
        raise RuntimeError("audit write failed")

    monkeypatch.setattr("apps.reports.services.record_event", broken)
    with pytest.raises(RuntimeError):
        services.sign(world.leader_a1, draft, pdf_upload())
    draft.refresh_from_db()
    assert draft.status == "draft" and not draft.signed_scan
    stored = Path(settings.MEDIA_ROOT) / "reports"
    assert not stored.exists() or not any(p.is_file() for p in stored.rglob("*"))


def _scan_link(client, report) -> str:
    """The href of "Bản đã ký (PDF)" as the report page prints it."""
    page = client.get(
        reverse("reports:report", args=[report.org_unit_id, report.period_code])
    ).content.decode()
    match = re.search(r'href="([^"]+)"[^>]*>Bản đã ký \(PDF\)', page)
    assert match, "no link to the signed scan on the report page"
    return match.group(1)


@pytest.fixture
def submitted(world, draft):
    return services.submit(world.officer_a1, services.sign(world.leader_a1, draft, pdf_upload()))


def test_the_page_link_downloads_the_signed_pdf(world, submitted, login):
    """Issue 14: "Bản đã ký (PDF)" answered 404. The link of the page, followed by each reader."""
    for user in (world.officer_a1, world.viewer_a1, world.leader_a1, world.officer_a, world.appraiser_a):
        client = login(user)
        url = _scan_link(client, submitted)
        assert not url.endswith(".pdf")  # no proxy rule for "*.pdf" static files can catch it
        r = client.get(url)
        assert r.status_code == 200, user.username
        assert r["Content-Type"] == "application/pdf" and r["X-Content-Type-Options"] == "nosniff"
        assert r["Content-Disposition"].startswith("attachment;")
        assert 'filename="ban-ky-cchc-2025-q3-' in r["Content-Disposition"]
        assert b"".join(r.streaming_content).startswith(b"%PDF")
    old = login(world.viewer_a1).get(f"/bao-cao/{submitted.pk}/ban-ky.pdf")  # links printed before
    assert old.status_code == 200 and old["Content-Type"] == "application/pdf"


def test_the_signed_pdf_is_refused_to_those_who_may_not_read_the_report(world, submitted, login, client):
    url = reverse("reports:scan", args=[submitted.pk])
    for user in (world.staff_a1, world.head_a1, world.officer_b1, world.nobody):
        assert login(user).get(url).status_code == 404, user.username  # existence not revealed
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/tai-khoan/" in anonymous["Location"]


def test_a_scan_lost_from_storage_is_a_clear_404_not_a_crash(world, submitted, login):
    Path(submitted.signed_scan.path).unlink()
    r = login(world.officer_a1).get(reverse("reports:scan", args=[submitted.pk]))
    assert r.status_code == 404 and "Không tìm thấy tệp bản đã ký" in r.content.decode()
