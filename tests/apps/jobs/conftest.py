"""Job kinds for the job layer's own tests: plain functions, as an app would write them.

``test.count`` counts to ``params["n"]`` reporting progress, and writes its result (a ``Notification``
for the job's creator, a real row of another app) with ``progress.complete``; ``test.broken`` always
raises; ``test.refused`` fails for good with a Vietnamese reason.
"""

from __future__ import annotations

import pytest

from apps.jobs.progress import JobFailed
from apps.jobs.registry import job_kind
from apps.tracking.models import Notification

CALLS: list[int] = []


@job_kind("test.count", label="Đếm thử", unit="bước", attempts=3, view_rule="orgs.view")
def count(job, progress):
    CALLS.append(job.pk)
    n = job.params.get("n", 3)
    for i in range(n + 1):
        progress(i, n, f"Bước {i}")
    with progress.complete(message=f"Đã đếm đến {n}.", result={"n": n}):
        Notification.objects.create(user=job.created_by, text=f"Đếm xong job {job.pk}")


@job_kind("test.broken", label="Luôn lỗi", attempts=2)
def broken(job, progress):
    CALLS.append(job.pk)
    progress(0, 1)
    raise ZeroDivisionError("chia cho 0")


@job_kind("test.refused", label="Bị từ chối", attempts=3)
def refused(job, progress):
    CALLS.append(job.pk)
    raise JobFailed("Báo cáo đã ký, không tổng hợp lại được.")


@pytest.fixture(autouse=True)
def _calls():
    CALLS.clear()
    yield CALLS
