"""Login throttling: too many failures for one username or one address lock it out for a while."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from apps.accounts.models import LoginAttempt


def client_ip(request) -> str | None:
    # Behind a proxy, configure it to set REMOTE_ADDR (e.g. waitress trusted_proxy); never trust
    # X-Forwarded-For blindly, or an attacker could rotate addresses to dodge the limit.
    return request.META.get("REMOTE_ADDR") or None


def _recent(**filters):
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    return LoginAttempt.objects.filter(at__gte=since, **filters)


def is_locked(username: str, ip: str | None) -> bool:
    limit = settings.LOGIN_FAILURE_LIMIT
    if username and _recent(username=username.lower()).count() >= limit:
        return True
    # An address gets more room than a username (a whole office may share one address).
    return bool(ip) and _recent(ip=ip).count() >= limit * 4


def record_failure(username: str, ip: str | None) -> None:
    LoginAttempt.objects.create(username=(username or "").lower()[:150], ip=ip)


def clear(username: str) -> None:
    LoginAttempt.objects.filter(username=(username or "").lower()).delete()
