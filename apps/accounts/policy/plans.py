"""Rules on an agency's work and a unit's plan."""

from apps.accounts.models import Role
from apps.accounts.policy import Subject, own_roles, rule, unit_id_of
from apps.orgs.models import Agency

# --- work of an agency (progress reports): used by tracking ---------------------------------------
# (Writing a report is ``tracking.report``; a rule "work.edit" without a feature behind it was removed.)


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
