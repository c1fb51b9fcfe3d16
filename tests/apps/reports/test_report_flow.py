"""Draft, edit, sign with the scan, submit, then locked: a change needs a new version."""

from __future__ import annotations

import io
from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from apps.audit.models import AuditEntry
from apps.reports import services
from apps.reports.models import PeriodicReport
from apps.reports.selectors import period_for
from tests.apps.reports.conftest import pdf_upload


def page(world, code="2025-Q3"):
    return reverse("reports:report", args=[world.a1.pk, code])


@time_machine.travel(date(2025, 9, 16), tick=False)
def test_officer_drafts_leader_signs_officer_submits(world, q3, login):
    client = login(world.officer_a1)
    r = client.post(reverse("reports:open", args=[world.a1.pk, "2025-Q3"]))
    report = PeriodicReport.objects.get()
    assert r.status_code == 302 and report.status == "draft" and report.drafted
    assert report.due == date(2025, 9, 20) and "Đã rà soát 24 thủ tục" in report.area_texts["tthc"]

    form = {
        "signer_authority": "TM. ỦY BAN NHÂN DÂN",
        "signer_title": "CHỦ TỊCH",
        "number": "15",
        "causes": "Cán bộ kiêm nhiệm nhiều việc.",
        "revision": report.revision,
        "area_tthc": "Kết quả TTHC đã sửa.",
    }
    client.post(reverse("reports:narrative", args=[report.pk]), form)
    report.refresh_from_db()
    assert (
        report.causes == "Cán bộ kiêm nhiệm nhiều việc."
        and report.area_texts["tthc"] == "Kết quả TTHC đã sửa."
    )

    client = login(world.leader_a1)
    client.post(reverse("reports:sign", args=[report.pk]), {"scan": pdf_upload()})
    report.refresh_from_db()
    assert report.status == "signed" and report.snapshot and report.signed_by == world.leader_a1
    assert report.signed_scan.name.startswith("reports/signed/")

    client = login(world.officer_a1)
    client.post(reverse("reports:submit", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == "submitted" and report.submitted_on == date(2025, 9, 16) and report.on_time
    events = list(AuditEntry.objects.filter(action="event").values_list("message", flat=True))
    assert any("Ký báo cáo 2025-Q3" in m for m in events) and any("Gửi báo cáo 2025-Q3" in m for m in events)

    doc = Document(io.BytesIO(client.get(reverse("reports:download", args=[report.pk, "docx"])).getvalue()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Kết quả TTHC đã sửa." in text and "Cán bộ kiêm nhiệm nhiều việc." in text


def _signed(world, q3) -> PeriodicReport:
    period = period_for(world.a1, "2025-Q3")
    report = services.open_report(world.officer_a1, world.a1, period)
    return services.sign(world.leader_a1, report, pdf_upload())


def test_signed_report_is_locked_and_frozen(world, q3, login):
    report = _signed(world, q3)
    with pytest.raises(ValidationError, match="Tạo phiên bản mới"):
        services.save_narrative(world.officer_a1, report, {"causes": "sửa sau khi ký"})
    r = login(world.officer_a1).post(
        reverse("reports:narrative", args=[report.pk]),
        {"signer_authority": "x", "signer_title": "y", "causes": "sửa", "revision": report.revision},
        follow=True,
    )
    assert "không sửa được nữa" in r.content.decode()
    # Data changing after signing does not change what was signed.
    q3.t_late.content = "Nội dung đổi sau khi ký"
    q3.t_late.save()
    doc = Document(
        io.BytesIO(
            login(world.officer_a1).get(reverse("reports:download", args=[report.pk, "docx"])).getvalue()
        )
    )
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Nội dung đổi sau khi ký" not in cells and "Nhiệm vụ 2 của kế hoạch" in cells


def test_new_version_after_submission(world, q3, login):
    report = services.submit(world.officer_a1, _signed(world, q3))
    with pytest.raises(ValidationError):
        services.submit(world.officer_a1, report)
    client = login(world.officer_a1)
    r = client.post(reverse("reports:new_version", args=[report.pk]))
    v2 = PeriodicReport.objects.get(version=2)
    assert r.status_code == 302 and "phien-ban=2" in r["Location"]
    assert v2.status == "draft" and v2.previous == report and v2.causes == report.causes and not v2.snapshot
    report.refresh_from_db()
    assert report.status == "submitted"  # the submitted version stays as it was
    with pytest.raises(ValidationError, match="mới nhất"):
        services.new_version(world.officer_a1, report)


def test_submit_needs_a_signature_first(world, q3):
    report = services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))
    with pytest.raises(ValidationError, match="đã ký"):
        services.submit(world.officer_a1, report)


def test_concurrent_narrative_edit_is_refused(world, q3):
    report = services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))
    services.save_narrative(world.officer_a1, report, {"causes": "A"}, expected_revision=report.revision)
    with pytest.raises(ValidationError, match="người khác"):
        services.save_narrative(world.officer_a1, report, {"causes": "B"}, expected_revision=report.revision)


@time_machine.travel(date(2025, 9, 25), tick=False)
def test_late_submission_is_marked_late(world, q3):
    report = services.submit(world.officer_a1, _signed(world, q3))
    assert report.submitted_on == date(2025, 9, 25) and report.on_time is False


def test_narrative_without_revision_is_refused(world, q3):
    """Optimistic locking (issue 10, defect 3): a save that does not say what it opened is refused."""
    from django.core.exceptions import ValidationError

    from core.reporting.periods import parse_period

    report = services.open_report(world.officer_a1, world.a1, parse_period("2025-Q3"))
    with pytest.raises(ValidationError, match="Thiếu số phiên bản"):
        services.save_narrative(world.officer_a1, report, {"causes": "không rõ phiên bản"})
    report.refresh_from_db()
    assert report.causes != "không rõ phiên bản"
