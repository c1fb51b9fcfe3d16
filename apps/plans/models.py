"""Plans and what they contain: targets (chỉ tiêu), tasks (nhiệm vụ) with their agencies, milestones.

An imported document first becomes a plan in status DRAFT, with its rows, so the official reviews
and corrects real rows; confirming makes it ACTIVE and lays out its milestones. Every extracted
field keeps its source span (``spans``: field name -> [start, end]) into ``SourceDocument.text``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.indicators import INDICATOR_NAMES
from core.plandoc.model import AREAS, INDICATORS

AREA_CHOICES = list(AREAS.items())
INDICATOR_CHOICES = [(code, INDICATOR_NAMES[code]) for code in INDICATORS]
COMPARATOR_CHOICES = [(">=", "≥"), (">", ">"), ("<=", "≤"), ("<", "<")]
REPORT_STATUS_CHOICES = [
    ("", _("Chưa báo cáo")),
    ("draft", _("Đang soạn")),
    ("submitted", _("Chờ lãnh đạo cơ quan duyệt")),
    ("approved", _("Chờ chuyên viên CCHC tiếp nhận")),
    ("accepted", _("Đã tiếp nhận")),
    ("returned", _("Bị trả lại")),
]


class SourceDocument(models.Model):
    """The uploaded plan file and the canonical text its spans point into."""

    org_unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    filename = models.CharField(_("tên tệp"), max_length=255)
    format = models.CharField(_("định dạng"), max_length=10)
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveIntegerField(_("dung lượng"))
    file = models.FileField(upload_to="plans/%Y/%m/", max_length=300)
    text = models.TextField(_("nội dung văn bản"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản kế hoạch")
        verbose_name_plural = _("văn bản kế hoạch")

    def __str__(self) -> str:
        return self.filename


class Plan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang rà soát")
        ACTIVE = "active", _("Đang thực hiện")
        SUPERSEDED = "superseded", _("Đã được thay thế")

    org_unit = models.ForeignKey(
        "orgs.OrgUnit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="plans"
    )
    title = models.CharField(_("tên kế hoạch"), max_length=500)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    decision_number = models.CharField(_("số ký hiệu"), max_length=60, blank=True)
    signed_date = models.DateField(_("ngày ký"), null=True, blank=True)
    signer = models.CharField(_("người ký"), max_length=150, blank=True)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("kế hoạch cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("thay thế kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
    )
    source = models.ForeignKey(
        SourceDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="plans"
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    spans = models.JSONField(default=dict, blank=True)
    # From a scan: header fields the OCR was unsure of (field -> confidence), until an official saves them.
    review = models.JSONField(default=dict, blank=True)
    warnings = models.JSONField(default=list, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Why the plan was confirmed while errors, warnings or unknown agency names were still open
    # (empty when nothing was open): the decision stays on the plan, not only in the audit trail.
    confirm_reason = models.TextField(_("lý do xác nhận khi còn tồn tại"), blank=True)

    class Meta:
        verbose_name = _("kế hoạch CCHC")
        verbose_name_plural = _("kế hoạch CCHC")
        ordering = ["-period_start", "org_unit__name"]

    def __str__(self) -> str:
        return self.title


class Target(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    position = models.PositiveIntegerField(default=0)
    area = models.CharField(_("lĩnh vực"), max_length=20, choices=AREA_CHOICES, blank=True)
    text = models.TextField(_("nội dung chỉ tiêu"))
    indicator = models.CharField(_("chỉ số"), max_length=40, choices=INDICATOR_CHOICES, blank=True)
    comparator = models.CharField(_("so sánh"), max_length=2, choices=COMPARATOR_CHOICES, blank=True)
    value = models.DecimalField(_("giá trị"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=20, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    spans = models.JSONField(default=dict, blank=True)
    review = models.JSONField(default=dict, blank=True)  # as Plan.review
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return self.text[:120]


class Task(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    area = models.CharField(_("lĩnh vực"), max_length=20, choices=AREA_CHOICES)
    no = models.CharField(_("số thứ tự"), max_length=20, blank=True)
    content = models.TextField(_("nội dung nhiệm vụ"))
    products = models.JSONField(_("sản phẩm"), default=list, blank=True)
    deadline_text = models.CharField(_("thời hạn"), max_length=500, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    parent_task = models.ForeignKey(
        "self",
        verbose_name=_("nhiệm vụ cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    spans = models.JSONField(default=dict, blank=True)
    review = models.JSONField(default=dict, blank=True)  # as Plan.review ("lead.0": 62.5)
    version = models.PositiveIntegerField(default=1)
    # A task with work on it is never deleted: it is cancelled (dừng thực hiện) with a reason, kept
    # with its reports and evidence, and left out of the figures (tracking, reminders, reports).
    cancelled_at = models.DateTimeField(_("dừng thực hiện lúc"), null=True, blank=True)
    cancel_reason = models.TextField(_("lý do dừng thực hiện"), blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "position"]

    def __str__(self) -> str:
        return f"{self.no}. {self.content[:100]}" if self.no else self.content[:100]

    @property
    def cancelled(self) -> bool:
        return self.cancelled_at is not None


class TaskAgency(models.Model):
    """An agency as printed on a task (lead or coordinating), and what it resolved to."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Chủ trì")
        COORDINATING = "coordinating", _("Phối hợp")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="agencies")
    role = models.CharField(max_length=16, choices=Role.choices)
    position = models.PositiveIntegerField(default=0)
    printed = models.CharField(_("tên như in"), max_length=300)
    agency = models.ForeignKey(
        "orgs.Agency", null=True, blank=True, on_delete=models.SET_NULL, related_name="task_links"
    )
    group = models.ForeignKey(
        "orgs.AgencyGroup", null=True, blank=True, on_delete=models.SET_NULL, related_name="task_links"
    )
    score = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["task", "role", "position"]
        indexes = [models.Index(fields=["agency", "role"])]

    def __str__(self) -> str:
        return self.printed

    @property
    def resolved(self):
        return self.agency or self.group


class Milestone(models.Model):
    """One dated obligation of a task: a due date, or one occurrence of a recurring report."""

    class Kind(models.TextChoices):
        ONCE = "once", _("Một lần")
        RECURRING = "recurring", _("Định kỳ")
        CONTINUOUS = "continuous", _("Thường xuyên")
        ON_EVENT = "on_event", _("Theo sự kiện")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveIntegerField(default=0)
    label = models.CharField(_("mốc"), max_length=200)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    due = models.DateField(_("hạn"), null=True, blank=True)
    frequency = models.CharField(_("tần suất"), max_length=16, blank=True)
    # Follow-up (apps.tracking): only what cannot be derived. The state (upcoming, due soon,
    # overdue, ...) is computed by core.tracking from these, the due date and today.
    report_status = models.CharField(
        _("tình trạng báo cáo"), max_length=12, blank=True, default="", choices=REPORT_STATUS_CHOICES
    )
    submitted_on = models.DateField(_("ngày gửi báo cáo lần đầu"), null=True, blank=True)

    class Meta:
        verbose_name = _("mốc thời hạn")
        verbose_name_plural = _("mốc thời hạn")
        ordering = ["task", "due", "position"]
        indexes = [models.Index(fields=["due"]), models.Index(fields=["report_status", "due"])]

    def __str__(self) -> str:
        return f"{self.label} ({self.due:%d/%m/%Y})" if self.due else self.label
