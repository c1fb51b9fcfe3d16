"""The status of one job: a page, or (for HTMX polls) just its box."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from apps.accounts.policy import can
from apps.jobs.models import Job
from apps.jobs.selectors import status_context


@login_required
def status(request, pk: int):
    job = get_object_or_404(Job.objects.select_related("org_unit", "created_by"), pk=pk)
    if not can(request.user, "jobs.view", job):
        raise Http404("Không tìm thấy.")
    if request.htmx:
        return render(request, "jobs/_status.html", status_context(job))
    return render(request, "jobs/job.html", {"job": job})
