"""Citizen voice: petitions (PAKN), ratings of dossiers, local survey rounds, official SIPAS results.

Everything here can come from a person without an account (the public pages), so what is stored
is what the rules need and nothing more: a petitioner's contact is kept for the reply and shown
only to the staff who handle it; a rating stores its score, not who gave it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.petitions import (
    CHANNEL_LABELS,
    FEEDBACK_LABELS,
    REDIRECT_LABELS,
    STATUS_LABELS,
    SUBJECT_LABELS,
    Channel,
    Feedback,
    Status,
    Subject,
)
from core.satisfaction import FACTORS, LIKERT

_USER = settings.AUTH_USER_MODEL


def _choices(labels: dict) -> list[tuple[str, str]]:
    return [(k.value, v) for k, v in labels.items()]


class Petition(models.Model):
    """One phản ánh, kiến nghị, from its receipt to its published answer."""

    code = models.CharField(_("mã tra cứu"), max_length=20, unique=True)
    org_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="petitions", verbose_name=_("đơn vị")
    )
    agency = models.ForeignKey(
        "orgs.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
        verbose_name=_("cơ quan xử lý"),
    )
    channel = models.CharField(_("kênh tiếp nhận"), max_length=10, choices=_choices(CHANNEL_LABELS))
    subject = models.CharField(_("nội dung về"), max_length=12, choices=_choices(SUBJECT_LABELS))
    procedure_name = models.CharField(_("thủ tục hành chính liên quan"), max_length=300, blank=True)
    dossier_code = models.CharField(_("mã hồ sơ liên quan"), max_length=60, blank=True, db_index=True)
    official_name = models.CharField(_("cán bộ, công chức được phản ánh"), max_length=200, blank=True)
    text = models.TextField(_("nội dung"))
    anonymous = models.BooleanField(_("không nêu tên"), default=False)
    sender_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    sender_phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    sender_email = models.EmailField(_("thư điện tử"), blank=True)
    sender_address = models.CharField(_("địa chỉ"), max_length=300, blank=True)

    status = models.CharField(
        _("trạng thái"), max_length=12, choices=_choices(STATUS_LABELS), default=Status.RECEIVED.value
    )
    due_on = models.DateField(_("hạn của bước hiện tại"), null=True, blank=True, db_index=True)
    received_on = models.DateField(_("ngày tiếp nhận"))
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), auto_now_add=True)
    entered_by = models.ForeignKey(
        _USER,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("người nhập"),
    )
    transferred_on = models.DateField(_("ngày chuyển đến"), null=True, blank=True)
    transferred_from = models.ForeignKey(
        "orgs.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    info_request = models.TextField(_("nội dung yêu cầu bổ sung"), blank=True)
    info_requested_on = models.DateField(null=True, blank=True)
    supplement_text = models.TextField(_("nội dung bổ sung"), blank=True)
    supplemented_on = models.DateField(null=True, blank=True)
    redirect_kind = models.CharField(
        _("loại đơn"), max_length=10, choices=_choices(REDIRECT_LABELS), blank=True
    )
    redirect_reason = models.TextField(_("lý do, hướng dẫn"), blank=True)
    redirected_on = models.DateField(null=True, blank=True)
    classified_on = models.DateField(null=True, blank=True)
    assigned_on = models.DateField(null=True, blank=True)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)
    approved_on = models.DateField(null=True, blank=True)
    approved_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    public_summary = models.TextField(_("nội dung công khai"), blank=True)
    published_on = models.DateField(null=True, blank=True)
    feedback = models.CharField(
        _("đánh giá của người gửi"), max_length=12, choices=_choices(FEEDBACK_LABELS), blank=True
    )
    feedback_on = models.DateField(null=True, blank=True)
    follow_up_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
        verbose_name=_("tiếp tục phản ánh về"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["org_unit", "received_on"]),
            models.Index(fields=["status", "due_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=Status.REDIRECTED.value) | ~models.Q(redirect_kind=""),
                name="petition_redirect_has_kind",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=Status.PUBLISHED.value) | ~models.Q(answer=""),
                name="petition_published_has_answer",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[Status(self.status)]

    @property
    def is_closed(self) -> bool:
        return self.status in (Status.REDIRECTED.value, Status.PUBLISHED.value)


class PetitionAttachment(models.Model):
    """A file sent with a petition, its supplement, or its answer; checked by content and size."""

    class Part(models.TextChoices):
        PETITION = "petition", _("Kèm phản ánh")
        SUPPLEMENT = "supplement", _("Bổ sung")
        ANSWER = "answer", _("Kèm trả lời")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="attachments")
    part = models.CharField(max_length=10, choices=Part.choices, default=Part.PETITION)
    title = models.CharField(_("tên tệp"), max_length=200)
    file = models.FileField(upload_to="petitions/%Y/%m/", max_length=300)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm phản ánh")
        verbose_name_plural = _("tệp đính kèm phản ánh")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title


class PetitionReminder(models.Model):
    """One reminder step sent for a petition's current due date; unique, so a rerun sends nothing."""

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField()
    kind = models.CharField(max_length=16)
    step = models.PositiveSmallIntegerField(default=0)
    sent_on = models.DateField()
    recipients = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("đôn đốc xử lý phản ánh")
        verbose_name_plural = _("đôn đốc xử lý phản ánh")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "due_on", "kind", "step"], name="petition_reminder_once_per_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.petition_id} {self.kind}/{self.step}"


class SurveyRound(models.Model):
    """A local survey round (phiếu khảo sát sự hài lòng): its questionnaire, public link, responses."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        OPEN = "open", _("Đang nhận phiếu")
        CLOSED = "closed", _("Đã kết thúc")

    org_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="survey_rounds", verbose_name=_("đơn vị")
    )
    title = models.CharField(_("tên đợt khảo sát"), max_length=200)
    year = models.PositiveSmallIntegerField(_("năm"))
    opens_on = models.DateField(_("từ ngày"))
    closes_on = models.DateField(_("đến ngày"))
    state = models.CharField(_("tình trạng"), max_length=6, choices=State.choices, default=State.DRAFT)
    token = models.CharField(max_length=24, unique=True, editable=False)
    units = models.ManyToManyField(
        "orgs.OrgUnit", blank=True, related_name="+", verbose_name=_("đơn vị được khảo sát")
    )
    created_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt khảo sát")
        verbose_name_plural = _("đợt khảo sát")
        ordering = ["-year", "-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="round_dates"
            )
        ]

    def __str__(self) -> str:
        return self.title


class SurveyQuestion(models.Model):
    """A Likert item of a round, under one SIPAS factor."""

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="questions")
    factor = models.CharField(_("yếu tố"), max_length=12, choices=list(FACTORS.items()))
    text = models.CharField(_("nội dung câu hỏi"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("câu hỏi khảo sát")
        verbose_name_plural = _("câu hỏi khảo sát")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.text


class SurveyResponse(models.Model):
    """One filled questionnaire: from the public link, or a paper form entered by staff."""

    class Channel(models.TextChoices):
        WEB = "web", _("Trực tuyến")
        PAPER = "paper", _("Phiếu giấy")

    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="responses")
    org_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị được đánh giá")
    )
    channel = models.CharField(max_length=5, choices=Channel.choices)
    answers = models.JSONField(default=dict)  # question id (str) -> 1..5; absent: không ý kiến
    comment = models.TextField(_("ý kiến khác"), blank=True)
    form_number = models.CharField(_("số phiếu"), max_length=30, blank=True)
    entered_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiếu khảo sát")
        verbose_name_plural = _("phiếu khảo sát")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "form_number"],
                condition=~models.Q(form_number=""),
                name="survey_paper_form_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.round_id}/{self.pk}"


class OfficialSipasResult(models.Model):
    """An official SIPAS figure (Bộ Nội vụ) for one year and unit: imported, never recomputed."""

    INDEX = "index"
    year = models.PositiveSmallIntegerField(_("năm"))
    org_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    factor = models.CharField(_("chỉ số"), max_length=12, choices=[(INDEX, "Chỉ số SIPAS"), *FACTORS.items()])
    value = models.DecimalField(
        _("giá trị (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    source = models.CharField(_("nguồn"), max_length=300, blank=True)
    imported_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kết quả SIPAS chính thức")
        verbose_name_plural = _("kết quả SIPAS chính thức")
        ordering = ["-year", "org_unit_id", "factor"]
        constraints = [
            models.UniqueConstraint(fields=["year", "org_unit", "factor"], name="sipas_once_per_year_unit"),
            models.CheckConstraint(
                condition=models.Q(value__gte=0) & models.Q(value__lte=100), name="sipas_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"SIPAS {self.year} {self.org_unit_id} {self.factor}: {self.value}"


class RateCounter(models.Model):
    """Hits of one client key in one time slot: the shared memory of the public pages' rate limits
    (a database row, so every web process sees the same count)."""

    key = models.CharField(max_length=120)
    slot = models.BigIntegerField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "slot"], name="ratecounter_key_slot")]
        indexes = [models.Index(fields=["slot"])]

    def __str__(self) -> str:
        return f"{self.key}@{self.slot}: {self.hits}"


LIKERT_CHOICES = list(LIKERT.items())
__all__ = ["Channel", "Feedback", "Subject", "LIKERT_CHOICES"]


class Rating(models.Model):
    """A citizen's rating of one dossier's handling (đánh giá sự hài lòng theo hồ sơ): local, one per
    dossier, reached through the signed code printed on the dossier's receipt."""

    class Channel(models.TextChoices):
        QR = "qr", _("Quét mã QR trên giấy hẹn")
        CODE = "code", _("Nhập mã trên giấy hẹn")

    dossier = models.OneToOneField(
        "dossiers.Dossier", on_delete=models.CASCADE, related_name="rating", verbose_name=_("hồ sơ")
    )
    org_unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị")
    )
    procedure = models.ForeignKey(
        "dossiers.Procedure", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    score = models.PositiveSmallIntegerField(
        _("mức hài lòng"),
        choices=list(LIKERT.items()),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment = models.TextField(_("ý kiến"), blank=True)
    channel = models.CharField(max_length=4, choices=Channel.choices, default=Channel.QR)
    rated_on = models.DateField(_("ngày đánh giá"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đánh giá hồ sơ")
        verbose_name_plural = _("đánh giá hồ sơ")
        ordering = ["-rated_on", "-id"]
        indexes = [models.Index(fields=["org_unit", "rated_on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="rating_score_1_5")
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.score}"
