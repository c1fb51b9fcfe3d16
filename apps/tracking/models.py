"""Follow-up of plan milestones: progress reports with evidence, reminders, notifications, calendar.

A milestone's state is derived (core.tracking); the rows here hold what people did: the report
they wrote and the files they attached, who approved and reviewed it, which reminders went out.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.tracking import DEFAULT_DUE_SOON_DAYS


class CalendarDay(models.Model):
    """A yearly official override of the Mon-Fri rule: an extra day off or a make-up Saturday."""

    class Kind(models.TextChoices):
        OFF = "off", _("Ngày nghỉ (nghỉ bù, hoán đổi)")
        WORK = "work", _("Ngày làm bù")

    day = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=4, choices=Kind.choices)
    note = models.CharField(_("căn cứ, ghi chú"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("lịch ngày làm việc")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} — {self.get_kind_display()}"


class TrackingSettings(models.Model):
    """A unit's follow-up settings; a unit without a row uses the defaults."""

    org_unit = models.OneToOneField(
        "orgs.OrgUnit", on_delete=models.CASCADE, related_name="tracking_settings", verbose_name=_("đơn vị")
    )
    remind_before = models.CharField(
        _("nhắc trước hạn (ngày làm việc)"), max_length=40, default="5, 1", help_text=_("Ví dụ: 5, 1")
    )
    overdue_every = models.PositiveSmallIntegerField(_("nhắc quá hạn mỗi (ngày làm việc)"), default=3)
    escalate_head_after = models.PositiveSmallIntegerField(
        _("báo lãnh đạo cơ quan sau (ngày quá hạn)"), default=5
    )
    escalate_leader_after = models.PositiveSmallIntegerField(
        _("báo lãnh đạo UBND sau (ngày quá hạn)"), default=10
    )
    due_soon_days = models.PositiveSmallIntegerField(
        _("sắp đến hạn khi còn (ngày làm việc)"), default=DEFAULT_DUE_SOON_DAYS
    )

    class Meta:
        verbose_name = _("cấu hình theo dõi, đôn đốc")
        verbose_name_plural = _("cấu hình theo dõi, đôn đốc")

    def __str__(self) -> str:
        return str(self.org_unit)


class ProgressReport(models.Model):
    """The lead agency's report on one milestone; corrected and resent in place after a return.

    Its workflow status lives on the milestone (``Milestone.report_status``), the one place
    dashboards count from, so the two can never disagree."""

    class Progress(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa triển khai")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Không thực hiện được")

    milestone = models.OneToOneField(
        "plans.Milestone", on_delete=models.CASCADE, related_name="report", verbose_name=_("mốc")
    )
    agency = models.ForeignKey(
        "orgs.Agency",
        on_delete=models.PROTECT,
        related_name="progress_reports",
        verbose_name=_("cơ quan báo cáo"),
    )
    text = models.TextField(_("kết quả thực hiện"))
    percent = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    progress = models.CharField(
        _("tình trạng"), max_length=12, choices=Progress.choices, default=Progress.IN_PROGRESS
    )
    reason = models.TextField(_("lý do"), blank=True)
    review_comment = models.TextField(_("ý kiến"), blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # The business day (cchc.clock) the report last reached a reviewer (sent, or approved): the
    # queue's "days waiting" counts from it; timestamps above are the real clock.
    waiting_since = models.DateField(_("chờ xử lý từ ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        constraints = [
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="report_percent_max_100"),
        ]

    def __str__(self) -> str:
        return f"Báo cáo: {self.milestone}"


class Contribution(models.Model):
    """A coordinating agency's part, added to the lead agency's report."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="contributions")
    agency = models.ForeignKey(
        "orgs.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan")
    )
    text = models.TextField(_("nội dung phối hợp"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nội dung phối hợp")
        verbose_name_plural = _("nội dung phối hợp")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.text[:60]}"


class Evidence(models.Model):
    """A file (checked by content, stored under MEDIA_ROOT, served by a view) or a link."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    agency = models.ForeignKey("orgs.Agency", null=True, on_delete=models.SET_NULL, related_name="+")
    title = models.CharField(_("tên tài liệu"), max_length=300)
    file = models.FileField(upload_to="evidence/%Y/%m/", max_length=300, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu kiểm chứng")
        verbose_name_plural = _("tài liệu kiểm chứng")
        ordering = ["uploaded_at"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(url="") & ~models.Q(file="")) | (~models.Q(url="") & models.Q(file="")),
                name="evidence_file_xor_link",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Notification(models.Model):
    """An in-app notice: a report to approve or review, a return, a reminder."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(_("nội dung"), max_length=500)
    url = models.CharField(max_length=300, blank=True)
    milestone = models.ForeignKey(
        "plans.Milestone", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text


class Reminder(models.Model):
    """One reminder step sent for a milestone; unique so that running the job twice sends nothing new."""

    milestone = models.ForeignKey("plans.Milestone", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("loại"), max_length=16)
    step = models.PositiveSmallIntegerField(default=0)
    days = models.SmallIntegerField(default=0)
    sent_on = models.DateField(_("ngày gửi"))
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("đôn đốc")
        verbose_name_plural = _("đôn đốc")
        constraints = [
            models.UniqueConstraint(fields=["milestone", "kind", "step"], name="reminder_once_per_step"),
        ]
        indexes = [models.Index(fields=["sent_on"])]

    def __str__(self) -> str:
        return f"{self.kind}/{self.step}: {self.milestone_id}"


class NotificationPreference(models.Model):
    """How a user wants notices by email; the in-app list is always kept. Without a row: a daily
    digest, so a busy morning of reminders is one email, not twenty."""

    class Email(models.TextChoices):
        DAILY = "daily", _("Một thư tổng hợp mỗi ngày")
        EACH = "each", _("Một thư cho mỗi thông báo")
        NONE = "none", _("Không gửi thư (chỉ xem trên hệ thống)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email = models.CharField(_("nhận thông báo qua thư điện tử"), max_length=8, choices=Email.choices)

    class Meta:
        verbose_name = _("cách nhận thông báo")
        verbose_name_plural = _("cách nhận thông báo")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_email_display()}"


class EmailDigest(models.Model):
    """The daily digest sent to one user on one day; unique, so a second run the same day (or two
    workers at once) sends nothing. The next digest covers notices created after ``covered_to``."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("ngày"))
    covered_to = models.DateTimeField()
    notices = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("thư tổng hợp")
        verbose_name_plural = _("thư tổng hợp")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="email_digest_once_a_day")]

    def __str__(self) -> str:
        return f"{self.user} {self.day:%d/%m/%Y}"
