"""Every export, download and fragment applies the policy of the page it mirrors (issue 10, defect 1).

The plan export once wrote the report texts of every agency of the unit, drafts included, to any
staff member of the unit, while the milestone page of the same data answered 403. Here each export
is checked against its page, for every user of the named world: whoever is refused the page is
refused the export, or gets an export without what the page would have hidden.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from openpyxl import load_workbook

from apps.jobs.models import Job
from apps.plans.models import Plan
from apps.reports import services as report_services
from apps.reports.models import PeriodicReport
from apps.tracking.models import Evidence, ProgressReport
from core.reporting.periods import parse_period
from tests.apps.reports.conftest import pdf_upload

SECRET = "Nội dung nội bộ của Trung tâm HCC"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
USERS = [
    "root", "admin_a", "admin_a1", "officer_a", "officer_a1", "head_a1", "staff_a1", "staff_a1_hcc",
    "leader_a1", "viewer_a1", "appraiser_a", "officer_b1", "nobody",
]  # fmt: skip


def _text_of_workbook(data: bytes) -> str:
    wb = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(
        str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None
    )


@pytest.fixture
def hcc_draft(world, plan_a1):
    """A draft report of Trung tâm HCC A1 on its own task (t_hcc), with an evidence file."""
    from django.core.files.base import ContentFile

    plan_a1.m_hcc.report_status = "draft"
    plan_a1.m_hcc.save()
    report = ProgressReport.objects.create(
        milestone=plan_a1.m_hcc, agency=world.hcc_a1, text=SECRET, percent=40, progress="in_progress"
    )
    evidence = Evidence(report=report, title="hoso.pdf", content_type="application/pdf", size=len(PDF))
    evidence.file.save("x.pdf", ContentFile(PDF), save=False)
    evidence.save()
    return evidence


def _status(client, user, url: str) -> int:
    client.force_login(user)
    return client.get(url).status_code


def test_staff_of_another_agency_gets_no_foreign_report_text_in_the_plan_export(
    client, world, plan_a1, hcc_draft
):
    client.force_login(world.staff_a1)  # Phòng Kinh tế: neither lead nor coordinator of t_hcc
    assert client.get(reverse("tracking:milestone", args=[plan_a1.m_hcc.pk])).status_code == 403
    response = client.get(reverse("tracking:export", args=[plan_a1.plan.pk]))
    assert response.status_code == 200
    text = _text_of_workbook(response.content)
    assert SECRET not in text
    assert plan_a1.t_hcc.content not in text
    assert plan_a1.t_kt.content in text  # their own agency's task is still there


def test_officer_of_the_unit_exports_every_report(client, world, plan_a1, hcc_draft):
    client.force_login(world.officer_a1)
    text = _text_of_workbook(client.get(reverse("tracking:export", args=[plan_a1.plan.pk])).content)
    assert SECRET in text and plan_a1.t_hcc.content in text


def test_timeline_shows_only_tasks_whose_follow_up_the_user_may_see(client, world, plan_a1, hcc_draft):
    client.force_login(world.staff_a1)
    body = client.get(reverse("tracking:timeline", args=[plan_a1.plan.pk])).content.decode()
    assert plan_a1.t_kt.content in body
    assert plan_a1.t_hcc.content not in body
    client.force_login(world.officer_a1)
    assert (
        plan_a1.t_hcc.content
        in client.get(reverse("tracking:timeline", args=[plan_a1.plan.pk])).content.decode()
    )


def test_dashboard_late_list_links_only_to_milestones_the_user_may_open(client, world, plan_a1, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-12-20")  # m_nov (28/11) and m_hcc (15/12) are overdue
    client.force_login(world.staff_a1)
    body = client.get(reverse("tracking:dashboard") + f"?don_vi={world.a1.pk}").content.decode()
    assert reverse("tracking:milestone", args=[plan_a1.m_nov.pk]) in body
    assert reverse("tracking:milestone", args=[plan_a1.m_hcc.pk]) not in body
    client.force_login(world.officer_a1)
    body = client.get(reverse("tracking:dashboard") + f"?don_vi={world.a1.pk}").content.decode()
    assert reverse("tracking:milestone", args=[plan_a1.m_hcc.pk]) in body


@pytest.mark.parametrize("who", USERS)
def test_evidence_download_follows_the_milestone_page(client, world, plan_a1, hcc_draft, who):
    user = getattr(world, who)
    page = _status(client, user, reverse("tracking:milestone", args=[plan_a1.m_hcc.pk]))
    download = _status(client, user, reverse("tracking:evidence_file", args=[hcc_draft.pk]))
    assert (page == 200) == (download == 200), (who, page, download)


@pytest.fixture
def reports_a1(world, plan_a1):
    """A draft report of A1 for Q3/2025, a signed-and-submitted one for Q2, and a compile job."""
    period = parse_period("2025-Q3")
    draft = report_services.open_report(world.officer_a1, world.a1, period)
    job = Job.objects.create(
        kind="reports.compile",
        org_unit=world.a1,
        created_by=world.officer_a1,
        subject_type=ContentType.objects.get_for_model(draft),
        subject_id=draft.pk,
    )
    q2 = report_services.open_report(world.officer_a1, world.a1, parse_period("2025-Q2"))
    world.leader_a1.refresh_from_db()
    report_services.sign(world.leader_a1, q2, pdf_upload())
    return {"draft": draft, "submitted_later": q2, "job": job}


def _report_page(report: PeriodicReport) -> str:
    url = reverse("reports:report", args=[report.org_unit_id, report.period_code])
    return f"{url}?phien-ban={report.version}"


@pytest.mark.parametrize("who", USERS)
@pytest.mark.parametrize("which", ["draft", "submitted_later"])
def test_report_downloads_follow_the_report_page(client, world, reports_a1, who, which):
    user = getattr(world, who)
    report = reports_a1[which]
    page = _status(client, user, _report_page(report))
    # The page of a unit may answer 200 to a member without showing this version; the version is
    # shown only to those who may read it.
    shown = page == 200 and client.get(_report_page(report)).context["report"] == report
    urls = [reverse("reports:download", args=[report.pk, k]) for k in ("docx", "xlsx")]
    if report.signed_scan:
        urls.append(reverse("reports:scan", args=[report.pk]))
    for url in urls:
        assert (_status(client, user, url) == 200) == shown, (who, url)
    if which == "draft":
        job = reverse("jobs:status", args=[reports_a1["job"].pk])
        assert (_status(client, user, job) == 200) == shown, (who, job)


@pytest.mark.parametrize("who", USERS)
def test_plan_document_and_fragments_follow_the_plan_page(client, world, who):
    from django.core.files.base import ContentFile

    from apps.plans.models import SourceDocument, Task

    source = SourceDocument(
        org_unit=world.a1, filename="kh.txt", format="txt", sha256="0", size=3, text="abc"
    )
    source.file.save("kh.txt", ContentFile(b"abc"), save=False)
    source.save()
    plan = Plan.objects.create(
        org_unit=world.a1,
        title="KH",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        source=source,
    )
    task = Task.objects.create(plan=plan, area="tthc", content="Nhiệm vụ một", position=1)
    user = getattr(world, who)
    page = _status(client, user, reverse("plans:detail", args=[plan.pk]))
    for url in (
        reverse("plans:document", args=[plan.pk]),
        reverse("plans:task_row", args=[task.pk]),
        reverse("review:panel", args=[plan.pk]),
        reverse("review:findings", args=[plan.pk]),
    ):
        assert (_status(client, user, url) == 200) == (page == 200), (who, url)
