"""Petitions in the daily reminder run (đôn đốc), with the follow-up machinery of apps.tracking.

The rules are the milestones' own: ``core.tracking.reminder_steps`` says which steps a due date
calls for today under the unit's ``TrackingSettings`` (before, due, overdue every few days, then
escalation to the agency head and to the unit's leader); notices go through
``apps.tracking.notify`` (in the app, e-mail after commit). What differs is only what is followed
(the due date of a petition's current step) and who is told: the officers who classify and
publish, the assigned agency's staff who answer. ``PetitionReminder`` (unique per petition, due
date, kind and step) makes a second run send nothing; a new due date (after a transfer or a
supplement) starts its reminders afresh.

The run also forgets rate-limit counters and challenges that have expired.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from apps.accounts.models import Role
from apps.citizen import throttle
from apps.citizen.models import Petition, PetitionReminder
from apps.citizen.services.petitions import staff_url
from apps.tracking import notify
from apps.tracking.calendar import work_calendar
from apps.tracking.remind import policies
from core.petitions import STEP_LABELS, Status, current_step
from core.tracking import ReminderKind, ReminderPolicy, reminder_steps, reminder_text

FOLLOWED = [Status.RECEIVED, Status.ACCEPTED, Status.ASSIGNED, Status.ANSWERED, Status.APPROVED]


@dataclass
class Outgoing:
    petition: Petition
    kind: str
    step: int
    text: str
    users: list


def _who(p: Petition, kind: ReminderKind) -> list:
    """The people a reminder of this kind goes to, for this petition's step."""
    if kind == ReminderKind.ESCALATE_LEADER:
        return notify.unit_users(p.org_unit_id, [Role.LEADER, Role.OFFICER])
    if kind == ReminderKind.ESCALATE_HEAD:
        if p.agency_id:
            return notify.agency_users([p.agency_id], [Role.HEAD])
        return notify.unit_users(p.org_unit_id, [Role.LEADER])
    if p.status in (Status.ASSIGNED.value,) and p.agency_id:
        return notify.agency_users([p.agency_id], [Role.STAFF]) or notify.agency_users(
            [p.agency_id], [Role.HEAD]
        )
    if p.status == Status.ANSWERED.value:
        approvers = notify.agency_users([p.agency_id], [Role.HEAD]) if p.agency_id else []
        return approvers or notify.unit_users(p.org_unit_id, [Role.LEADER])
    return notify.officers_of(p.org_unit_id)


def plan(today: date) -> list[Outgoing]:
    """What today's run must send for petitions (nothing already sent); reads only."""
    cal, units, default = work_calendar(), policies(), ReminderPolicy()
    horizon = max([default.horizon, *(x.horizon for x in units.values())])
    rows = list(
        Petition.objects.filter(
            status__in=[s.value for s in FOLLOWED],
            due_on__isnull=False,
            due_on__lte=cal.add_working_days(today, horizon),
        ).select_related("org_unit")
    )
    sent = set(
        PetitionReminder.objects.filter(petition__in=[p.pk for p in rows]).values_list(
            "petition_id", "due_on", "kind", "step"
        )
    )
    out = []
    for p in rows:
        step_name = STEP_LABELS[current_step_of(p)]
        for step in reminder_steps(p.due_on, today, cal, units.get(p.org_unit_id, default)):
            if (p.pk, p.due_on, step.kind.value, step.step) in sent:
                continue
            text = f"{reminder_text(step)} (hạn {p.due_on:%d/%m/%Y}): {step_name} phản ánh {p.code}"
            out.append(Outgoing(p, step.kind.value, step.step, text, _who(p, step.kind)))
    return out


def current_step_of(p: Petition):
    from apps.citizen.services.petitions import facts_of

    return current_step(facts_of(p))


def send(today: date, outgoing: list[Outgoing]) -> dict:
    """Record and notify, all or nothing (a concurrent run makes this one fail whole)."""
    told = 0
    try:
        with transaction.atomic():
            PetitionReminder.objects.bulk_create(
                PetitionReminder(
                    petition=o.petition,
                    due_on=o.petition.due_on,
                    kind=o.kind,
                    step=o.step,
                    sent_on=today,
                    recipients=min(len(o.users), 32767),
                )
                for o in outgoing
            )
            for o in outgoing:
                told += notify.notify(o.users, o.text, staff_url(o.petition))
    except IntegrityError:
        return {"error": "Một lần chạy khác vừa gửi nhắc việc phản ánh; lần này không gửi gì."}
    return {"reminders": len(outgoing), "notifications": told}


def run(today: date, dry_run: bool = False) -> dict:
    outgoing = plan(today)
    if dry_run:
        return {"reminders": len(outgoing), "dry_run": True}
    result = send(today, outgoing)
    result["expired_counters"] = throttle.prune()
    result["expired_challenges"] = _prune_challenges()
    return result


def _prune_challenges() -> int:
    from captcha.models import CaptchaStore
    from django.utils import timezone

    return CaptchaStore.objects.filter(expiration__lte=timezone.now()).delete()[0]
