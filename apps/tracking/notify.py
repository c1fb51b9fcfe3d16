"""Who is told what: in-app notifications and email (Django's mail, console backend by default).

Each user chooses how email follows (``NotificationPreference``): a daily digest (the default, sent
by ``apps.tracking.digest``), one email per notice, or none. Only "each" is emailed from here.

Emails go out after the transaction commits, in one connection, and a mail server that is down
never undoes a workflow step: the in-app notification is the record, email is a courtesy.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import get_connection, send_mass_mail
from django.db import transaction

from apps.accounts.models import Membership, Role, User
from apps.tracking.models import Notification, NotificationPreference

log = logging.getLogger(__name__)
SUBJECT_PREFIX = "[CCHC] "


def agency_users(agency_ids: Iterable[int], roles: Iterable[str]) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True, memberships__agency_id__in=list(agency_ids), memberships__role__in=list(roles)
        ).distinct()
    )


def unit_users(unit_id: int, roles: Iterable[str]) -> list[User]:
    """Holders of org-wide roles in a unit; if the unit has none (a commune without a CCHC officer
    yet), those of the nearest superior unit, so a report is never sent to nobody."""
    from apps.orgs.models import OrgUnit

    unit = OrgUnit.objects.select_related("parent__parent").get(pk=unit_id)
    for candidate in [unit, *unit.ancestors()]:
        users = list(
            User.objects.filter(
                is_active=True, memberships__org_unit=candidate, memberships__role__in=list(roles)
            ).distinct()
        )
        if users:
            return users
    return []


def officers_of(unit_id: int) -> list[User]:
    return unit_users(unit_id, [Role.OFFICER])


def heads_of(agency_id: int) -> list[User]:
    return agency_users([agency_id], [Role.HEAD])


def notify(users: Iterable[User], text: str, url: str = "", milestone=None, *, exclude=None) -> int:
    """Tell each user once (in the app now, by email after commit); returns how many were told."""
    people = {u.pk: u for u in users if exclude is None or u.pk != exclude.pk}
    Notification.objects.bulk_create(
        Notification(user_id=pk, text=text[:500], url=url, milestone=milestone) for pk in people
    )
    each = emailed_each(people)
    mails = [
        (SUBJECT_PREFIX + text[:120], _body(text, url), None, [u.email])
        for u in people.values()
        if u.email and u.pk in each
    ]
    if mails:
        transaction.on_commit(lambda: send_emails(mails))
    return len(people)


def email_modes(user_ids: Iterable[int]) -> dict[int, str]:
    """Each user's email choice; users who never chose get the daily digest."""
    ids = list(user_ids)
    chosen = dict(NotificationPreference.objects.filter(user_id__in=ids).values_list("user_id", "email"))
    return {pk: chosen.get(pk, NotificationPreference.Email.DAILY) for pk in ids}


def emailed_each(user_ids: Iterable[int]) -> set[int]:
    """The users who want one email per notice (the others get the digest, or nothing)."""
    return {pk for pk, mode in email_modes(user_ids).items() if mode == NotificationPreference.Email.EACH}


def _body(text: str, url: str) -> str:
    base = getattr(settings, "CCHC_BASE_URL", "")
    link = f"\n\nXem chi tiết: {base}{url}" if url else ""
    return f"{text}{link}\n\n— Hệ thống CCHC (thư tự động, vui lòng không trả lời)."


def send_emails(mails: list[tuple]) -> int:
    """Send prepared (subject, body, from, [to]) tuples in one connection; log, never raise."""
    try:
        return send_mass_mail(mails, fail_silently=False, connection=get_connection())
    except Exception:  # noqa: BLE001 - the notification in the app is already recorded
        log.exception("Không gửi được %d thư thông báo", len(mails))
        return 0


def agency_members(agency_ids: Iterable[int]) -> list[Membership]:
    return list(Membership.objects.filter(agency_id__in=list(agency_ids), role__in=[Role.HEAD, Role.STAFF]))
