"""Rules on an agency's work and a unit's plan."""

from apps.accounts.models import Role
from apps.accounts.policy import Subject, own_roles, rule, unit_id_of
from apps.orgs.models import Agency

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
    return Role.LEADER in own_roles(s, unit_id_of(obj))
