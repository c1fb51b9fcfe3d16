"""Organisations: administrative units (OrgUnit), their agencies (Agency), collective names (AgencyGroup).

Plans name agencies in many ways ("VP HĐND & UBND xã", "Phòng VHXH", "Các phòng, ban, đơn vị cấp
xã"); ``Alias`` records every printed form that resolves to an agency or a group, so the matching
chosen once by an official is remembered for the next plan.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.text import fold


class OrgUnit(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh, thành phố")
        DISTRICT = "district", _("Huyện, thị xã (trước 01/7/2025)")
        COMMUNE = "commune", _("Xã, phường, đặc khu")

    name = models.CharField(_("tên"), max_length=200, help_text=_("Tên đầy đủ, ví dụ: xã Ngọc Liên"))
    level = models.CharField(_("cấp"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    code = models.CharField(_("mã đơn vị"), max_length=20, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hết hiệu lực"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("Đơn vị mới sau khi sáp nhập hoặc đổi tên"),
    )

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="orgunit_unique_name_under_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.valid_to is None

    @property
    def short_name(self) -> str:
        """The name without its level word ("xã Ngọc Liên" -> "Ngọc Liên"), as plans often print it."""
        for prefix in ("thành phố ", "tỉnh ", "thị xã ", "huyện ", "phường ", "xã ", "đặc khu "):
            if self.name.lower().startswith(prefix):
                return self.name[len(prefix) :]
        return self.name

    def ancestors(self) -> list[OrgUnit]:
        """Parents from the nearest up to the root. Bounded so a corrupt cycle cannot hang a request."""
        chain, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen and len(chain) < 10:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    def subtree_ids(self) -> set[int]:
        """Ids of this unit and every unit under it (province -> districts -> communes), level by level."""
        ids, frontier = {self.pk}, {self.pk}
        if self.level == self.Level.COMMUNE:
            return ids
        for _level in range(3):
            frontier = set(OrgUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
            if not frontier:
                break
            ids |= frontier
        return ids

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.pk and (self.parent_id == self.pk or any(a.pk == self.pk for a in self.parent.ancestors())):
            raise ValidationError(
                {"parent": _("Không thể chọn đơn vị này làm cấp trên: sẽ tạo vòng lặp trong cây đơn vị.")}
            )
        order = [self.Level.PROVINCE, self.Level.DISTRICT, self.Level.COMMUNE]
        if order.index(self.parent.level) >= order.index(self.level):
            raise ValidationError({"parent": _("Đơn vị cấp trên phải ở cấp cao hơn.")})


class OrgUnitChange(models.Model):
    """A dated reorganisation: a merge of several units into one, or a rename."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Sáp nhập")
        RENAME = "rename", _("Đổi tên")

    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    effective_date = models.DateField(_("ngày hiệu lực"))
    result = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị sau thay đổi"), on_delete=models.CASCADE, related_name="changes_in"
    )
    predecessors = models.ManyToManyField(
        OrgUnit, verbose_name=_("đơn vị trước thay đổi"), related_name="changes_out", blank=True
    )
    old_name = models.CharField(_("tên cũ"), max_length=200, blank=True)
    note = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("thay đổi đơn vị hành chính")
        verbose_name_plural = _("thay đổi đơn vị hành chính")
        ordering = ["-effective_date"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.result} ({self.effective_date:%d/%m/%Y})"


class Agency(models.Model):
    class Kind(models.TextChoices):
        PEOPLES_COMMITTEE = "ubnd", _("UBND")
        OFFICE = "van_phong", _("Văn phòng")
        DEPARTMENT = "so", _("Sở, ban, ngành")
        DIVISION = "phong", _("Phòng, ban chuyên môn")
        CENTRE = "trung_tam", _("Trung tâm")
        POLICE = "cong_an", _("Công an")
        MILITARY = "quan_su", _("Quân sự")
        PUBLIC_SERVICE = "su_nghiep", _("Đơn vị sự nghiệp")
        OFFICIAL = "cong_chuc", _("Công chức chuyên môn")
        OTHER = "khac", _("Khác")

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị hành chính"), on_delete=models.PROTECT, related_name="agencies"
    )
    name = models.CharField(_("tên cơ quan"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.DIVISION)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["org_unit__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "name"], name="agency_unique_name_in_unit")
        ]

    def __str__(self) -> str:
        return self.name


class AgencyGroup(models.Model):
    """A collective name used in plans, resolving to member agencies and/or subordinate units."""

    org_unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị hành chính"), on_delete=models.PROTECT, related_name="agency_groups"
    )
    name = models.CharField(_("tên nhóm"), max_length=200)
    members = models.ManyToManyField(
        Agency, verbose_name=_("cơ quan thành viên"), blank=True, related_name="groups"
    )
    member_units = models.ManyToManyField(
        OrgUnit,
        verbose_name=_("đơn vị cấp dưới thành viên"),
        blank=True,
        related_name="member_of_groups",
        help_text=_('Ví dụ nhóm "UBND cấp xã" gồm các xã trực thuộc'),
    )

    class Meta:
        verbose_name = _("nhóm cơ quan")
        verbose_name_plural = _("nhóm cơ quan")
        ordering = ["org_unit__name", "name"]
        constraints = [models.UniqueConstraint(fields=["org_unit", "name"], name="group_unique_name_in_unit")]

    def __str__(self) -> str:
        return self.name


class Alias(models.Model):
    """A printed form of an agency's or group's name ("Phòng VHXH", "VHXXH"), unique per org unit."""

    org_unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(_("tên gọi khác"), max_length=200)
    key = models.CharField(max_length=200, editable=False, db_index=True)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.CASCADE, related_name="aliases"
    )
    group = models.ForeignKey(
        AgencyGroup, null=True, blank=True, on_delete=models.CASCADE, related_name="aliases"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("tên gọi khác")
        verbose_name_plural = _("tên gọi khác")
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "key"], name="alias_unique_key_in_unit"),
            models.CheckConstraint(
                condition=(
                    Q(agency__isnull=False, group__isnull=True) | Q(agency__isnull=True, group__isnull=False)
                ),
                name="alias_targets_agency_xor_group",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.key = fold(self.text)
        super().save(*args, **kwargs)
