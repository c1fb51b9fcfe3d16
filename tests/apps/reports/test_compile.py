"""Upward compilation: the province's table of its communes, as a job with progress, claimed once."""

from __future__ import annotations

from datetime import date

import time_machine
from django.urls import reverse

from apps.reports import jobs, services
from apps.reports.models import PeriodicReport, ReportJob
from apps.reports.selectors import period_for
from tests.apps.reports.conftest import pdf_upload


def _submit_a1(world):
    report = services.open_report(world.officer_a1, world.a1, period_for(world.a1, "2025-Q3"))
    return services.submit(world.officer_a1, services.sign(world.leader_a1, report, pdf_upload()))


@time_machine.travel(date(2025, 9, 18), tick=False)
def test_province_compiles_its_communes(world, q3, login, django_capture_on_commit_callbacks):
    _submit_a1(world)
    client = login(world.officer_a)
    client.post(reverse("reports:open", args=[world.a.pk, "2025-Q3"]))
    province = PeriodicReport.objects.get(org_unit=world.a)
    with django_capture_on_commit_callbacks(execute=True):  # the job starts once its row is committed
        r = client.post(reverse("reports:compile", args=[province.pk]))
    assert r.status_code == 302
    job = ReportJob.objects.get()
    assert job.status == "done" and (job.done, job.total) == (2, 2)
    province.refresh_from_db()
    rows = {row["name"]: row for row in province.compiled["rows"]}
    assert rows["xã An Một"]["status"] == "submitted" and rows["xã An Một"]["on_time"] is True
    assert rows["xã An Một"]["counts"] == {"done_on_time": 1, "overdue": 1, "not_started": 1}
    assert rows["xã An Hai"]["status"] == "none" and rows["xã An Hai"]["source"] == "Số liệu trên hệ thống"
    page = client.get(reverse("reports:report", args=[world.a.pk, "2025-Q3"])).content.decode()
    assert "1/2 đơn vị đã gửi" in page and "Đã gửi đúng hạn" in page
    fragment = client.get(reverse("reports:job", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "Đã tổng hợp 2 đơn vị" in fragment and "hx-trigger" not in fragment  # finished: polling stops


def test_a_queued_job_shows_progress_and_polls(world, q3, login, settings):
    settings.CCHC_REPORT_JOBS = "queue"
    client = login(world.officer_a)
    client.post(reverse("reports:open", args=[world.a.pk, "2025-Q3"]))
    province = PeriodicReport.objects.get(org_unit=world.a)
    client.post(reverse("reports:compile", args=[province.pk]))
    job = ReportJob.objects.get()
    assert job.status == "queued"
    fragment = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "<progress" in fragment
    client.post(reverse("reports:compile", args=[province.pk]))
    assert ReportJob.objects.count() == 1  # one compilation at a time
    assert jobs.run_queued() == 1
    assert jobs.run_job(job.pk) is False  # already claimed: a second worker does nothing
    job.refresh_from_db()
    assert job.status == "done" and job.percent == 100
    assert login(world.officer_b1).get(reverse("reports:job", args=[job.pk])).status_code == 404


def test_a_commune_officer_cannot_compile_the_province(world, q3, login):
    report = services.open_report(world.officer_a, world.a, period_for(world.a, "2025-Q3"))
    assert login(world.officer_a1).post(reverse("reports:compile", args=[report.pk])).status_code == 404
    assert not ReportJob.objects.exists()


def test_superior_sees_who_submitted_on_time_or_late(world, q3, login):
    with time_machine.travel(date(2025, 9, 25), tick=False):
        _submit_a1(world)
        page = login(world.officer_a).get(reverse("reports:index") + "?ky=2025-Q3").content.decode()
    assert "Đã gửi trễ hạn" in page and "Quá hạn, chưa gửi" in page
    assert "xã An Hai" in page and "xã Bình Một" not in page
