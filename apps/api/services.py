"""Issuing and revoking push tokens (the secret is shown once and stored hashed)."""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.accounts.policy import require
from apps.api.models import ApiToken, token_hash
from apps.audit.context import acting_as


def issue(actor, unit, name: str) -> tuple[ApiToken, str]:
    """A new token for the unit's one-stop system; returns the row and the secret (shown once)."""
    require(actor, "api.tokens", unit)
    name = " ".join((name or "").split())[:120]
    if not name:
        raise ValidationError("Đặt tên cho khóa (hệ thống nào dùng khóa này).")
    secret = "cchc_" + secrets.token_urlsafe(32)
    with transaction.atomic(), acting_as(actor):
        token = ApiToken.objects.create(
            name=name, org_unit=unit, prefix=secret[:12], key_hash=token_hash(secret), created_by=actor
        )
    return token, secret


def revoke(actor, token: ApiToken) -> ApiToken:
    require(actor, "api.tokens", token.org_unit)
    if token.revoked_at is None:
        with transaction.atomic(), acting_as(actor):
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
    return token
