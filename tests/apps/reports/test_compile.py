"""Upward compilation: the province's table of its communes, as a job with progress, claimed once."""

from __future__ import annotations

from datetime import date, timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.jobs import runner
from apps.jobs.models import Job
from apps.reports import services
from apps.reports.models import PeriodicReport
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
    job = Job.objects.get()
    assert job.kind == "reports.compile" and job.subject == province and job.org_unit == world.a
    assert job.status == "succeeded" and (job.done, job.total) == (2, 2) and job.created_by == world.officer_a
    province.refresh_from_db()
    rows = {row["name"]: row for row in province.compiled["rows"]}
    assert rows["xã An Một"]["status"] == "submitted" and rows["xã An Một"]["on_time"] is True
    assert rows["xã An Một"]["counts"] == {"done_on_time": 1, "overdue": 1, "not_started": 1}
    assert rows["xã An Hai"]["status"] == "none" and rows["xã An Hai"]["source"] == "Số liệu trên hệ thống"
    page = client.get(reverse("reports:report", args=[world.a.pk, "2025-Q3"])).content.decode()
    assert "1/2 đơn vị đã gửi" in page and "Đã gửi đúng hạn" in page
    fragment = client.get(reverse("jobs:status", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "Đã tổng hợp 2 đơn vị" in fragment and "hx-trigger" not in fragment  # finished: polling stops
    assert (
        "Xem bảng tổng hợp" in fragment
        and f"?phien-ban={province.version}&amp;xem=tong-hop#tong-hop" in fragment
    )
    # Reloading shows the table and when it was made, not a message asking to reload (issue 14).
    assert "Tải lại trang" not in page and f'id="job-{job.pk}"' not in page
    assert 'id="tong-hop"' in page and "Bảng tổng hợp các đơn vị cấp dưới lập lúc" in page
    event = AuditEntry.objects.get(action="event", object_id=str(province.pk))
    assert event.actor == world.officer_a and event.message.endswith("Đã tổng hợp 2 đơn vị cấp dưới.")


def test_a_queued_job_shows_progress_and_polls(world, q3, login):
    client = login(world.officer_a)
    client.post(reverse("reports:open", args=[world.a.pk, "2025-Q3"]))
    province = PeriodicReport.objects.get(org_unit=world.a)
    client.post(reverse("reports:compile", args=[province.pk]))  # no worker runs it here
    job = Job.objects.get()
    assert job.status == "queued"
    page = client.get(reverse("reports:report", args=[world.a.pk, "2025-Q3"])).content.decode()
    assert f'id="job-{job.pk}"' in page and 'hx-trigger="every 1s"' in page and "<progress" in page
    client.post(reverse("reports:compile", args=[province.pk]))
    assert Job.objects.count() == 1  # one compilation at a time
    assert runner.run_job(job.pk) == "succeeded"
    assert runner.run_job(job.pk) == "not claimed"  # already claimed: a second worker does nothing
    job.refresh_from_db()
    assert job.status == "succeeded" and job.percent == 100
    assert login(world.officer_b1).get(reverse("jobs:status", args=[job.pk])).status_code == 404
    assert login(world.officer_a1).get(reverse("jobs:status", args=[job.pk])).status_code == 404  # a draft


def test_a_report_signed_during_the_compilation_is_not_overwritten(world, q3, login, monkeypatch):
    report = services.open_report(world.officer_a, world.a, period_for(world.a, "2025-Q3"))
    job = services.start_compile(world.officer_a, report)
    real = __import__("apps.reports.jobs", fromlist=["compile_rows"]).compile_rows

    def sign_meanwhile(unit, period, progress):
        rows = real(unit, period, progress)
        PeriodicReport.objects.filter(pk=report.pk).update(status="signed")  # the leader signed meanwhile
        return rows

    monkeypatch.setattr("apps.reports.jobs.compile_rows", sign_meanwhile)
    assert runner.run_job(job.pk) == "failed"
    job.refresh_from_db()
    report.refresh_from_db()
    assert report.compiled is None and job.attempts == 1
    assert (
        job.error
        == "Không hoàn tất được: Báo cáo đã được ký trong lúc tổng hợp; bảng tổng hợp không được ghi."
    )


def test_a_commune_officer_cannot_compile_the_province(world, q3, login):
    report = services.open_report(world.officer_a, world.a, period_for(world.a, "2025-Q3"))
    assert login(world.officer_a1).post(reverse("reports:compile", args=[report.pk])).status_code == 404
    assert not Job.objects.exists()


def test_superior_sees_who_submitted_on_time_or_late(world, q3, login):
    with time_machine.travel(date(2025, 9, 25), tick=False):
        _submit_a1(world)
        page = login(world.officer_a).get(reverse("reports:index") + "?ky=2025-Q3").content.decode()
    assert "Đã gửi trễ hạn" in page and "Quá hạn, chưa gửi" in page
    assert "xã An Hai" in page and "xã Bình Một" not in page


def test_tong_hop_after_a_dead_worker_restarts_the_stuck_job(
    world, q3, login, django_capture_on_commit_callbacks
):
    """Defect 5: the job of a killed worker stayed "running" and every later "Tổng hợp" returned it."""
    client = login(world.officer_a)
    client.post(reverse("reports:open", args=[world.a.pk, "2025-Q3"]))
    province = PeriodicReport.objects.get(org_unit=world.a)
    client.post(reverse("reports:compile", args=[province.pk]))  # queued; then a worker took it and died
    Job.objects.update(
        status="running", attempts=1, token="dead", lease_until=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:compile", args=[province.pk]))
    job = Job.objects.get()
    assert job.status == "succeeded" and job.attempts == 2 and (job.done, job.total) == (2, 2)
    province.refresh_from_db()
    assert len(province.compiled["rows"]) == 2
