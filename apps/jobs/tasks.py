"""The one task that Django's Tasks API carries: "run job N". The job row says what to run."""

from __future__ import annotations

from django_tasks import task

from apps.jobs import runner


@task()
def run_job_task(job_id: int) -> str:
    return runner.run_job(job_id)
