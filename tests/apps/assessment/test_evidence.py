"""Evidence of a score: files checked by content and size, links, the unit's own records in one click."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.assessment import evidence, services
from apps.assessment.models import Evidence, ScoreChange
from apps.plans.models import Milestone, Plan
from apps.reports.demo import placeholder_pdf
from apps.tracking.models import ProgressReport
from tests.apps.assessment.conftest import score
from tests.apps.tracking.conftest import make_task, milestone


def pdf(name="bien-ban.pdf"):
    return SimpleUploadedFile(name, placeholder_pdf(), "application/pdf")


def test_a_file_is_checked_by_its_content_and_stored_under_a_random_name(world, par):
    s = score(par.a1, "1.3")
    e = evidence.add_file(world.officer_a1, s, pdf())
    assert (e.kind, e.content_type, e.title) == ("file", "application/pdf", "bien-ban.pdf")
    assert not e.file.name.endswith("bien-ban.pdf") and e.file.name.endswith(".pdf")
    assert ScoreChange.objects.filter(score=s, stage="evidence", new="+ bien-ban.pdf").exists()


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 this is a program", "application/pdf"),
            "không phải định dạng",
        ),
        (SimpleUploadedFile("trong.pdf", b"", "application/pdf"), "rỗng"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_and_nothing_saved(world, par, upload, message):
    with pytest.raises(ValidationError, match=message):
        evidence.add_file(world.officer_a1, score(par.a1, "1.3"), upload)
    assert not Evidence.objects.exists() and not ScoreChange.objects.filter(stage="evidence").exists()


def test_a_file_above_the_size_limit_is_refused(world, par, settings):
    settings.UPLOAD_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="quá lớn"):
        evidence.add_file(world.officer_a1, score(par.a1, "1.3"), pdf())
    assert not Evidence.objects.exists()


def test_links_must_be_web_addresses(world, par):
    with pytest.raises(ValidationError, match="http"):
        evidence.add_link(world.officer_a1, score(par.a1, "1.3"), "javascript:alert(1)")
    e = evidence.add_link(
        world.officer_a1, score(par.a1, "1.3"), "https://dichvucong.gov.vn/p/home", "Cổng DVC"
    )
    assert (e.kind, e.title) == ("link", "Cổng DVC")


def accepted_report(world, unit, agency, status="accepted"):
    plan = Plan.objects.create(
        org_unit=unit,
        title="KH 2025",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        status="active",
    )
    task = make_task(plan, "1", agency)
    m = milestone(task, date(2025, 6, 30))
    Milestone.objects.filter(pk=m.pk).update(report_status=status, submitted_on=date(2025, 6, 28))
    return plan, ProgressReport.objects.create(
        milestone=m, agency=agency, text="Đã hoàn thành", percent=100, progress="done"
    )


def test_records_of_the_unit_are_attached_in_one_click(world, par, login):
    plan, report = accepted_report(world, world.a1, world.kt_a1)
    found = evidence.candidates(par.a1)
    assert [pk for pk, _t in found["progress"]] == [report.pk]
    assert [pk for pk, _t in found["plan"]] == [plan.pk]
    s = score(par.a1, "1.3")
    response = login(world.officer_a1).post(
        reverse("assessment:evidence_add", args=[s.pk]), {"record": f"progress:{report.pk}"}
    )
    assert response.status_code == 302
    e = Evidence.objects.get(score=s)
    assert (e.kind, e.progress_report) == ("progress", report)
    with pytest.raises(ValidationError, match="đã được gắn"):
        evidence.attach_record(world.officer_a1, s, "progress", report.pk)
    page = login(world.appraiser_a).get(reverse("assessment:score", args=[s.pk]))
    assert page.status_code == 404  # still a draft: the appraiser sees it once submitted


def test_records_not_accepted_or_of_another_unit_are_refused(world, par):
    _plan, pending = accepted_report(world, world.a1, world.kt_a1, status="approved")
    plan_a2, other = accepted_report(world, world.a2, world.kt_a2)
    s = score(par.a1, "1.3")
    for kind, pk in (("progress", pending.pk), ("progress", other.pk), ("plan", plan_a2.pk)):
        with pytest.raises(ValidationError, match="Không gắn được"):
            evidence.attach_record(world.officer_a1, s, kind, pk)
    assert not Evidence.objects.exists()


def test_evidence_is_locked_with_the_step_and_served_only_to_readers(world, par, today, login):
    e = evidence.add_file(world.officer_a1, score(par.a1, "1.3"), pdf())
    assert login(world.officer_a1).get(reverse("assessment:evidence_file", args=[e.pk])).status_code == 200
    assert login(world.officer_a2).get(reverse("assessment:evidence_file", args=[e.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        evidence.delete(world.officer_a2, e)
    today("2025-10-16")
    with pytest.raises(ValidationError, match="hết hạn"):
        evidence.add_file(world.officer_a1, score(par.a1, "1.3"), pdf())
    with pytest.raises(ValidationError, match="hết hạn"):
        evidence.delete(world.officer_a1, e)
    assert Evidence.objects.count() == 1
    services.reopen(world.officer_a, par.a1, "self", date(2025, 10, 18), "Bổ sung tài liệu")
    evidence.delete(world.officer_a1, e)
    assert not Evidence.objects.exists()
