"""People and their roles. What a user may do comes from their memberships, read by ``policy``."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    OFFICER = "officer", _("Chuyên viên CCHC")
    HEAD = "head", _("Lãnh đạo cơ quan")
    STAFF = "staff", _("Cán bộ, công chức cơ quan")
    LEADER = "leader", _("Lãnh đạo UBND")
    APPRAISER = "appraiser", _("Thẩm định (cấp trên)")
    VIEWER = "viewer", _("Xem")


# Roles tied to one agency's work; the others act on the whole org unit.
AGENCY_ROLES = {Role.HEAD, Role.STAFF}


class User(AbstractUser):
    """A person using CCHC; what they may do comes from their memberships."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.username


class Membership(models.Model):
    """A user holds a role in an org unit, through an agency for agency-bound roles."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("người dùng")
    )
    org_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("đơn vị")
    )
    agency = models.ForeignKey(
        "orgs.Agency",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("cơ quan"),
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("vai trò người dùng")
        verbose_name_plural = _("vai trò người dùng")
        constraints = [
            models.UniqueConstraint(fields=["user", "org_unit", "agency", "role"], name="membership_unique"),
        ]

    def __str__(self) -> str:
        where = self.agency or self.org_unit
        return f"{self.user}: {self.get_role_display()} — {where}"

    def save(self, *args, **kwargs):
        if self.agency_id and not self.org_unit_id:
            self.org_unit_id = self.agency.org_unit_id
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.role in AGENCY_ROLES and self.agency_id is None:
            raise ValidationError({"agency": _("Vai trò này cần chọn cơ quan.")})
        if self.agency_id and self.org_unit_id and self.agency.org_unit_id != self.org_unit_id:
            raise ValidationError({"agency": _("Cơ quan không thuộc đơn vị đã chọn.")})


class LoginAttempt(models.Model):
    """Failed logins, kept in the database so throttling holds across processes."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("đăng nhập thất bại")
        verbose_name_plural = _("đăng nhập thất bại")

    def __str__(self) -> str:
        return f"{self.username} {self.ip or ''} {self.at:%d/%m/%Y %H:%M}"
