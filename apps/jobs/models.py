"""Background jobs (tác vụ nền): one row per piece of background work, the truth about its state.

Django's Tasks API (``django_tasks``) only carries "run job N" to a worker; everything a user or an
operator needs to know lives here: what kind of work, for which unit and object, who started it, its
progress, its attempts, the Vietnamese reason it failed. A running job holds a lease that its worker
renews; a job whose lease ran out was left by a dead worker and is run again (``apps.jobs.runner``).
Every write of a worker is fenced by ``token``, the id of its claim, so a worker that lost its lease
can never overwrite what the next one did.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        SUCCEEDED = "succeeded", _("Hoàn tất")
        FAILED = "failed", _("Thất bại")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(_("loại tác vụ"), max_length=60)
    key = models.CharField(
        _("khóa"), max_length=200, blank=True, help_text=_("Cùng khóa: chỉ một tác vụ chờ hoặc chạy một lúc.")
    )
    org_unit = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    params = models.JSONField(_("tham số"), default=dict, blank=True)

    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("đã xong"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    message = models.CharField(_("thông báo"), max_length=500, blank=True)
    error = models.CharField(_("lý do lỗi"), max_length=500, blank=True)
    error_detail = models.TextField(_("chi tiết lỗi (cho quản trị)"), blank=True)
    result = models.JSONField(_("kết quả"), null=True, blank=True)

    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("số lần chạy tối đa"), default=3)
    timeout_seconds = models.PositiveIntegerField(_("thời gian tối đa mỗi lần (giây)"), default=600)
    token = models.CharField(max_length=32, blank=True)
    worker = models.CharField(_("tiến trình xử lý"), max_length=200, blank=True)
    lease_until = models.DateTimeField(_("hạn giữ"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tín hiệu gần nhất"), null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("tác vụ nền")
        verbose_name_plural = _("tác vụ nền")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(status__in=["queued", "running"]) & ~Q(key=""),
                name="job_key_active_once",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "lease_until"], name="job_status_lease"),
            models.Index(fields=["subject_type", "subject_id", "created_at"], name="job_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.label} #{self.pk}: {self.get_status_display()}"

    @property
    def spec(self):
        from apps.jobs.registry import find

        return find(self.kind)

    @property
    def label(self) -> str:
        spec = self.spec
        return spec.label if spec else self.kind

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        return min(100, int(100 * self.done / self.total)) if self.total else 0


class ScheduledRun(models.Model):
    """One run of a periodic job in one slot (say the reminders of 25/11/2025), claimed once.

    Every worker ticks the schedule; the unique row decides which one submits the slot's job, so
    there is one scheduler however many web processes and workers run."""

    name = models.CharField(_("lịch"), max_length=60)
    slot = models.CharField(_("lượt"), max_length=40)
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lượt chạy theo lịch")
        verbose_name_plural = _("lượt chạy theo lịch")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="scheduled_run_once")]

    def __str__(self) -> str:
        return f"{self.name} {self.slot}"
