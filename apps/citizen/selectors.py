"""Reads of citizen voice for staff pages and commands, scoped by the policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from apps.accounts.models import Role
from apps.accounts.policy import ORG_WIDE_ROLES, subject
from apps.citizen.models import Petition
from apps.orgs.models import OrgUnit
from core.petitions import OPEN, STATUS_LABELS, Status


def visible_petitions(user) -> QuerySet[Petition]:
    """Petitions of the units where the user holds an org-wide role (or below them), and those
    assigned to the user's own agencies; nothing else."""
    qs = Petition.objects.select_related("org_unit", "agency")
    s = subject(user)
    if s.is_root:
        return qs
    units = s.units_for(ORG_WIDE_ROLES)
    agencies = s.agencies_with([Role.HEAD, Role.STAFF])
    return qs.filter(Q(org_unit_id__in=units) | Q(agency_id__in=agencies))


@dataclass(frozen=True)
class PetitionFilter:
    unit: OrgUnit | None = None
    status: str = ""
    overdue: bool = False
    q: str = ""


def petition_list(user, f: PetitionFilter, today: date) -> QuerySet[Petition]:
    qs = visible_petitions(user)
    if f.unit is not None:
        qs = qs.filter(org_unit_id__in=f.unit.subtree_ids())
    if f.status in STATUS_LABELS:
        qs = qs.filter(status=f.status)
    if f.overdue:
        qs = qs.filter(status__in=[s.value for s in OPEN], due_on__lt=today)
    if f.q:
        qs = qs.filter(Q(code__icontains=f.q.strip()) | Q(text__icontains=f.q.strip()))
    return qs.order_by("-received_on", "-id")


def petition_detail(user, pk: int) -> Petition | None:
    return (
        visible_petitions(user)
        .select_related("transferred_from", "answered_by", "approved_by", "entered_by", "follow_up_of")
        .prefetch_related("attachments")
        .annotate(n_follow_ups=Count("follow_ups"))
        .filter(pk=pk)
        .first()
    )


def status_counts(qs: QuerySet[Petition]) -> dict[str, int]:
    rows = qs.order_by().values_list("status").annotate(n=Count("pk"))
    return {status: n for status, n in rows}


def by_code(code: str) -> Petition | None:
    """A petition for the public lookup: by its exact code, nothing about its sender loaded."""
    if not code:
        return None
    return (
        Petition.objects.select_related("org_unit")
        .prefetch_related("attachments")
        .filter(code=code)
        .defer("sender_name", "sender_phone", "sender_email", "sender_address")
        .first()
    )


def published(unit: OrgUnit | None = None) -> QuerySet[Petition]:
    """Published answers, newest first, for the public list (summary and answer only)."""
    qs = Petition.objects.filter(status=Status.PUBLISHED.value).select_related("org_unit")
    if unit is not None:
        qs = qs.filter(org_unit=unit)
    return qs.only(
        "code", "org_unit__name", "subject", "public_summary", "answer", "received_on", "published_on"
    ).order_by("-published_on", "-id")
