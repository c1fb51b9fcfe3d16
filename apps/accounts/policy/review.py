"""Rules on plan review (apps.review)."""

from apps.accounts.models import Role
from apps.accounts.policy import Subject, rule, unit_id_of
from apps.orgs.models import OrgUnit

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
