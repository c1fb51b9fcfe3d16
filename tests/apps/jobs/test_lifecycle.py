"""A job's life: queued after commit, claimed once, progress, success written once; retries, failures."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from apps.jobs import runner
from apps.jobs.models import Job
from apps.jobs.progress import LeaseLost, Progress
from apps.jobs.services import submit
from apps.tracking.models import Notification


def test_a_job_runs_once_its_row_is_committed(world, django_capture_on_commit_callbacks, _calls):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = submit("test.count", actor=world.officer_a1, org_unit=world.a1, params={"n": 4})
    assert job.status == "queued" and _calls == []  # nothing runs before the commit
    for callback in callbacks:
        callback()
    job.refresh_from_db()
    assert job.status == "succeeded" and job.attempts == 1 and _calls == [job.pk]
    assert (job.done, job.total, job.percent) == (4, 4, 100)
    assert job.message == "Đã đếm đến 4." and job.result == {"n": 4}
    assert job.token and job.lease_until is None and job.finished_at is not None
    assert Notification.objects.filter(user=world.officer_a1, text=f"Đếm xong job {job.pk}").count() == 1


def test_a_rolled_back_request_leaves_no_job_and_runs_nothing(
    world, django_capture_on_commit_callbacks, _calls
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            submit("test.count", actor=world.officer_a1)
            raise RuntimeError("the service failed after queuing")
    assert not Job.objects.exists() and callbacks == [] and _calls == []


def test_one_active_job_per_key(world):
    first = submit("test.count", actor=world.officer_a1, key="count:a1")
    again = submit("test.count", actor=world.officer_a1, key="count:a1")
    assert again.pk == first.pk and Job.objects.count() == 1
    runner.run_job(first.pk)
    assert submit("test.count", key="count:a1").pk != first.pk  # finished: a new one may start


def test_a_claimed_job_is_not_run_by_a_second_worker(world, _calls):
    job = submit("test.count", actor=world.officer_a1)
    assert runner.run_job(job.pk) == "succeeded"
    assert runner.run_job(job.pk) == "not claimed"
    assert _calls == [job.pk]


def test_an_error_is_retried_then_failed_with_a_vietnamese_reason(world, _calls):
    job = submit("test.broken", actor=world.officer_a1)
    assert runner.run_job(job.pk) == "error"
    job.refresh_from_db()
    assert job.status == "queued" and job.attempts == 1
    assert job.error.startswith("Lần chạy thứ 1 không thành công: lỗi hệ thống (ZeroDivisionError).")
    assert "Hệ thống sẽ tự chạy lại" in job.error and "ZeroDivisionError" in job.error_detail
    runner.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and job.attempts == 2 and _calls == [job.pk, job.pk]
    assert job.error == (
        "Không hoàn tất được: lỗi hệ thống (ZeroDivisionError). Đã chạy 2 lần. Đề nghị báo quản trị hệ thống."
    )
    assert "chia cho 0" not in job.error  # the exception text stays in the log and the admin's detail


def test_a_refusal_is_not_retried(world, _calls):
    job = submit("test.refused", actor=world.officer_a1)
    runner.run_job(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and job.attempts == 1 and _calls == [job.pk]
    assert job.error == "Không hoàn tất được: Báo cáo đã ký, không tổng hợp lại được."


def test_an_attempt_past_its_timeout_stops_at_its_next_step(world, _calls):
    job = submit("test.count", actor=world.officer_a1)
    token = runner.claim(job.pk)
    job.refresh_from_db()
    progress = Progress(job, token, runner.lease(), job.started_at + timedelta(seconds=job.timeout_seconds))
    progress(1, 3)
    with time_machine.travel(timezone.now() + timedelta(seconds=job.timeout_seconds + 1)):
        with pytest.raises(runner.JobTimedOut):
            progress(2, 3)


def test_a_timed_out_job_is_reported_as_such(world, monkeypatch):
    job = submit("test.count", actor=world.officer_a1, params={"n": 2})
    real = Progress.__call__

    def slow(self, done, total=None, message=None):
        if done == 1:  # the second step comes an hour after the first
            self.deadline -= timedelta(hours=1)
        return real(self, done, total, message)

    monkeypatch.setattr(Progress, "__call__", slow)
    assert runner.run_job(job.pk) == "timed out"
    job.refresh_from_db()
    assert job.status == "queued" and "quá thời gian cho phép (10 phút)" in job.error


def test_a_worker_that_lost_its_lease_writes_nothing(world):
    job = submit("test.count", actor=world.officer_a1)
    token = runner.claim(job.pk)
    job.refresh_from_db()
    stale = Progress(job, token, runner.lease(), timezone.now() + timedelta(hours=1))
    Job.objects.filter(pk=job.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    assert runner.recover_stale() == 1  # the sweep gives the job to another worker
    job.refresh_from_db()
    assert job.status == "queued" and "dừng giữa chừng" in job.error
    with pytest.raises(LeaseLost):
        stale(2, 3)
    with pytest.raises(LeaseLost), stale.complete(message="trễ"):
        Notification.objects.create(user=world.officer_a1, text="không được ghi")
    assert not Notification.objects.filter(text="không được ghi").exists()
    runner.run_job(job.pk)  # the next worker completes it
    job.refresh_from_db()
    assert job.status == "succeeded" and job.attempts == 2
    assert Notification.objects.filter(text=f"Đếm xong job {job.pk}").count() == 1


def test_a_dead_workers_job_fails_once_its_attempts_are_spent(world):
    job = submit("test.count", actor=world.officer_a1)
    Job.objects.filter(pk=job.pk).update(
        status="running", attempts=3, token="x", lease_until=timezone.now() - timedelta(seconds=1)
    )
    assert runner.recover_stale() == 1
    job.refresh_from_db()
    assert job.status == "failed" and job.attempts == 3
    assert job.error.startswith("Không hoàn tất được: tiến trình xử lý đã dừng giữa chừng")
    assert runner.recover_stale() == 0  # settled: nothing left to recover


def test_a_live_lease_is_left_alone(world):
    job = submit("test.count", actor=world.officer_a1)
    runner.claim(job.pk)
    assert runner.recover_stale() == 0
    job.refresh_from_db()
    assert job.status == "running"


def test_a_queued_job_nobody_took_is_sent_again(world, django_capture_on_commit_callbacks, _calls):
    job = submit("test.count", actor=world.officer_a1)  # its on_commit send is never run here
    Job.objects.filter(pk=job.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert runner.recover_stale() == 1
    job.refresh_from_db()
    assert job.status == "succeeded" and _calls == [job.pk]


def test_asking_again_for_a_stuck_job_restarts_it(world, django_capture_on_commit_callbacks, _calls):
    """The "Tổng hợp" of defect 5: a second request never returns a job whose worker is dead."""
    job = submit("test.count", actor=world.officer_a1, key="k")
    runner.claim(job.pk)
    Job.objects.filter(pk=job.pk).update(lease_until=timezone.now() - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        again = submit("test.count", actor=world.officer_a1, key="k")
    assert again.pk == job.pk
    again.refresh_from_db()
    assert again.status == "succeeded" and again.attempts == 2 and _calls == [job.pk]


def test_an_unknown_kind_is_refused_at_submit_and_failed_at_run(world):
    with pytest.raises(LookupError):
        submit("test.nothing")
    job = Job.objects.create(kind="test.gone")
    assert runner.run_job(job.pk) == "unknown kind"
    job.refresh_from_db()
    assert job.status == "failed" and "không còn loại tác vụ này" in job.error
