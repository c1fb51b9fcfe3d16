"""The daily email digest: one email a day per user, listing the notices they have not read yet.

A morning of reminders (đôn đốc) and workflow notices used to be one email each; users who keep
the default choice ("một thư tổng hợp mỗi ngày") now get them in one email after the reminder run.
The digest covers the notices created since the user's previous digest (the last day for the
first one) and still unread: a notice already read in the app needs no email. ``EmailDigest`` is
unique per user and day and written in the same transaction as the decision, so running twice the
same day (by hand and by the scheduler, or two workers at once) sends once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.tracking import notify
from apps.tracking.models import EmailDigest, Notification, NotificationPreference

FIRST_WINDOW = timedelta(days=1)  # a user's first digest looks back one day
OLDEST = timedelta(days=14)  # never email notices older than this (a user back from leave)
MAX_LINES = 40


@dataclass
class Digest:
    user_id: int
    email: str
    name: str
    notices: list[tuple[str, str, datetime]]  # text, url, created


def _daily_users():
    chosen_other = NotificationPreference.objects.exclude(email=NotificationPreference.Email.DAILY)
    return (
        User.objects.filter(is_active=True).exclude(email="").exclude(pk__in=chosen_other.values("user_id"))
    )


def plan_digests(day: date, now: datetime | None = None) -> list[Digest]:
    """Who gets a digest today and what it lists; reads only (a dry run stops here)."""
    now = now or timezone.now()
    done = set(EmailDigest.objects.filter(day=day).values_list("user_id", flat=True))
    users = {
        u.pk: u for u in _daily_users().exclude(pk__in=done).only("pk", "email", "full_name", "username")
    }
    last = dict(
        EmailDigest.objects.filter(user_id__in=list(users))
        .values("user_id")
        .annotate(upto=Max("covered_to"))
        .values_list("user_id", "upto")
    )
    notes = Notification.objects.filter(
        user_id__in=list(users), read_at__isnull=True, created_at__lte=now, created_at__gt=now - OLDEST
    ).filter(Q(created_at__gt=now - FIRST_WINDOW) | Q(user_id__in=list(last)))
    per_user: dict[int, list] = defaultdict(list)
    for user_id, text, url, created in notes.order_by("created_at", "pk").values_list(
        "user_id", "text", "url", "created_at"
    ):
        since = last.get(user_id) or now - FIRST_WINDOW
        if created > since:
            per_user[user_id].append((text, url, created))
    return [
        Digest(pk, users[pk].email, users[pk].get_full_name(), items)
        for pk, items in sorted(per_user.items())
    ]


def compose(d: Digest, day: date) -> tuple[str, str, None, list[str]]:
    """The email, in Vietnamese: one line per notice with its link, then where to change the choice."""
    base = getattr(settings, "CCHC_BASE_URL", "")
    lines = []
    for text, url, _created in d.notices[:MAX_LINES]:  # no clock time: the day heads the email
        lines.append(f"- {text}" + (f"\n  Xem: {base}{url}" if url else ""))
    if len(d.notices) > MAX_LINES:
        lines.append(f"... và {len(d.notices) - MAX_LINES} thông báo khác.")
    subject = f"{notify.SUBJECT_PREFIX}Tổng hợp ngày {day:%d/%m/%Y}: {len(d.notices)} thông báo chưa đọc"
    body = (
        f"Kính gửi {d.name},\n\n"
        f"Các thông báo, nhắc việc (đôn đốc) anh/chị chưa đọc tính đến ngày {day:%d/%m/%Y}:\n\n"
        + "\n".join(lines)
        + f"\n\nXem tất cả: {base}{reverse('tracking:notifications')}"
        + f"\nĐổi cách nhận thư thông báo: {base}{reverse('tracking:notification_settings')}"
        + "\n\n— Hệ thống CCHC (thư tự động, vui lòng không trả lời)."
    )
    return (subject, body, None, [d.email])


def send_digests(day: date, now: datetime | None = None, dry_run: bool = False) -> dict:
    """Record and send today's digests, all or nothing; emails go after commit."""
    now = now or timezone.now()
    digests = plan_digests(day, now)
    if dry_run:
        return {"digests": len(digests), "notices": sum(len(d.notices) for d in digests), "dry_run": True}
    mails = [compose(d, day) for d in digests]
    try:
        with transaction.atomic():
            EmailDigest.objects.bulk_create(
                EmailDigest(user_id=d.user_id, day=day, covered_to=now, notices=len(d.notices))
                for d in digests
            )
            if mails:
                transaction.on_commit(lambda: notify.send_emails(mails))
    except IntegrityError:
        return {"error": "Một lần chạy khác vừa gửi thư tổng hợp hôm nay; lần này không gửi gì."}
    return {"digests": len(digests), "notices": sum(len(d.notices) for d in digests)}
