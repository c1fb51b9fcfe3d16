"""Rules on organisations, people and the audit trail."""

from apps.accounts.models import Role
from apps.accounts.policy import Subject, rule, unit_id_of

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
