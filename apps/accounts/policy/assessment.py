"""Rules on the PAR INDEX (apps.assessment): frameworks, rounds, self-scoring, appraisal, results.

A unit scores itself; a superior level appraises it; nobody does both for the same unit. A unit's
scores are its own business until it submits them, and other units of the province see them only
once the round is published. Rules take an ``Assessment`` (or an ``OrgUnit`` for ``appraise``), a
round or a framework; a department's assessment names its agency (``agency_id``) inside the province.
"""

from apps.accounts.models import Role
from apps.accounts.policy import ORG_WIDE_ROLES, Subject, own_roles, rule, unit_id_of

MANAGERS = {Role.OFFICER, Role.ADMIN}


def _province_of(obj) -> int | None:
    return getattr(obj, "province_id", None) or unit_id_of(obj)


@rule("assessment.manage")
def _manage(s: Subject, obj) -> bool:
    """Frameworks, rounds and deadlines, reopenings, council decisions, survey points, publication:
    the CCHC officers (Sở Nội vụ) and admins of the issuing province itself. ``obj`` None asks
    whether the user manages any province's index (to show the forms)."""
    if obj is None:
        return any(m.role in MANAGERS and m.org_unit.level == "province" for m in s.memberships)
    return bool(own_roles(s, _province_of(obj)) & MANAGERS)


@rule("assessment.appraise")
def _appraise(s: Subject, obj) -> bool:
    """Appraise a unit: appraisers of a superior unit, never of their own unit; a department is
    appraised by the province's appraisers, except those who belong to that department."""
    agency_id = getattr(obj, "agency_id", None)
    unit_id = unit_id_of(obj)
    if agency_id:
        mine = {m.agency_id for m in s.memberships}
        return unit_id in s.units_for([Role.APPRAISER]) and agency_id not in mine
    own = {m.org_unit_id for m in s.memberships if m.role == Role.APPRAISER}
    return unit_id in s.units_for([Role.APPRAISER]) and unit_id not in own


@rule("assessment.self_score")
def _self_score(s: Subject, a) -> bool:
    """Self-score, attach evidence, explain between rounds: the unit's own CCHC officers (a
    department's own head and staff). Never someone who appraises that unit."""
    if _appraise(s, a):
        return False
    if getattr(a, "agency_id", None):
        return a.agency_id in s.agencies_with([Role.HEAD, Role.STAFF])
    return Role.OFFICER in own_roles(s, unit_id_of(a))


@rule("assessment.submit")
def _submit(s: Subject, a) -> bool:
    """Send the self-assessment (and the explanation) up: those who score it, or the unit's leader."""
    if _self_score(s, a):
        return True
    return not getattr(a, "agency_id", None) and Role.LEADER in own_roles(s, unit_id_of(a))


def _in_province(s: Subject, province_id: int) -> bool:
    """Does any of the user's units lie in the province (itself or below it)?"""
    cache = s.__dict__.setdefault("_province_members", {})
    if province_id not in cache:
        cache[province_id] = any(
            m.org_unit_id == province_id or province_id in {u.pk for u in m.org_unit.ancestors()}
            for m in s.memberships
        )
    return cache[province_id]


@rule("assessment.view")
def _view(s: Subject, a) -> bool:
    """Read an assessment: its own unit always (a department: its own people, and the province's
    managers); the superior levels once it has been submitted; the whole province once published."""
    department = bool(getattr(a, "agency_id", None))
    if department:
        own = (
            a.agency_id in s.agencies_with([Role.HEAD, Role.STAFF]) or own_roles(s, a.org_unit_id) & MANAGERS
        )
    else:
        own = own_roles(s, unit_id_of(a)) & ORG_WIDE_ROLES
    if own:
        return True
    if a.status != "self":
        if _appraise(s, a):
            return True
        if department and own_roles(s, a.org_unit_id) & ORG_WIDE_ROLES:
            return True
        if not department and unit_id_of(a) in s.units_for(ORG_WIDE_ROLES):
            return True
    return a.status == "published" and _in_province(s, a.round.province_id)


@rule("assessment.results")
def _results(s: Subject, rnd) -> bool:
    """A round's ranking: the province's own org-wide roles (officers, appraisers, leaders) at any
    time; the other units of the province once the round is published."""
    if own_roles(s, rnd.province_id) & ORG_WIDE_ROLES:
        return True
    return rnd.published and _in_province(s, rnd.province_id)


@rule("assessment.read_framework")
def _read_framework(s: Subject, framework) -> bool:
    """A framework is the province's published rulebook: anyone working in the province reads it."""
    return _in_province(s, framework.province_id)
