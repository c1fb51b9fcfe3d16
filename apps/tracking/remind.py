"""The daily reminder job (đôn đốc), set-based: a few queries and bulk inserts for any number of milestones.

1. Continuous tasks get their quarterly check-in milestones (idempotent).
2. Open milestones due within the largest "before" horizon, or already late, are read in one query.
3. ``core.tracking.reminder_steps`` says which steps each calls for today; steps already recorded
   (``Reminder``, unique on milestone, kind, step) are dropped, so a second run sends nothing.
4. Recipients come from two membership queries; reminders, notifications are bulk-inserted in one
   transaction; users who chose "each" get one email for the run after commit, the others the
   daily digest (``apps.tracking.digest``).
Two runs at once cannot both send: the unique constraint makes the second transaction fail whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models.functions import Substr
from django.dispatch import receiver
from django.urls import reverse

from apps.accounts.models import Membership, Role
from apps.plans.models import Milestone, Plan, TaskAgency
from apps.plans.signals import plan_activated
from apps.tracking import notify
from apps.tracking.calendar import work_calendar
from apps.tracking.models import Notification, Reminder, TrackingSettings
from core.tracking import (
    ReminderKind,
    ReminderPolicy,
    checkin_dates,
    parse_days_list,
    reminder_steps,
    reminder_text,
)

OPEN = ["", "draft", "returned"]


@dataclass
class Outgoing:
    milestone_id: int
    kind: str
    step: int
    days: int
    text: str
    users: list[int] = field(default_factory=list)


def ensure_checkins(plan_id: int | None = None) -> int:
    """Give every continuous task of an active plan one dated check-in per quarter of its plan.

    Runs when a plan is confirmed and in every daily run (re-laying a task's milestones deletes
    its check-ins; the next run puts them back)."""
    standing = Milestone.objects.filter(
        kind=Milestone.Kind.CONTINUOUS,
        due__isnull=True,
        task__plan__status=Plan.Status.ACTIVE,
        task__cancelled_at__isnull=True,
    )
    if plan_id is not None:
        standing = standing.filter(task__plan_id=plan_id)
    rows = standing.values_list("task_id", "task__plan__period_start", "task__plan__period_end")
    tasks = {t: (start, end) for t, start, end in rows}
    if not tasks:
        return 0
    have = set(
        Milestone.objects.filter(
            kind=Milestone.Kind.CONTINUOUS, due__isnull=False, task__in=standing.values("task_id")
        ).values_list("task_id", "due")
    )
    new = [
        Milestone(
            task_id=t,
            label=label,
            kind=Milestone.Kind.CONTINUOUS,
            due=due,
            frequency="quarterly",
            position=100 + i,
        )
        for t, (start, end) in tasks.items()
        for i, (due, label) in enumerate(checkin_dates(start, end))
        if (t, due) not in have
    ]
    Milestone.objects.bulk_create(new, batch_size=2000)
    return len(new)


@receiver(plan_activated, dispatch_uid="tracking-checkins-on-activate")
def _on_plan_activated(sender, plan, **kwargs) -> None:
    ensure_checkins(plan.pk)


def policies() -> dict[int, ReminderPolicy]:
    out = {}
    for s in TrackingSettings.objects.all():
        try:
            before = parse_days_list(s.remind_before) or (5, 1)
            out[s.org_unit_id] = ReminderPolicy(
                before, s.overdue_every, s.escalate_head_after, s.escalate_leader_after
            )
        except ValueError:
            continue  # a broken setting falls back to the defaults rather than stopping every reminder
    return out


def _recipients():
    leads: dict[int, list[int]] = defaultdict(list)
    for task_id, agency_id in TaskAgency.objects.filter(
        role=TaskAgency.Role.LEAD, agency__isnull=False, task__plan__status=Plan.Status.ACTIVE
    ).values_list("task_id", "agency_id"):
        leads[task_id].append(agency_id)
    by_agency: dict[tuple[int, str], list[int]] = defaultdict(list)
    by_unit: dict[tuple[int, str], list[int]] = defaultdict(list)
    rows = Membership.objects.filter(user__is_active=True).values_list(
        "agency_id", "org_unit_id", "role", "user_id"
    )
    for agency_id, unit_id, role, user_id in rows:
        if agency_id and role in (Role.HEAD, Role.STAFF):
            by_agency[agency_id, role].append(user_id)
        if role in (Role.LEADER, Role.OFFICER):
            by_unit[unit_id, role].append(user_id)
    return leads, by_agency, by_unit


def _users_for(kind: str, agencies: list[int], unit_id: int, by_agency, by_unit) -> list[int]:
    if kind == ReminderKind.ESCALATE_LEADER:
        users = by_unit.get((unit_id, Role.LEADER), []) + by_unit.get((unit_id, Role.OFFICER), [])
    elif kind == ReminderKind.ESCALATE_HEAD:
        users = [u for a in agencies for u in by_agency.get((a, Role.HEAD), [])]
    else:  # the people who do the work; the head when the agency has no staff account yet
        users = [
            u
            for a in agencies
            for u in by_agency.get((a, Role.STAFF), []) or by_agency.get((a, Role.HEAD), [])
        ]
    return sorted(set(users))


def plan_reminders(today: date) -> list[Outgoing]:
    """What today's run must send (nothing already sent), with recipients; reads only."""
    cal, units = work_calendar(), policies()
    default = ReminderPolicy()
    horizon = max([default.horizon, *(p.horizon for p in units.values())])
    upper = cal.add_working_days(today, horizon)
    candidates = Milestone.objects.filter(
        task__plan__status=Plan.Status.ACTIVE,
        task__cancelled_at__isnull=True,  # a cancelled task owes nothing
        report_status__in=OPEN,
        due__isnull=False,
        due__lte=upper,
    )
    rows = candidates.values_list(
        "pk", "due", "task_id", "task__plan__org_unit_id", "label", Substr("task__content", 1, 90)
    )
    sent = set(Reminder.objects.filter(milestone__in=candidates).values_list("milestone_id", "kind", "step"))
    leads, by_agency, by_unit = _recipients()
    out: list[Outgoing] = []
    for pk, due, task_id, unit_id, label, content in rows.iterator(chunk_size=5000):
        for step in reminder_steps(due, today, cal, units.get(unit_id, default)):
            if (pk, step.kind.value, step.step) in sent:
                continue
            text = f"{reminder_text(step)} (hạn {due:%d/%m/%Y}): {label} — {content}"
            users = _users_for(step.kind, leads.get(task_id, []), unit_id, by_agency, by_unit)
            out.append(Outgoing(pk, step.kind.value, step.step, step.days, text, users))
    return out


def send_reminders(today: date, outgoing: list[Outgoing]) -> dict:
    """Record the reminders and notify, all or nothing; emails (one digest per user) after commit."""
    from apps.accounts.models import User

    url_of = reverse("tracking:milestone", args=[0]).replace("/0/", "/{}/")
    per_user: dict[int, list[str]] = defaultdict(list)
    try:
        with transaction.atomic():
            Reminder.objects.bulk_create(
                (
                    Reminder(
                        milestone_id=o.milestone_id,
                        kind=o.kind,
                        step=o.step,
                        days=o.days,
                        sent_on=today,
                        recipients=min(len(o.users), 32767),
                    )
                    for o in outgoing
                ),
                batch_size=5000,
            )
            notes = []
            for o in outgoing:
                for u in o.users:
                    notes.append(
                        Notification(
                            user_id=u,
                            text=o.text[:500],
                            url=url_of.format(o.milestone_id),
                            milestone_id=o.milestone_id,
                        )
                    )
                    per_user[u].append(o.text)
            Notification.objects.bulk_create(notes, batch_size=5000)
            emails = dict(  # the daily-digest users get these in apps.tracking.digest instead
                User.objects.filter(pk__in=notify.emailed_each(per_user), is_active=True)
                .exclude(email="")
                .values_list("pk", "email")
            )
            mails = [_digest(emails[u], texts) for u, texts in per_user.items() if u in emails]
            if mails:
                transaction.on_commit(lambda: notify.send_emails(mails))
    except IntegrityError:
        return {"error": "Một lần chạy khác vừa gửi nhắc việc; lần này không gửi gì."}
    return {
        "reminders": len(outgoing),
        "notifications": sum(len(v) for v in per_user.values()),
        "emails": len(mails),
    }


def _digest(email: str, texts: list[str]) -> tuple:
    lines = "\n".join(f"- {t}" for t in texts[:30])
    more = f"\n... và {len(texts) - 30} việc khác." if len(texts) > 30 else ""
    body = f"Các việc cần đôn đốc hôm nay:\n{lines}{more}\n\nXem tại mục “Việc của tôi” trên hệ thống CCHC."
    return (f"{notify.SUBJECT_PREFIX}{len(texts)} việc cần đôn đốc", body, None, [email])


# Other things followed up by due date (petitions of apps.citizen, ...) join the same daily run:
# a source is ``fn(today, dry_run) -> dict`` (what it sent, or would send), registered from its
# app's ready(); it keeps its own "sent once" record, as milestones keep ``Reminder``.
_SOURCES: dict[str, Callable[[date, bool], dict]] = {}


def register_source(name: str, fn: Callable[[date, bool], dict]) -> None:
    _SOURCES[name] = fn


def run(today: date, dry_run: bool = False) -> tuple[list[Outgoing], dict]:
    """One daily run: check-ins, then reminders (nothing written on a dry run), then other sources."""
    created = 0 if dry_run else ensure_checkins()
    outgoing = plan_reminders(today)
    if dry_run:
        result = {"reminders": len(outgoing), "dry_run": True}
    else:
        result = send_reminders(today, outgoing)
        result["checkins_created"] = created
    for name, source in _SOURCES.items():
        result[name] = source(today, dry_run)
    return outgoing, result
