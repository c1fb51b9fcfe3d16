"""Rules on periodic reports (apps.reports)."""

from apps.accounts.models import Role
from apps.accounts.policy import ORG_WIDE_ROLES, Subject, own_roles, rule, unit_id_of

# --- periodic reports (apps.reports) --------------------------------------------------------------
# A report belongs to one unit: its own officers prepare it and its own leader signs it (a province
# officer or leader does not write a commune's report); superior levels read it once submitted.


@rule("reports.prepare")
def _prepare_report(s: Subject, obj) -> bool:
    """Draft, edit, generate, compile and resubmit a unit's report: the unit's own CCHC officers.
    ``obj`` None asks whether the user prepares any report (to show the menu and forms)."""
    if obj is None:
        return any(m.role == Role.OFFICER for m in s.memberships)
    return Role.OFFICER in own_roles(s, unit_id_of(obj))


@rule("reports.submit")
def _submit_report(s: Subject, obj) -> bool:
    """Send a signed report to the superior level: the unit's officers or its leader."""
    return bool(own_roles(s, unit_id_of(obj)) & {Role.OFFICER, Role.LEADER})


@rule("reports.view")
def _view_report(s: Subject, report) -> bool:
    """Read a report: anyone with an org-wide role in the unit itself; superior levels (and their
    appraisers) only once it is submitted, so a draft stays the unit's own business."""
    unit_id = unit_id_of(report)
    if own_roles(s, unit_id) & ORG_WIDE_ROLES:
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
    return Role.OFFICER in own_roles(s, unit_id_of(unit))


@rule("reports.periods")
def _configure_periods(s: Subject, unit) -> bool:
    """Set a unit's reporting cadence (it applies to its subordinates too): admins and officers
    of the unit or of a superior unit."""
    return unit_id_of(unit) in s.units_for([Role.ADMIN, Role.OFFICER])
