"""The system administrator's card on the home page: what waits for an administrator's hand.

Two things nobody else acts on: background jobs that failed lately (a failed job tells its user
"Đề nghị báo quản trị hệ thống") and people who hold no role anywhere (they log in to an empty
page). Shown only to system administrators: the superuser, and holders of the admin role
(``Role.ADMIN``, "Quản trị hệ thống"), each within their own scope as everywhere else: a unit's
admin sees the failed jobs of the units they administer, never a system-wide job (those are the
superuser's, as in the ``jobs.view`` rule). A person with no role belongs to no unit, so only the
superuser can open them (``accounts.selectors.users_for``) and only the superuser is shown them.

Bounded whatever the data: each list is one query of at most ``LIMIT`` rows carrying its full
count (a window count, so no second query); links to a job's page are resolved on those rows only.
"""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Count, QuerySet, Window
from django.utils import timezone

from apps.accounts.models import Membership, Role, User
from apps.accounts.policy import can, subject
from apps.jobs.models import Job

FAILED_DAYS = 7  # how far back a failed job is still news
LIMIT = 5  # rows per list; the count says how many there are in all


def _first_rows(qs: QuerySet) -> tuple[list, int]:
    """The first ``LIMIT`` rows and the number of rows in all, in one query."""
    rows = list(qs.annotate(n_all=Window(Count("pk")))[:LIMIT])
    return rows, (rows[0].n_all if rows else 0)


def failed_jobs(user) -> tuple[list[Job], int]:
    """Jobs that failed in the last ``FAILED_DAYS`` days within the user's administration, the
    latest first; each row says whether its page may be opened (``job.openable``)."""
    s = subject(user)
    since = timezone.now() - timedelta(days=FAILED_DAYS)
    qs = Job.objects.filter(status=Job.Status.FAILED, finished_at__gte=since)
    if not s.is_root:
        qs = qs.filter(org_unit_id__in=s.units_for([Role.ADMIN])).prefetch_related("subject")
    jobs, total = _first_rows(qs.select_related("org_unit").order_by("-finished_at", "-pk"))
    for job in jobs:  # a link shown must open: the job page asks the same rule
        job.openable = can(user, "jobs.view", job)
    return jobs, total


def users_without_role() -> tuple[list[User], int]:
    """Active people with no role in any unit (superusers need none): someone must give them one."""
    qs = User.objects.filter(is_active=True, is_superuser=False).exclude(
        pk__in=Membership.objects.values("user_id")
    )
    return _first_rows(qs.order_by("username"))


def is_system_admin(user) -> bool:
    """The superuser, or whoever holds the admin role in some unit."""
    s = subject(user)
    return s.is_root or any(m.role == Role.ADMIN for m in s.memberships)


def admin_panel(user) -> dict | None:
    if not is_system_admin(user):
        return None
    jobs, n_jobs = failed_jobs(user)
    panel = {"failed_jobs": jobs, "n_failed_jobs": n_jobs, "failed_days": FAILED_DAYS}
    panel["jobs_admin"] = user.is_staff and user.has_perm("jobs.view_job")
    if subject(user).is_root:
        panel["users_without_role"], panel["n_users_without_role"] = users_without_role()
    return panel
