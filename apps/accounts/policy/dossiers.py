"""Rules on the dossier register and its indicators (apps.dossiers, apps.indicators, apps.api)."""

from apps.accounts.models import Role
from apps.accounts.policy import ORG_WIDE_ROLES, Subject, own_roles, rule, unit_id_of

IMPORTERS = {Role.ADMIN, Role.OFFICER}


def import_scope(s: Subject) -> set[int] | None:
    """Units whose dossiers the user may import (None: every unit, for the superuser)."""
    return None if s.is_root else s.units_for(IMPORTERS)


@rule("dossiers.view")
def _view(s: Subject, obj) -> bool:
    """See a unit's dossiers, indicators and imports: anyone with a membership covering the unit
    (an import without a unit: whoever may import at all). ``obj`` None: any unit at all."""
    if obj is None:
        return bool(s.units_for())
    unit_id = unit_id_of(obj)
    if unit_id is None:
        return any(m.role in IMPORTERS for m in s.memberships)
    return unit_id in s.units_for()


@rule("dossiers.import")
def _import(s: Subject, obj) -> bool:
    """Import dossiers (files or mappings) for a unit: its admins and CCHC officers, or those of a
    superior unit. ``obj`` None asks whether the user may import for any unit."""
    if obj is None:
        return bool(s.units_for(IMPORTERS))
    return unit_id_of(obj) in s.units_for(IMPORTERS)


@rule("dossiers.catalogue")
def _catalogue(s: Subject, obj) -> bool:
    """Edit the procedure catalogue (shared by every unit): admins and officers at province level."""
    return any(m.role in IMPORTERS and m.org_unit.level == "province" for m in s.memberships)


@rule("dossiers.apology")
def _apology(s: Subject, dossier) -> bool:
    """Record the apology letter of a late dossier: the unit's officers and admins, or the head and
    staff of the agency that handles it."""
    if unit_id_of(dossier) in s.units_for(IMPORTERS):
        return True
    agency_id = getattr(dossier, "agency_id", None)
    return agency_id is not None and agency_id in s.agencies_with({Role.HEAD, Role.STAFF})


@rule("indicators.enter")
def _enter(s: Subject, unit) -> bool:
    """Enter or import an indicator figure that dossiers cannot give (national counts, catalogue
    publication, petitions): the unit's own CCHC officers."""
    return Role.OFFICER in own_roles(s, unit_id_of(unit))


@rule("indicators.view")
def _indicators(s: Subject, unit) -> bool:
    """See a unit's indicators: org-wide roles covering it (agency staff see their dossiers only)."""
    if unit is None:
        return bool(s.units_for(ORG_WIDE_ROLES))
    return unit_id_of(unit) in s.units_for(ORG_WIDE_ROLES)


@rule("api.tokens")
def _tokens(s: Subject, unit) -> bool:
    """Issue and revoke the push tokens of a unit's one-stop system: its admins (or a superior's)."""
    if unit is None:
        return bool(s.units_for([Role.ADMIN]))
    return unit_id_of(unit) in s.units_for([Role.ADMIN])
