"""Reads of jobs for pages: the latest job of an object, and what the status fragment shows."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from apps.jobs.models import Job

WAITING_HINT_AFTER = timedelta(minutes=2)


def latest_for(subject, kind: str | None = None) -> Job | None:
    """The most recent job about ``subject`` (of ``kind``), for the page that shows its status."""
    jobs = Job.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).select_related("created_by")
    if kind:
        jobs = jobs.filter(kind=kind)
    return jobs.order_by("-created_at", "-pk").first()


def status_context(job: Job) -> dict:
    """What the status fragment needs: the kind, the result link, and plain hints when it is stuck."""
    spec = job.spec
    now = timezone.now()
    lease_over = job.lease_until is not None and job.lease_until < now
    result_url = ""
    if job.status == Job.Status.SUCCEEDED and spec and spec.result_url:
        result_url = spec.result_url(job)
    return {
        "job": job,
        "spec": spec,
        "unit": spec.unit if spec else "",
        "result_url": result_url,
        "result_label": spec.result_label if spec else "",
        "stalled": job.status == Job.Status.RUNNING and lease_over,
        "no_worker": job.status == Job.Status.QUEUED
        and not job.error
        and job.created_at < now - WAITING_HINT_AFTER,
    }
