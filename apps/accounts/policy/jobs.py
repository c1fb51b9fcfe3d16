"""Rules on background jobs (apps.jobs)."""

from apps.accounts.policy import Subject, can, rule


@rule("jobs.view")
def _view_job(s: Subject, job) -> bool:
    """See a job's progress and outcome: whoever started it, and whoever may see what it works on
    (the kind's ``view_rule`` asked on its subject, or its org unit); system jobs only the superuser."""
    if job.created_by_id is not None and job.created_by_id == s.user.pk:
        return True
    spec = job.spec
    target = job.subject if job.subject_id is not None else job.org_unit
    return bool(spec and spec.view_rule and target is not None and can(s.user, spec.view_rule, target))
