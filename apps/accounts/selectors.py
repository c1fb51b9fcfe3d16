"""Reads for the accounts views, always scoped by the policy."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from apps.accounts.models import Membership, Role, User
from apps.accounts.policy import subject


def manageable_unit_ids(user) -> set[int] | None:
    """Units whose people the user administers; None means every unit (system superuser)."""
    s = subject(user)
    return None if s.is_root else s.units_for([Role.ADMIN])


def users_for(user) -> QuerySet[User]:
    """Users the given admin may see: everyone holding a membership in the units they administer."""
    ids = manageable_unit_ids(user)
    memberships = Membership.objects.select_related("org_unit", "agency").order_by("org_unit__name")
    qs = User.objects.all()
    if ids is not None:
        qs = qs.filter(memberships__org_unit_id__in=ids).distinct()
    return qs.prefetch_related(Prefetch("memberships", queryset=memberships)).order_by("username")


def may_edit_user(admin, target: User) -> bool:
    """An admin edits a person only when all of that person's roles lie inside the admin's scope.

    Otherwise a commune admin could reset the password of a province officer who also holds a role
    in that commune."""
    ids = manageable_unit_ids(admin)
    if ids is None:
        return True
    if target.is_superuser:
        return False
    units = set(target.memberships.values_list("org_unit_id", flat=True))
    return bool(units) and units <= ids
