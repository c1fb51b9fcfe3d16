"""Push tokens: a unit's one-stop system authenticates with a secret token CCHC stores only hashed."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ApiToken(models.Model):
    name = models.CharField(_("tên (hệ thống sử dụng)"), max_length=120)
    org_unit = models.ForeignKey(
        "orgs.OrgUnit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="api_tokens",
        help_text=_("Khóa chỉ đẩy được hồ sơ của đơn vị này và các đơn vị trực thuộc."),
    )  # fmt: skip
    prefix = models.CharField(_("đầu khóa"), max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        ordering = ["org_unit__name", "-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None
