"""The one place that answers "may this user do this to this object".

Every view and service asks ``can``/``require`` and lists with ``visible_units``; nothing else
decides permissions. Scope comes from memberships: a membership in a province (or a pre-2025
district) covers the unit and everything under it; a membership in a commune covers only that
commune. Agency-bound roles (head, staff) edit only their own agency's work.

Rules are registered per action name with ``@rule``, one module per bounded context in this package
(``orgs``, ``plans``, ``tracking``, ``review``, ``reports``, ...); a new app adds its module and one
import line at the end of this file, so the whole policy stays readable in one module family.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.core.exceptions import PermissionDenied

from apps.accounts.models import Role
from apps.orgs.models import OrgUnit

RuleFn = Callable[["Subject", object], bool]
_RULES: dict[str, RuleFn] = {}

ORG_WIDE_ROLES = {Role.ADMIN, Role.OFFICER, Role.LEADER, Role.APPRAISER, Role.VIEWER}


class Operator:
    """The operator at the server's command line (``cchc import-plan``, ``cchc demo``): someone with
    shell access to the server, trusted like a system superuser. Services take it as the acting user
    instead of ``None``, which the policy refuses, so no write can skip the check by passing None.
    The audit trail records its changes under this name."""

    is_authenticated = True
    is_active = True
    is_superuser = True
    pk = None

    def __str__(self) -> str:
        return "Dòng lệnh (quản trị máy chủ)"


OPERATOR = Operator()


def as_user(actor):
    """The acting user for a ``created_by``-like field: None for the command-line operator."""
    return None if actor is OPERATOR else actor


def rule(action: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        _RULES[action] = fn
        return fn

    return register


class Subject:
    """A user's memberships resolved once per request: which units each role covers."""

    def __init__(self, user) -> None:
        self.user = user
        self.is_root = bool(user.is_authenticated and user.is_active and user.is_superuser)
        self.memberships = (
            list(user.memberships.select_related("org_unit", "agency")) if user.is_authenticated else []
        )
        self._covered: dict[str, set[int]] = {}
        self._subtree_cache: dict[int, set[int]] = {}

    def _subtree(self, unit: OrgUnit) -> set[int]:
        if unit.pk not in self._subtree_cache:
            self._subtree_cache[unit.pk] = unit.subtree_ids()
        return self._subtree_cache[unit.pk]

    def units_for(self, roles: Iterable[str] | None = None) -> set[int]:
        """Ids of the units covered by the user's memberships in ``roles`` (all roles when None)."""
        key = ",".join(sorted(roles)) if roles is not None else "*"
        if key not in self._covered:
            wanted = set(roles) if roles is not None else None
            ids: set[int] = set()
            for m in self.memberships:
                if wanted is None or m.role in wanted:
                    ids |= self._subtree(m.org_unit)
            self._covered[key] = ids
        return self._covered[key]

    def has_role(self, role: str, unit_id: int | None) -> bool:
        return unit_id is not None and unit_id in self.units_for([role])

    def agencies_with(self, roles: Iterable[str]) -> set[int]:
        wanted = set(roles)
        return {m.agency_id for m in self.memberships if m.role in wanted and m.agency_id}


def subject(user) -> Subject:
    """The cached Subject of a user (one per user object, i.e. per request)."""
    cached = getattr(user, "_cchc_subject", None)
    if cached is None:
        cached = Subject(user)
        try:
            user._cchc_subject = cached
        except AttributeError:  # AnonymousUser is immutable enough to refuse; recompute then
            pass
    return cached


def can(user, action: str, obj=None) -> bool:
    if user is OPERATOR:
        return True
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    s = subject(user)
    if s.is_root:
        return True
    fn = _RULES.get(action)
    if fn is None:
        raise KeyError(f"Unknown action {action!r}")
    return bool(fn(s, obj))


def require(user, action: str, obj=None) -> None:
    if not can(user, action, obj):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")


def visible_units(user):
    """Org units the user may see, as a queryset (all of them for a system superuser)."""
    if user is OPERATOR:
        return OrgUnit.objects.all()
    if not getattr(user, "is_authenticated", False):
        return OrgUnit.objects.none()
    s = subject(user)
    if s.is_root:
        return OrgUnit.objects.all()
    return OrgUnit.objects.filter(pk__in=s.units_for())


def unit_id_of(obj) -> int | None:
    """The org unit an object belongs to: itself, or its ``org_unit``."""
    if obj is None:
        return None
    if isinstance(obj, OrgUnit):
        return obj.pk
    return getattr(obj, "org_unit_id", None)


def own_roles(s: Subject, unit_id: int | None) -> set[str]:
    """Roles the user holds in the unit itself (not through a superior unit)."""
    return {m.role for m in s.memberships if m.org_unit_id == unit_id}


# Rule modules register themselves on import; keep this list in sync with the package.
from apps.accounts.policy import citizen, dossiers, jobs, orgs, plans, reports, review, tracking  # noqa: E402, F401

# isort: split
from apps.accounts.policy import assessment  # noqa: E402, F401
