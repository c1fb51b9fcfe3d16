"""Fault test: kill -9 the worker importing a file, start another: the import completes once.

A real `cchc worker` on the test's database imports 12,000 dossiers, pausing after each progress
report; it is killed while reading. The next worker must take the job over when its lease runs out
and import the file exactly once: the job succeeds on its second attempt, every dossier is there
once, the roll-ups match, the import is recorded once, and the dead attempt wrote nothing.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum

from apps.audit.models import AuditEntry
from apps.dossiers import services
from apps.dossiers.models import Dossier, DossierImport, DossierRollup
from apps.jobs.models import Job
from apps.jobs.testing import WorkerProcess, wait_for
from core.dossiers.synthetic import COLUMNS, generate
from tests.apps.dossiers.conftest import CAL

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
ROWS = 12000


def test_a_killed_import_completes_once_on_the_next_worker(world, catalogue, write_csv, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.CCHC_TASK_BACKEND = "db"
    rows = [dict(zip(COLUMNS, v, strict=True)) for v in generate(["xã An Một", "xã An Hai"], ROWS // 2,
            date(2025, 1, 1), date(2025, 9, 30), datetime(2025, 10, 1), CAL.is_working_day)]  # fmt: skip
    for r in rows:
        r["MaTTHC"], r["MaLinhVuc"], r["LePhi"] = "1.001193", "HT", "0"
    path = write_csv(rows)
    upload = SimpleUploadedFile("ho-so.csv", path.read_bytes())
    env = {"MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    with WorkerProcess(step_delay=2.0, env=env) as first:
        imp = services.upload(world.officer_a, upload)
        job = Job.objects.get(kind="dossiers.import")
        running = wait_for(lambda: Job.objects.filter(pk=job.pk, status="running", done__gt=0).first(),
                           timeout=90, what="the import reading the file")  # fmt: skip
        first.kill()
    job.refresh_from_db()
    assert job.status == "running" and job.attempts == 1
    assert not Dossier.objects.exists() and not DossierRollup.objects.exists()  # nothing half-written

    with WorkerProcess(env=env) as second:
        wait_for(lambda: Job.objects.get(pk=job.pk).finished, timeout=180, what="the job finished")
        job.refresh_from_db()
        assert job.status == "succeeded", (job.error, second.output())
    assert job.attempts == 2 and job.worker != running.worker
    imp.refresh_from_db()
    assert (imp.status, imp.created, imp.errors) == ("done", ROWS, 0)
    assert Dossier.objects.count() == ROWS and Dossier.objects.values("code").distinct().count() == ROWS
    assert DossierRollup.objects.aggregate(n=Sum("received"))["n"] == ROWS
    assert AuditEntry.objects.filter(action="event", message__contains="Nhập hồ sơ từ").count() == 1
    assert DossierImport.objects.count() == 1
