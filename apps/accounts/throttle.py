"""Login throttling: too many failures for one username or one address lock it out for a while.

Three rules make it hold:
- The key is the username as Django's login form reads it (stripped, NFKC-normalised, as
  ``UsernameField`` and ``AbstractUser.normalize_username`` do), and case-folded: every spelling
  that could log in as a user ("cv.anhson ", full-width "ｃｖ.anhson") spends the same budget.
- Check and record are one step: an attempt is recorded *before* the password is checked, then the
  recent attempts are counted, this one included. Of any number of concurrent requests, ordered by
  when their row was committed, the n-th sees at least n rows, so at most ``LOGIN_FAILURE_LIMIT``
  of them reach the password hasher. A failed check leaves its row as the failure record; a success
  clears the user's rows; a refused request removes its own row (a flood does not grow the table).
- Rows older than the window are pruned on every attempt (an indexed delete).
"""

from __future__ import annotations

import unicodedata
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.accounts.models import LoginAttempt

MAX_KEY = 150


def client_ip(request) -> str | None:
    # Behind a proxy, configure it to set REMOTE_ADDR (e.g. waitress trusted_proxy); never trust
    # X-Forwarded-For blindly, or an attacker could rotate addresses to dodge the limit.
    return request.META.get("REMOTE_ADDR") or None


def normalize(username: str | None) -> str:
    """The throttle key of a typed username: Django's own normalisation, then case-folded."""
    text = unicodedata.normalize("NFKC", str(username or "").strip())
    return get_user_model().normalize_username(text).casefold()[:MAX_KEY]


def _since():
    return timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def prune() -> int:
    """Forget attempts older than the window."""
    return LoginAttempt.objects.filter(at__lt=_since()).delete()[0]


def reserve(username: str, ip: str | None) -> LoginAttempt | None:
    """Record an attempt before the password is checked; None when the user or address is locked.

    Runs in autocommit (never inside a transaction): the row must be visible to concurrent requests
    before this one counts."""
    prune()
    key = normalize(username)
    row = LoginAttempt.objects.create(username=key, ip=ip)
    since, limit = _since(), settings.LOGIN_FAILURE_LIMIT
    recent = LoginAttempt.objects.filter(at__gte=since)
    locked = bool(key) and recent.filter(username=key).count() > limit
    # An address gets more room than a username (a whole office may share one address).
    locked = locked or (bool(ip) and recent.filter(ip=ip).count() > limit * 4)
    if locked:
        row.delete()
        return None
    return row


def succeeded(username: str) -> None:
    """The password was right: the user's failures (and this attempt) are forgotten."""
    LoginAttempt.objects.filter(username=normalize(username)).delete()


def is_locked(username: str, ip: str | None) -> bool:
    """Whether the next attempt would be refused (for pages and tests; logins use ``reserve``)."""
    since, limit = _since(), settings.LOGIN_FAILURE_LIMIT
    recent = LoginAttempt.objects.filter(at__gte=since)
    key = normalize(username)
    if key and recent.filter(username=key).count() >= limit:
        return True
    return bool(ip) and recent.filter(ip=ip).count() >= limit * 4
