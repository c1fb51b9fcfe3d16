"""Rules on citizen voice (apps.citizen): petitions, survey rounds, ratings, official SIPAS results.

A petition belongs to one unit. Its own officers receive, classify, assign and publish it; the
assigned agency answers it; the agency's head or the unit's leader approves the answer. Superior
levels read (to oversee and compile) but do not handle a commune's petitions. The public pages
ask nothing of this module: they show only what a tracking code or a signed link opens.
"""

from apps.accounts.models import Role
from apps.accounts.policy import ORG_WIDE_ROLES, Subject, own_roles, rule, unit_id_of

HANDLERS = {Role.OFFICER, Role.ADMIN}


def _agency_roles(s: Subject, petition, roles) -> bool:
    agency_id = getattr(petition, "agency_id", None)
    return bool(agency_id) and agency_id in s.agencies_with(roles)


@rule("citizen.view")
def _view(s: Subject, obj) -> bool:
    """See petitions (with the sender's contact): org-wide roles of the unit or above; heads and
    staff of the agency a petition is assigned to (that petition only)."""
    if unit_id_of(obj) in s.units_for(ORG_WIDE_ROLES):
        return True
    return _agency_roles(s, obj, [Role.HEAD, Role.STAFF])


@rule("citizen.receive")
def _receive(s: Subject, obj) -> bool:
    """Enter a petition taken by phone, letter or the national portal; classify, redirect, ask for
    a supplement, assign, transfer: the unit's own CCHC officers and admins. ``obj`` None asks
    whether the user receives petitions anywhere (menu, forms)."""
    if obj is None:
        return any(m.role in HANDLERS for m in s.memberships)
    return bool(own_roles(s, unit_id_of(obj)) & HANDLERS)


@rule("citizen.answer")
def _answer(s: Subject, petition) -> bool:
    """Draft the answer: heads and staff of the assigned agency; the unit's own officers."""
    if _agency_roles(s, petition, [Role.HEAD, Role.STAFF]):
        return True
    return Role.OFFICER in own_roles(s, unit_id_of(petition))


@rule("citizen.approve")
def _approve(s: Subject, petition) -> bool:
    """Approve or return the answer: the head of the assigned agency, or the unit's own leader."""
    if _agency_roles(s, petition, [Role.HEAD]):
        return True
    return Role.LEADER in own_roles(s, unit_id_of(petition))


@rule("citizen.publish")
def _publish(s: Subject, petition) -> bool:
    """Publish the approved answer on the public page: the unit's own officers and admins."""
    return bool(own_roles(s, unit_id_of(petition)) & HANDLERS)


@rule("citizen.surveys")
def _surveys(s: Subject, unit) -> bool:
    """Run survey rounds (questionnaire, open, close, paper forms, export) and import the official
    SIPAS results: officers and admins of the unit or of a superior unit. ``None``: anywhere."""
    if unit is None:
        return any(m.role in HANDLERS for m in s.memberships)
    return unit_id_of(unit) in s.units_for(HANDLERS)


@rule("citizen.results")
def _results(s: Subject, unit) -> bool:
    """Read survey results, ratings and citizen-voice figures: org-wide roles of the unit or above."""
    if unit is None:
        return bool(s.units_for(ORG_WIDE_ROLES))
    return unit_id_of(unit) in s.units_for(ORG_WIDE_ROLES)


@rule("citizen.rating_slip")
def _rating_slip(s: Subject, dossier) -> bool:
    """Print the rating code and QR of a dossier's receipt: anyone working in the dossier's unit
    (the one-stop centre's staff first), and org-wide roles above it."""
    unit_id = unit_id_of(dossier)
    if any(m.org_unit_id == unit_id for m in s.memberships):
        return True
    return unit_id in s.units_for(ORG_WIDE_ROLES)
