"""What plan review keeps: dismissed findings, the explanation of each cascade link, and the
"Tổ chức thực hiện" assignments the checks compare the annex against.

Findings themselves are never stored: they are recomputed from the plan as it stands, so a
correction shows at once. A dismissal is therefore keyed by what identifies a finding across runs
(rule, location, a hash of the message), not by a row id. The superior task a task implements is
``plans.Task.parent_task``; ``TaskAlignment`` only says why (score, explanation, chosen by hand).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.plans.models import AREA_CHOICES


class FindingDismissal(models.Model):
    """An official decided a finding is not a defect of this plan, and said why."""

    plan = models.ForeignKey(
        "plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="finding_dismissals"
    )
    rule = models.CharField(_("quy tắc"), max_length=40)
    location = models.CharField(_("vị trí"), max_length=80)  # "task:tthc/5", "target:2", "plan"
    message_hash = models.CharField(max_length=16)
    message = models.TextField(_("nội dung phát hiện"))
    reason = models.CharField(_("lý do bỏ qua"), max_length=500)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người bỏ qua"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dismissed_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = _("phát hiện đã bỏ qua")
        verbose_name_plural = _("phát hiện đã bỏ qua")
        ordering = ["plan", "dismissed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "rule", "location", "message_hash"], name="dismissal_unique_finding"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule} ({self.location}): {self.reason[:60]}"


class TaskAlignment(models.Model):
    """Why ``task.parent_task`` is what it is: the matcher's score and explanation, or a hand choice."""

    class Status(models.TextChoices):
        COVERED = "covered", _("Triển khai nhiệm vụ cấp trên")
        ADAPTED = "adapted", _("Gần với nhiệm vụ cấp trên")
        UNMATCHED = "unmatched", _("Nhiệm vụ riêng của đơn vị")
        MANUAL = "manual", _("Chọn bằng tay")

    task = models.OneToOneField(
        "plans.Task", verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="alignment"
    )
    status = models.CharField(_("kết quả"), max_length=12, choices=Status.choices)
    score = models.FloatField(_("điểm tương đồng"), null=True, blank=True)
    explanation = models.CharField(_("giải thích"), max_length=500, blank=True)
    manual = models.BooleanField(_("chọn bằng tay"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đối chiếu nhiệm vụ cấp trên")
        verbose_name_plural = _("đối chiếu nhiệm vụ cấp trên")

    def __str__(self) -> str:
        return f"{self.task_id}: {self.get_status_display()}"


class AreaAssignment(models.Model):
    """One line of "Tổ chức thực hiện": an area (or some of its task numbers) given to an agency."""

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="area_assignments")
    position = models.PositiveIntegerField(default=0)
    area = models.CharField(_("lĩnh vực"), max_length=20, choices=AREA_CHOICES)
    agency = models.CharField(_("cơ quan như in"), max_length=300)
    task_numbers = models.JSONField(_("số thứ tự nhiệm vụ"), default=list, blank=True)
    verb = models.CharField(max_length=40, blank=True)
    span = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("phân công theo lĩnh vực")
        verbose_name_plural = _("phân công theo lĩnh vực")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return f"{self.area}: {self.agency}"
