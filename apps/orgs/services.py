"""Writes on organisations. Each takes the acting user, checks the policy, runs in one transaction.

Validation errors carry Vietnamese messages meant for the official who typed the data.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.accounts.policy import require
from apps.audit.context import acting_as
from apps.orgs.models import Agency, AgencyGroup, Alias, OrgUnit, OrgUnitChange
from core.text import clean, fold


def _same_name_exists(qs, name: str, exclude_pk: int | None) -> bool:
    """Duplicate names are judged accent- and case-insensitively ("Phòng Kinh tế" = "phòng kinh tế")."""
    key = fold(name)
    return any(fold(other) == key for other in qs.exclude(pk=exclude_pk).values_list("name", flat=True))


def save_unit(actor, unit: OrgUnit) -> OrgUnit:
    """Create or edit a unit. Moving or creating under a parent needs rights on that parent too;
    a top-level unit (a new province) only a system superuser may create."""
    if unit.pk:
        require(actor, "orgs.manage", OrgUnit.objects.get(pk=unit.pk))
    if unit.parent_id:
        require(actor, "orgs.manage", unit.parent)
    elif not unit.pk or OrgUnit.objects.filter(pk=unit.pk, parent__isnull=False).exists():
        require(actor, "orgs.create_top")
    unit.name = clean(unit.name)
    unit.full_clean()
    siblings = OrgUnit.objects.filter(parent_id=unit.parent_id)
    if _same_name_exists(siblings, unit.name, unit.pk):
        raise ValidationError({"name": f'Đã có đơn vị tên "{unit.name}" ở cùng cấp trên.'})
    with acting_as(actor), transaction.atomic():
        unit.save()
    return unit


def save_agency(actor, agency: Agency) -> Agency:
    require(actor, "orgs.manage", agency.org_unit)
    agency.name = clean(agency.name)
    agency.full_clean(validate_unique=False)
    if _same_name_exists(Agency.objects.filter(org_unit_id=agency.org_unit_id), agency.name, agency.pk):
        raise ValidationError({"name": f'{agency.org_unit} đã có cơ quan tên "{agency.name}".'})
    with acting_as(actor), transaction.atomic():
        agency.save()
    return agency


def save_group(actor, group: AgencyGroup, members=None, member_units=None) -> AgencyGroup:
    require(actor, "orgs.manage", group.org_unit)
    group.name = clean(group.name)
    group.full_clean(validate_unique=False)
    if _same_name_exists(AgencyGroup.objects.filter(org_unit_id=group.org_unit_id), group.name, group.pk):
        raise ValidationError({"name": f'{group.org_unit} đã có nhóm tên "{group.name}".'})
    with acting_as(actor), transaction.atomic():
        group.save()
        if members is not None:
            foreign = [a for a in members if a.org_unit_id != group.org_unit_id]
            if foreign:
                raise ValidationError({"members": "Chỉ chọn cơ quan thuộc cùng đơn vị với nhóm."})
            group.members.set(members)
        if member_units is not None:
            group.member_units.set(member_units)
    return group


def add_alias(
    actor, org_unit: OrgUnit, text: str, *, agency: Agency | None = None, group: AgencyGroup | None = None
) -> Alias:
    """Remember a printed name for an agency or group; refused when it already means something else."""
    require(actor, "orgs.manage", org_unit)
    text = clean(text)
    if not text:
        raise ValidationError({"text": "Tên gọi khác không được để trống."})
    existing = (
        Alias.objects.filter(org_unit=org_unit, key=fold(text)).select_related("agency", "group").first()
    )
    if existing:
        if existing.agency_id == getattr(agency, "pk", None) and existing.group_id == getattr(
            group, "pk", None
        ):
            return existing
        target = existing.agency or existing.group
        raise ValidationError({"text": f'Tên "{text}" đã được dùng cho "{target}".'})
    with acting_as(actor), transaction.atomic():
        return Alias.objects.create(
            org_unit=org_unit, text=text, agency=agency, group=group, created_by=actor
        )


def delete_alias(actor, alias: Alias) -> None:
    """Forget a remembered printed name; tasks already resolved keep their agency."""
    require(actor, "orgs.manage", alias.org_unit)
    with acting_as(actor), transaction.atomic():
        alias.delete()


def merge_units(
    actor, predecessors: list[OrgUnit], result: OrgUnit, effective: date, note: str = ""
) -> OrgUnitChange:
    """Record that ``predecessors`` were merged into ``result`` on ``effective`` (as on 01/7/2025).

    The old units stay (their plans and history keep pointing at them) but end the day before."""
    if not predecessors:
        raise ValidationError("Chọn ít nhất một đơn vị trước sáp nhập.")
    if result in predecessors:
        raise ValidationError("Đơn vị sau sáp nhập không được nằm trong danh sách đơn vị bị sáp nhập.")
    for unit in [*predecessors, result]:
        require(actor, "orgs.manage", unit)
    with acting_as(actor), transaction.atomic():
        change = OrgUnitChange.objects.create(
            kind=OrgUnitChange.Kind.MERGE, effective_date=effective, result=result, note=note
        )
        change.predecessors.set(predecessors)
        for unit in predecessors:
            unit.valid_to = date.fromordinal(effective.toordinal() - 1)
            unit.successor = result
            unit.save()
        if result.valid_from is None:
            result.valid_from = effective
            result.save()
    return change


def rename_unit(actor, unit: OrgUnit, new_name: str, effective: date, note: str = "") -> OrgUnitChange:
    require(actor, "orgs.manage", unit)
    old_name = unit.name
    unit.name = clean(new_name)
    try:
        with acting_as(actor), transaction.atomic():
            save_unit(actor, unit)
            return OrgUnitChange.objects.create(
                kind=OrgUnitChange.Kind.RENAME,
                effective_date=effective,
                result=unit,
                old_name=old_name,
                note=note,
            )
    except IntegrityError as exc:
        unit.name = old_name
        raise ValidationError("Tên mới trùng với đơn vị khác.") from exc
