"""`cchc demo`: load the demo world into the configured database, idempotently.

Later features add steps (seed plans, progress, reports) with ``demo_step``; each step must be
safe to run again without duplicating anything.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from django.db import transaction

from apps.accounts.models import Membership, Role, User
from apps.orgs.models import Agency, AgencyGroup, Alias, OrgUnit
from apps.system import demo_orgs
from core.text import fold

DEFAULT_PASSWORD = "cchc-demo"
_STEPS: list[tuple[int, str, Callable]] = []


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD)


def demo_step(order: int, label: str):
    def register(fn: Callable) -> Callable:
        if all(existing[1] != label for existing in _STEPS):
            _STEPS.append((order, label, fn))
            _STEPS.sort(key=lambda step: step[0])
        return fn

    return register


def _alias(unit: OrgUnit, text: str, *, agency=None, group=None) -> None:
    if not Alias.objects.filter(org_unit=unit, key=fold(text)).exists():
        Alias.objects.create(org_unit=unit, text=text, agency=agency, group=group)


def _load_unit(spec, units: dict[str, OrgUnit]) -> None:
    name, level, parent_name, valid_from, valid_to, agencies, groups = spec
    unit, _ = OrgUnit.objects.get_or_create(
        name=name,
        parent=units.get(parent_name),
        defaults={"level": level, "valid_from": valid_from, "valid_to": valid_to},
    )
    units[name] = unit
    for agency_name, kind, short, aliases in agencies:
        agency, _ = Agency.objects.get_or_create(
            org_unit=unit, name=agency_name, defaults={"kind": kind, "short_name": short}
        )
        for text in aliases:
            _alias(unit, text, agency=agency)
    for group_name, aliases, member_kind, member_level in groups:
        group, created = AgencyGroup.objects.get_or_create(org_unit=unit, name=group_name)
        if created:
            members = Agency.objects.filter(org_unit=unit)
            if member_kind == "all":
                group.members.set(members)
            elif member_kind:
                group.members.set(members.filter(kind=member_kind))
            if member_level:
                group.member_units.set(OrgUnit.objects.filter(level=member_level, parent=unit))
        for text in aliases:
            _alias(unit, text, group=group)


@demo_step(10, "Đơn vị hành chính, cơ quan")
def load_orgs() -> None:
    units: dict[str, OrgUnit] = {u.name: u for u in OrgUnit.objects.filter(parent__isnull=True)}
    for spec in demo_orgs.UNITS:
        _load_unit(spec, units)
    # "UBND cấp xã" of the province covers communes created after the group (re-run safe).
    province = units["tỉnh Thanh Hóa"]
    group = AgencyGroup.objects.get(org_unit=province, name="UBND cấp xã")
    group.member_units.add(*OrgUnit.objects.filter(level="commune", name__in=[u[0] for u in demo_orgs.UNITS]))


@demo_step(20, "Người dùng mẫu")
def load_users() -> None:
    password = demo_password()
    admin, created = User.objects.get_or_create(
        username="admin", defaults={"full_name": "Quản trị hệ thống", "is_staff": True, "is_superuser": True}
    )
    if created:
        admin.set_password(password)
        admin.save()
    for username, full_name, unit_name, agency_name, role in demo_orgs.USERS:
        user, created = User.objects.get_or_create(username=username, defaults={"full_name": full_name})
        if created:
            user.set_password(password)
            user.save()
        unit = OrgUnit.objects.get(name=unit_name)
        agency = Agency.objects.get(org_unit=unit, name=agency_name) if agency_name else None
        Membership.objects.get_or_create(user=user, org_unit=unit, agency=agency, role=role)


def load_demo(log: Callable[[str], None] = print) -> None:
    for _order, label, fn in list(_STEPS):
        with transaction.atomic():
            fn()
        log(f"  ✓ {label}")


def demo_logins() -> list[tuple[str, str]]:
    """(username, description) of the demo accounts that exist in the database."""
    rows = [("admin", "Quản trị toàn hệ thống")] if User.objects.filter(username="admin").exists() else []
    existing = set(
        User.objects.filter(username__in=[u[0] for u in demo_orgs.USERS]).values_list("username", flat=True)
    )
    for username, _name, unit, agency, role in demo_orgs.USERS:
        if username in existing:
            rows.append((username, f"{Role(role).label} — {agency + ', ' if agency else ''}{unit}"))
    return rows
