"""Rules on the follow-up of tasks (apps.tracking)."""

from apps.accounts.models import Role
from apps.accounts.policy import ORG_WIDE_ROLES, Subject, rule, unit_id_of

# --- follow-up of tasks (apps.tracking) -----------------------------------------------------------
# Rules on a task read its agencies through ``task.agencies.all()`` (prefetch them for lists).


def _task_agency_ids(task, role: str | None = None) -> set[int]:
    return {
        link.agency_id
        for link in task.agencies.all()
        if link.agency_id and (role is None or link.role == role)
    }


def _task_unit(task) -> int | None:
    return task.plan.org_unit_id


@rule("tracking.view")
def _view_task(s: Subject, task) -> bool:
    """See a task's follow-up, reports and evidence: org-wide roles of its unit (or above), and the
    heads and staff of its lead and coordinating agencies; not the other agencies of the unit."""
    if _task_unit(task) in s.units_for(ORG_WIDE_ROLES):
        return True
    return bool(_task_agency_ids(task) & s.agencies_with([Role.HEAD, Role.STAFF]))


@rule("tracking.report")
def _report_task(s: Subject, task) -> bool:
    """Write the report of a task's milestone: heads and staff of a lead agency (officers of the
    unit may write on an agency's behalf)."""
    leads = _task_agency_ids(task, "lead")
    if leads & s.agencies_with([Role.HEAD, Role.STAFF]):
        return True
    return bool(leads) and _task_unit(task) in s.units_for([Role.OFFICER, Role.ADMIN])


@rule("tracking.contribute")
def _contribute(s: Subject, task) -> bool:
    """Add a coordinating agency's part to the lead's report: heads and staff of that agency."""
    return bool(_task_agency_ids(task, "coordinating") & s.agencies_with([Role.HEAD, Role.STAFF]))


@rule("tracking.review")
def _review_report(s: Subject, task) -> bool:
    """Accept or return an approved report: the CCHC officers covering the task's unit."""
    return _task_unit(task) in s.units_for([Role.OFFICER])


@rule("tracking.schedule")
def _schedule_milestone(s: Subject, task) -> bool:
    """Date an on-event milestone ("khi có hướng dẫn"): whoever manages the plan."""
    return _task_unit(task) in s.units_for([Role.OFFICER, Role.ADMIN])


@rule("tracking.calendar")
def _edit_calendar(s: Subject, obj) -> bool:
    """The working-day calendar is national: only system superusers (who bypass rules) edit it,
    so a province admin cannot move every other province's deadlines."""
    return False


@rule("tracking.settings")
def _tracking_settings(s: Subject, unit) -> bool:
    """A unit's reminder settings: its admins and CCHC officers."""
    return unit_id_of(unit) in s.units_for([Role.ADMIN, Role.OFFICER])
