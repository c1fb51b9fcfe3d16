"""Periodic reports (báo cáo định kỳ): periods as data, indicator values, the reports and their jobs.

A ``PeriodicReport`` is one version of a unit's report for one period. Officers edit its narrative
while it is a draft; the leader's signature freezes it (``snapshot`` keeps the ReportData that was
signed, the scan is stored beside it) and submission sends it to the superior level. Any later
change is a new version, so what the superior received can never change under them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.plans.models import AREA_CHOICES
from core.reporting.periods import KIND_LABELS, Anchor, Kind, PeriodRule

KIND_CHOICES = [(k.value, label) for k, label in KIND_LABELS.items()]


class ReportingPeriod(models.Model):
    """How one kind of period is cut for a unit (and its subordinates); no unit = national default."""

    org_unit = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reporting_periods",
        help_text=_("Để trống: mặc định toàn quốc (Công văn 581/BNV-CCHC)."),
    )
    kind = models.CharField(_("kỳ báo cáo"), max_length=4, choices=KIND_CHOICES)
    start_month = models.SmallIntegerField(
        _("tháng bắt đầu lấy số liệu"), help_text=_("0 = tháng 12 năm trước")
    )
    start_day = models.PositiveSmallIntegerField(_("ngày bắt đầu"))
    end_month = models.SmallIntegerField(_("tháng chốt số liệu"))
    end_day = models.PositiveSmallIntegerField(_("ngày chốt số liệu"))
    due_month = models.SmallIntegerField(_("tháng hạn gửi"))
    due_day = models.PositiveSmallIntegerField(_("ngày hạn gửi"))
    required = models.BooleanField(_("bắt buộc báo cáo"), default=False)
    note = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["org_unit_id", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "kind"],
                name="period_kind_once_per_unit",
                condition=models.Q(org_unit__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["kind"], name="period_kind_once_national", condition=models.Q(org_unit__isnull=True)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.org_unit or 'toàn quốc'}"

    def rule(self) -> PeriodRule:
        return PeriodRule(
            Kind(self.kind),
            Anchor(self.start_month, self.start_day),
            Anchor(self.end_month, self.end_day),
            Anchor(self.due_month, self.due_day),
            self.required,
        )


class Indicator(models.Model):
    """A measured quantity a plan target is tracked through (codes of the plan schema)."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên chỉ số"), max_length=300)
    area = models.CharField(_("lĩnh vực"), max_length=20, choices=AREA_CHOICES, blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=20, blank=True, default="%")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    """An indicator's value for one unit and period, entered by an officer with its source."""

    org_unit = models.ForeignKey(
        "orgs.OrgUnit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="indicator_values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ số"), on_delete=models.PROTECT, related_name="values"
    )
    period_code = models.CharField(_("kỳ"), max_length=12)
    period_end = models.DateField(_("ngày chốt số liệu"))
    value = models.DecimalField(_("giá trị"), max_digits=12, decimal_places=2)
    source = models.CharField(_("nguồn số liệu"), max_length=300)
    evidence_note = models.TextField(_("ghi chú, tài liệu kiểm chứng"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu chỉ số")
        verbose_name_plural = _("số liệu chỉ số")
        ordering = ["org_unit", "indicator", "period_end"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "indicator", "period_code"], name="indicator_value_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period_code}: {self.value}"


class PeriodicReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SIGNED = "signed", _("Đã ký")
        SUBMITTED = "submitted", _("Đã gửi cấp trên")

    org_unit = models.ForeignKey(
        "orgs.OrgUnit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="periodic_reports"
    )
    period_code = models.CharField(_("kỳ báo cáo"), max_length=12)
    period_start = models.DateField(_("số liệu từ ngày"))
    period_end = models.DateField(_("chốt số liệu ngày"))
    due = models.DateField(_("hạn gửi"))
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    revision = models.PositiveIntegerField(default=1)  # optimistic locking of the narrative form
    # Header and closing of the document (Nghị định 30/2020).
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True)
    number = models.CharField(_("số"), max_length=20, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    report_date = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=100, default="TM. ỦY BAN NHÂN DÂN")
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, default="CHỦ TỊCH")
    signer_name = models.CharField(_("họ tên người ký"), max_length=150, blank=True)
    # Narrative (drafted by the system, then edited).
    drafted = models.BooleanField(default=False)
    direction = models.TextField(_("I. Công tác chỉ đạo, điều hành"), blank=True)
    area_texts = models.JSONField(_("II. Kết quả theo lĩnh vực"), default=dict, blank=True)
    achievements = models.TextField(_("Kết quả đạt được"), blank=True)
    limitations = models.TextField(_("Tồn tại, hạn chế"), blank=True)
    causes = models.TextField(_("Nguyên nhân"), blank=True)
    next_tasks = models.TextField(_("IV. Phương hướng, nhiệm vụ kỳ tới"), blank=True)
    proposals = models.TextField(_("V. Đề xuất, kiến nghị"), blank=True)
    compiled = models.JSONField(null=True, blank=True)  # the subordinate units' rows, from the job
    snapshot = models.JSONField(null=True, blank=True)  # the ReportData that was signed
    signed_scan = models.FileField(upload_to="reports/signed/%Y/", max_length=300, blank=True)
    signed_scan_sha256 = models.CharField(max_length=64, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        ordering = ["-period_end", "org_unit__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "period_code", "version"], name="report_version_once"
            ),
        ]
        indexes = [models.Index(fields=["period_code", "status"])]

    def __str__(self) -> str:
        return f"Báo cáo CCHC {self.period_code} — {self.org_unit} (phiên bản {self.version})"

    @property
    def locked(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def on_time(self) -> bool | None:
        return None if self.submitted_on is None else self.submitted_on <= self.due
