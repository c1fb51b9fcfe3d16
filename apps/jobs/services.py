"""Starting background work: ``submit`` creates the job row and enqueues it once the row is committed.

Call it inside the service that decides the work should happen (after its permission check, in its
transaction): if that transaction rolls back, no job is left behind and nothing is enqueued. With a
``key`` there is at most one waiting or running job per key; asking again returns that job (and, if
its worker died, sends it to a live one first), so a second click never starts a second run.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from apps.jobs import registry, runner
from apps.jobs.models import Job


def submit(
    kind: str,
    *,
    actor=None,
    org_unit=None,
    subject=None,
    key: str = "",
    params: dict | None = None,
    message: str = "",
) -> Job:
    """Queue a job of a registered kind; returns it (or the active job with the same key)."""
    spec = registry.get(kind)
    with transaction.atomic():
        if key:
            active = active_job(key)
            if active is not None:
                return active
        try:
            with transaction.atomic():
                job = Job.objects.create(
                    kind=kind,
                    key=key,
                    org_unit=org_unit,
                    created_by=actor if getattr(actor, "pk", None) else None,
                    subject_type=ContentType.objects.get_for_model(subject) if subject is not None else None,
                    subject_id=subject.pk if subject is not None else None,
                    params=params or {},
                    message=message[:500],
                    max_attempts=spec.attempts,
                    timeout_seconds=spec.timeout,
                    lease_until=timezone.now() + runner.queue_grace(),
                )
        except IntegrityError:  # another request queued the same key a moment ago
            if key and (active := active_job(key)) is not None:
                return active
            raise
        runner.dispatch_on_commit(job)
    return job


def active_job(key: str) -> Job | None:
    """The waiting or running job with this key; a stale one is handed to a live worker first."""
    job = Job.objects.filter(key=key, status__in=Job.ACTIVE).first()
    if job is not None and job.lease_until is not None and job.lease_until < timezone.now():
        runner.recover_stale(only=Q(pk=job.pk))
        job.refresh_from_db()
        if job.finished:  # its attempts were spent: a new job may start
            return None
    return job
