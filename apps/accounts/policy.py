"""The one place that answers "may this user do this to this object".

Every view and service asks ``can``/``require`` and lists with ``visible_units``; nothing else
decides permissions. Scope comes from memberships: a membership in a province (or a pre-2025
district) covers the unit and everything under it; a membership in a commune covers only that
commune. Agency-bound roles (head, staff) edit only their own agency's work.

Rules are registered per action name with ``@rule``; later apps add their own actions here so the
whole policy stays readable in one module family.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import PermissionDenied

from apps.accounts.models import Role
from apps.orgs.models import Agency, OrgUnit

RuleFn = Callable[["Subject", object], bool]
_RULES: dict[str, RuleFn] = {}

ORG_WIDE_ROLES = {Role.ADMIN, Role.OFFICER, Role.LEADER, Role.APPRAISER, Role.VIEWER}


def rule(action: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        _RULES[action] = fn
        return fn

    return register


class Subject:
    """A user's memberships resolved once per request: which units each role covers."""

    def __init__(self, user) -> None:
        self.user = user
        self.is_root = bool(user.is_authenticated and user.is_active and user.is_superuser)
        self.memberships = (
            list(user.memberships.select_related("org_unit", "agency")) if user.is_authenticated else []
        )
        self._covered: dict[str, set[int]] = {}
        self._subtree_cache: dict[int, set[int]] = {}

    def _subtree(self, unit: OrgUnit) -> set[int]:
        if unit.pk not in self._subtree_cache:
            self._subtree_cache[unit.pk] = unit.subtree_ids()
        return self._subtree_cache[unit.pk]

    def units_for(self, roles: Iterable[str] | None = None) -> set[int]:
        """Ids of the units covered by the user's memberships in ``roles`` (all roles when None)."""
        key = ",".join(sorted(roles)) if roles is not None else "*"
        if key not in self._covered:
            wanted = set(roles) if roles is not None else None
            ids: set[int] = set()
            for m in self.memberships:
                if wanted is None or m.role in wanted:
                    ids |= self._subtree(m.org_unit)
            self._covered[key] = ids
        return self._covered[key]

    def has_role(self, role: str, unit_id: int | None) -> bool:
        return unit_id is not None and unit_id in self.units_for([role])

    def agencies_with(self, roles: Iterable[str]) -> set[int]:
        wanted = set(roles)
        return {m.agency_id for m in self.memberships if m.role in wanted and m.agency_id}


def subject(user) -> Subject:
    """The cached Subject of a user (one per user object, i.e. per request)."""
    cached = getattr(user, "_cchc_subject", None)
    if cached is None:
        cached = Subject(user)
        try:
            user._cchc_subject = cached
        except AttributeError:  # AnonymousUser is immutable enough to refuse; recompute then
            pass
    return cached


def can(user, action: str, obj=None) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    s = subject(user)
    if s.is_root:
        return True
    fn = _RULES.get(action)
    if fn is None:
        raise KeyError(f"Unknown action {action!r}")
    return bool(fn(s, obj))


def require(user, action: str, obj=None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")


def visible_units(user):
    """Org units the user may see, as a queryset (all of them for a system superuser)."""
    if not getattr(user, "is_authenticated", False):
        return OrgUnit.objects.none()
    s = subject(user)
    if s.is_root:
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(pk__in=s.units_for())


def unit_id_of(obj) -> int | None:
    """The org unit an object belongs to: itself, or its ``org_unit``."""
    if obj is None:
        return None
    if isinstance(obj, OrgUnit):
        return obj.pk
    return getattr(obj, "org_unit_id", None)


# --- organisations and people -------------------------------------------------------------------


@rule("orgs.view")
def _view_unit(s: Subject, obj) -> bool:
    return unit_id_of(obj) in s.units_for()


@rule("orgs.manage")
def _manage_orgs(s: Subject, obj) -> bool:
    """Create and edit units, agencies, groups and aliases: admins within their scope.

    ``obj`` None asks whether the user manages anything at all (to show the menu)."""
    if obj is None:
        return bool(s.units_for([Role.ADMIN]))
    return s.has_role(Role.ADMIN, unit_id_of(obj))


@rule("orgs.create_top")
def _create_top(s: Subject, obj) -> bool:
    """A new top-level unit (a province): only a system superuser, who bypasses the rules."""
    return False


@rule("accounts.manage")
def _manage_users(s: Subject, obj) -> bool:
    return _manage_orgs(s, obj)


@rule("audit.view")
def _view_audit(s: Subject, obj) -> bool:
    roles = [Role.ADMIN, Role.OFFICER]
    if obj is None:
        return bool(s.units_for(roles))
    return unit_id_of(obj) in s.units_for(roles)


# --- work of an agency (tasks, progress reports): used by tracking ---------------------------------


@rule("work.edit")
def _edit_work(s: Subject, agency) -> bool:
    """Report on an agency's work: its own head and staff, or the officers of its unit."""
    if not isinstance(agency, Agency):
        return False
    if agency.pk in s.agencies_with([Role.HEAD, Role.STAFF]):
        return True
    return agency.org_unit_id in s.units_for([Role.OFFICER, Role.ADMIN])


@rule("work.approve")
def _approve_work(s: Subject, agency) -> bool:
    """Approve an agency's report before it goes up: only the head of that agency."""
    return isinstance(agency, Agency) and agency.pk in s.agencies_with([Role.HEAD])


@rule("plans.manage")
def _manage_plans(s: Subject, obj) -> bool:
    """Import, correct and assign a unit's plan: its CCHC officers (and admins)."""
    if obj is None:
        return bool(s.units_for([Role.OFFICER, Role.ADMIN]))
    return unit_id_of(obj) in s.units_for([Role.OFFICER, Role.ADMIN])


@rule("reports.sign")
def _sign_report(s: Subject, obj) -> bool:
    """Sign a unit's report: the leader of that unit itself (a province leader does not sign for a
    commune, though their membership covers it)."""
    return Role.LEADER in _own_roles(s, unit_id_of(obj))


@rule("assessment.appraise")
def _appraise(s: Subject, obj) -> bool:
    """Appraise a subordinate unit: appraisers of a superior unit, never of their own unit."""
    unit_id = unit_id_of(obj)
    own = {m.org_unit_id for m in s.memberships if m.role == Role.APPRAISER}
    return unit_id in s.units_for([Role.APPRAISER]) and unit_id not in own


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
    unit may write on an agency's behalf, as ``work.edit`` allows)."""
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


# --- plan review (apps.review) ----------------------------------------------------------------------

REVIEW_COVERAGE_ROLES = [Role.ADMIN, Role.OFFICER, Role.APPRAISER, Role.LEADER]


@rule("review.dismiss")
def _dismiss_finding(s: Subject, obj) -> bool:
    """Dismiss a finding of a unit's plan (with a reason): the officers who correct the plan."""
    return unit_id_of(obj) in s.units_for([Role.OFFICER, Role.ADMIN])


@rule("review.align")
def _align_plan(s: Subject, obj) -> bool:
    """Link a unit's tasks to the superior plan's tasks, or correct a link: the same officers."""
    return unit_id_of(obj) in s.units_for([Role.OFFICER, Role.ADMIN])


@rule("review.coverage")
def _coverage(s: Subject, obj) -> bool:
    """Compare subordinate plans with a superior plan: officers, appraisers, leaders and admins of a
    province (or pre-2025 district). ``obj`` None asks whether the user may see any such matrix."""
    superior_levels = {OrgUnit.Level.PROVINCE, OrgUnit.Level.DISTRICT}
    if obj is None:
        return any(
            m.role in REVIEW_COVERAGE_ROLES and m.org_unit.level in superior_levels for m in s.memberships
        )
    unit = obj if isinstance(obj, OrgUnit) else getattr(obj, "org_unit", None)
    if unit is None or unit.level not in superior_levels:
        return False
    return unit.pk in s.units_for(REVIEW_COVERAGE_ROLES)


# --- periodic reports (apps.reports) --------------------------------------------------------------
# A report belongs to one unit: its own officers prepare it and its own leader signs it (a province
# officer or leader does not write a commune's report); superior levels read it once submitted.


def _own_roles(s: Subject, unit_id: int | None) -> set[str]:
    """Roles the user holds in the unit itself (not through a superior unit)."""
    return {m.role for m in s.memberships if m.org_unit_id == unit_id}


@rule("reports.prepare")
def _prepare_report(s: Subject, obj) -> bool:
    """Draft, edit, generate, compile and resubmit a unit's report: the unit's own CCHC officers.
    ``obj`` None asks whether the user prepares any report (to show the menu and forms)."""
    if obj is None:
        return any(m.role == Role.OFFICER for m in s.memberships)
    return Role.OFFICER in _own_roles(s, unit_id_of(obj))


@rule("reports.submit")
def _submit_report(s: Subject, obj) -> bool:
    """Send a signed report to the superior level: the unit's officers or its leader."""
    return bool(_own_roles(s, unit_id_of(obj)) & {Role.OFFICER, Role.LEADER})


@rule("reports.view")
def _view_report(s: Subject, report) -> bool:
    """Read a report: anyone with an org-wide role in the unit itself; superior levels (and their
    appraisers) only once it is submitted, so a draft stays the unit's own business."""
    unit_id = unit_id_of(report)
    if _own_roles(s, unit_id) & ORG_WIDE_ROLES:
        return True
    submitted = getattr(report, "status", None) == "submitted"
    return submitted and unit_id in s.units_for(ORG_WIDE_ROLES)


@rule("reports.oversee")
def _oversee_reports(s: Subject, unit) -> bool:
    """See which subordinate units are due and who has submitted: org-wide roles above them."""
    return unit_id_of(unit) in s.units_for(ORG_WIDE_ROLES)


@rule("reports.indicators")
def _enter_indicators(s: Subject, unit) -> bool:
    """Enter a unit's indicator values by hand: its own CCHC officers."""
    return Role.OFFICER in _own_roles(s, unit_id_of(unit))


@rule("reports.periods")
def _configure_periods(s: Subject, unit) -> bool:
    """Set a unit's reporting cadence (it applies to its subordinates too): admins and officers
    of the unit or of a superior unit."""
    return unit_id_of(unit) in s.units_for([Role.ADMIN, Role.OFFICER])
