"""The status box polls while a job waits or runs, stops when it ends, and shows why it failed."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from apps.jobs import runner
from apps.jobs.models import Job
from apps.jobs.services import submit


def fragment(client, job) -> str:
    r = client.get(reverse("jobs:status", args=[job.pk]), HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    return r.content.decode()


def test_a_waiting_job_polls_and_shows_progress(world, login):
    job = submit("test.count", actor=world.officer_a1, org_unit=world.a1)
    Job.objects.filter(pk=job.pk).update(status="running", done=1, total=4)
    html = fragment(login(world.officer_a1), job)
    assert 'hx-trigger="every 1s"' in html and '<progress max="100" value="25">' in html
    assert "Đếm thử — đang chạy: 1/4 bước" in html


def test_a_finished_job_stops_polling(world, login):
    job = submit("test.count", actor=world.officer_a1, org_unit=world.a1, params={"n": 2})
    runner.run_job(job.pk)
    html = fragment(login(world.officer_a1), job)
    assert "Đã đếm đến 2." in html and "hx-trigger" not in html and "<progress" not in html


def test_a_failed_job_shows_its_reason(world, login):
    job = submit("test.refused", actor=world.officer_a1, org_unit=world.a1)
    runner.run_job(job.pk)
    html = fragment(login(world.officer_a1), job)
    assert 'class="msg error"' in html and "Bị từ chối: Không hoàn tất được: Báo cáo đã ký" in html


def test_a_retry_and_a_dead_worker_are_explained(world, login):
    job = submit("test.broken", actor=world.officer_a1, org_unit=world.a1)
    runner.run_job(job.pk)
    client = login(world.officer_a1)
    assert "Lần chạy thứ 1 không thành công" in fragment(client, job)
    Job.objects.filter(pk=job.pk).update(status="running", lease_until=timezone.now() - timedelta(seconds=5))
    assert "không còn phản hồi; hệ thống sẽ tự chạy lại" in fragment(client, job)


def test_a_job_nobody_takes_says_so(world, login):
    job = submit("test.count", actor=world.officer_a1, org_unit=world.a1)
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    assert "cchc worker" in fragment(login(world.officer_a1), job)


def test_who_may_see_a_job(world, login, client):
    job = submit("test.count", actor=world.officer_a1, org_unit=world.a1)
    url = reverse("jobs:status", args=[job.pk])
    assert login(world.officer_a1).get(url).status_code == 200  # who started it (a full page)
    assert login(world.viewer_a1).get(url).status_code == 200  # the kind's rule: orgs.view on A1
    assert login(world.officer_a).get(url).status_code == 200  # the province above
    assert login(world.officer_b1).get(url).status_code == 404  # another province
    assert login(world.nobody).get(url).status_code == 404
    system = submit("test.refused")  # no unit, no creator: the superuser only
    assert login(world.admin_a).get(reverse("jobs:status", args=[system.pk])).status_code == 404
    assert login(world.root).get(reverse("jobs:status", args=[system.pk])).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302  # to the login page
