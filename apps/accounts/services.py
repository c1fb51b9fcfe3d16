"""Writes on people and their roles: acting user first, policy check, one transaction, audit.

An admin manages people only inside their scope: a membership is given or taken in a unit they
administer, and a person is edited only when all of that person's roles lie in that scope
(``selectors.may_edit_user``), so a commune admin cannot reset a province officer's password.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from apps.accounts.models import Membership, User
from apps.accounts.policy import require
from apps.accounts.selectors import may_edit_user
from apps.audit.context import acting_as


def _may_edit(actor, person: User) -> None:
    require(actor, "accounts.manage")
    if person.pk and not may_edit_user(actor, person):
        raise PermissionDenied("Người dùng này có vai trò ngoài phạm vi bạn quản trị.")


def _check_membership(membership: Membership) -> None:
    if Membership.objects.filter(
        user=membership.user,
        org_unit=membership.org_unit,
        agency=membership.agency,
        role=membership.role,
    ).exists():
        raise ValidationError("Người dùng đã có vai trò này.")
    membership.full_clean(exclude=["user"])


def create_user(actor, person: User, membership: Membership) -> User:
    """A new person with their first role, both or neither (``person`` carries its password hash)."""
    require(actor, "accounts.manage", membership.org_unit)
    if person.pk is not None:
        raise ValidationError("Người dùng này đã có trên hệ thống.")
    with transaction.atomic(), acting_as(actor):
        person.save()
        membership.user = person
        _check_membership(membership)
        membership.save()
    return person


def save_user(actor, person: User) -> User:
    """Save an edited person (name, contact, active, a new password) within the admin's scope."""
    _may_edit(actor, person)
    with transaction.atomic(), acting_as(actor):
        person.save()
    return person


def add_membership(actor, person: User, membership: Membership) -> Membership:
    _may_edit(actor, person)
    require(actor, "accounts.manage", membership.org_unit)
    membership.user = person
    with transaction.atomic(), acting_as(actor):
        _check_membership(membership)
        membership.save()
    return membership


def remove_membership(actor, membership: Membership) -> None:
    _may_edit(actor, membership.user)
    require(actor, "accounts.manage", membership.org_unit)
    with transaction.atomic(), acting_as(actor):
        membership.delete()
