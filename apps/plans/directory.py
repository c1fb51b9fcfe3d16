"""Agency resolution against the database: printed names on tasks -> Agency / AgencyGroup rows.

The matching itself is pure (``core.agencies``); this module builds the directory of one org unit
from its agencies, groups and remembered aliases, plus those of its superior units (a commune plan
may name "Sở Nội vụ"), and writes the choice an official makes back as a new alias.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.accounts.policy import require
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.orgs.models import Agency, AgencyGroup, Alias, OrgUnit
from apps.plans.models import TaskAgency
from core.agencies import AgencyDirectory, AgencyEntry
from core.text import clean, fold


def agency_directory(org_unit: OrgUnit) -> AgencyDirectory:
    """Entries of the unit first, then of its ancestors, keyed "agency:<pk>" / "group:<pk>"."""
    unit_ids = [org_unit.pk] + [u.pk for u in org_unit.ancestors()]
    aliases: dict[str, list[str]] = {}
    for text, agency_id, group_id in Alias.objects.filter(org_unit_id__in=unit_ids).values_list(
        "text", "agency_id", "group_id"
    ):
        key = f"agency:{agency_id}" if agency_id else f"group:{group_id}"
        aliases.setdefault(key, []).append(text)
    order = {pk: i for i, pk in enumerate(unit_ids)}
    entries: list[tuple[int, AgencyEntry]] = []
    for pk, name, unit_id in Agency.objects.filter(org_unit_id__in=unit_ids, is_active=True).values_list(
        "pk", "name", "org_unit_id"
    ):
        key = f"agency:{pk}"
        entries.append((order[unit_id], AgencyEntry(key, name, aliases.get(key, []), "agency")))
    for pk, name, unit_id in AgencyGroup.objects.filter(org_unit_id__in=unit_ids).values_list(
        "pk", "name", "org_unit_id"
    ):
        key = f"group:{pk}"
        entries.append((order[unit_id], AgencyEntry(key, name, aliases.get(key, []), "group")))
    entries.sort(key=lambda pair: pair[0])
    return AgencyDirectory([entry for _, entry in entries])


def resolve_into(link: TaskAgency, directory: AgencyDirectory) -> TaskAgency:
    """Fill ``link.agency``/``link.group`` from its printed name; unknown names stay unresolved."""
    result = directory.resolve(link.printed)
    link.agency_id = link.group_id = None
    link.score = round(result.score, 3) if result.entry else None
    if result.entry is not None:
        kind, pk = result.entry.key.split(":")
        setattr(link, f"{kind}_id", int(pk))
    return link


def choose_agency(
    actor, link: TaskAgency, target: Agency | AgencyGroup, *, remember: bool = True
) -> TaskAgency:
    """An official maps a printed name to an agency; the mapping is remembered as an alias.

    Remembering is part of correcting a plan, so the unit's CCHC officer may do it (not only admins)."""
    return choose_agency_for_name(actor, link, target, remember=remember)[0]


def same_name_links(link: TaskAgency) -> list[TaskAgency]:
    """Every row of the link's plan printing the same name (compared folded: case, accents, spaces)."""
    key = fold(clean(link.printed))
    candidates = TaskAgency.objects.filter(task__plan_id=link.task.plan_id).select_related("task__plan")
    return [other for other in candidates if fold(clean(other.printed)) == key]


def choose_agency_for_name(
    actor, link: TaskAgency, target: Agency | AgencyGroup, *, remember: bool = True
) -> list[TaskAgency]:
    """One choice for a printed name applies to every row of the plan printing it: a plan names the
    same office on many tasks, and the official should not pick it once per row. One audit event
    on the plan says which name, which agency and how many rows."""
    unit = link.task.plan.org_unit
    require(actor, "plans.manage", unit)
    if target.org_unit_id not in [unit.pk] + [u.pk for u in unit.ancestors()]:
        raise ValidationError("Cơ quan được chọn không thuộc đơn vị này hoặc đơn vị cấp trên.")
    with transaction.atomic():
        links = same_name_links(link)
        with acting_as(actor):
            for row in links:
                row.agency = target if isinstance(target, Agency) else None
                row.group = target if isinstance(target, AgencyGroup) else None
                row.score = 1.0
                row.save()
            record_event(
                link.task.plan,
                f"Chọn “{target.name}” cho tên cơ quan “{clean(link.printed)}” ở {len(links)} dòng.",
            )
        if remember and link.printed.strip() and target.org_unit_id == unit.pk:
            text = clean(link.printed)
            if not Alias.objects.filter(org_unit=unit, key=fold(text)).exists():
                kwargs = {"agency": target} if isinstance(target, Agency) else {"group": target}
                with acting_as(actor):
                    Alias.objects.create(org_unit=unit, text=text, created_by=actor, **kwargs)
    return links
