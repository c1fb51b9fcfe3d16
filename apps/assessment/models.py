"""PAR INDEX (Chỉ số CCHC): frameworks as versioned data, yearly rounds, each unit's assessment.

An ``IndexFramework`` is the criteria tree a province issues for one year and level (communes or
departments); once a round uses it, it is frozen (a correction is a new version). An
``AssessmentRound`` runs one framework over the province's units with a deadline per step. Each
unit's ``Assessment`` moves self-assessment → submitted → appraisal 1 → explanation → appraisal 2
→ decided → published; its ``Score`` rows keep every figure side by side (self, computed from
data, appraisal 1, explanation, appraisal 2, survey) and ``ScoreChange`` rows keep who changed
what, when and why. Locks are checked by the services against these dates and ``Reopening`` rows.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.scoring.framework import (
    KIND_LABELS,
    LEVEL_LABELS,
    NA_LABELS,
    PART_LABELS,
    Band,
    CriterionSpec,
    FrameworkSpec,
    NotApplicable,
    Part,
    ScoreLevel,
    ScoringKind,
)

POINTS = {"max_digits": 6, "decimal_places": 2}


def _f(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


class IndexFramework(models.Model):
    """A Bộ chỉ số CCHC: one province, one year, one level, one version."""

    province = models.ForeignKey(
        "orgs.OrgUnit",
        verbose_name=_("tỉnh ban hành"),
        on_delete=models.PROTECT,
        related_name="index_frameworks",
    )
    year = models.PositiveSmallIntegerField(_("năm áp dụng"))
    level = models.CharField(_("cấp áp dụng"), max_length=12, choices=list(LEVEL_LABELS.items()))
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    title = models.CharField(_("tên bộ chỉ số"), max_length=300)
    decision = models.CharField(_("quyết định ban hành"), max_length=200, blank=True)
    source = models.TextField(_("nguồn, căn cứ"), blank=True)
    total_max = models.DecimalField(_("tổng điểm tối đa"), **POINTS)
    appraisal_max = models.DecimalField(_("điểm tối đa phần thẩm định"), **POINTS)
    survey_max = models.DecimalField(_("điểm tối đa phần khảo sát"), default=0, **POINTS)
    bands = models.JSONField(_("xếp loại"), default=list)  # [{"label": "Xuất sắc", "min_percent": 90}]
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("sao chép từ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bộ chỉ số CCHC")
        verbose_name_plural = _("bộ chỉ số CCHC")
        ordering = ["-year", "level", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year", "level", "version"], name="framework_version_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (phiên bản {self.version})"

    @property
    def org_unit_id(self) -> int:
        return self.province_id

    def band_list(self) -> list[Band]:
        return [Band(b["label"], float(b["min_percent"])) for b in self.bands]

    def spec(self, criteria: list[Criterion] | None = None) -> FrameworkSpec:
        rows = criteria if criteria is not None else list(self.criteria.order_by("position"))
        return FrameworkSpec(
            title=self.title,
            year=self.year,
            level=self.level,
            province=self.province.name,
            total_max=_f(self.total_max),
            appraisal_max=_f(self.appraisal_max),
            survey_max=_f(self.survey_max) or 0.0,
            decision=self.decision,
            source=self.source,
            bands=self.band_list(),
            criteria=[c.spec() for c in rows],
        )


class Criterion(models.Model):
    """A lĩnh vực, tiêu chí or tiêu chí thành phần; only leaves (``is_leaf``) are scored."""

    framework = models.ForeignKey(IndexFramework, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    code = models.CharField(_("mã"), max_length=12)
    position = models.PositiveIntegerField(default=0)
    depth = models.PositiveSmallIntegerField(default=1)
    title = models.TextField(_("nội dung"))
    max_points = models.DecimalField(_("điểm tối đa"), **POINTS)
    method = models.TextField(_("phương pháp chấm điểm"), blank=True)
    kind = models.CharField(
        _("cách chấm"), max_length=10, choices=list(KIND_LABELS.items()), default="manual"
    )
    levels = models.JSONField(_("các mức điểm"), default=list, blank=True)
    full_at = models.DecimalField(_("tỷ lệ đạt điểm tối đa (%)"), null=True, blank=True, **POINTS)
    zero_below = models.DecimalField(_("tỷ lệ dưới mức không tính điểm (%)"), null=True, blank=True, **POINTS)
    measure = models.CharField(_("mã số liệu tự động"), max_length=40, blank=True)
    evidence_required = models.BooleanField(_("bắt buộc tài liệu kiểm chứng"), default=False)
    not_applicable = models.CharField(
        _("khi không áp dụng"), max_length=8, choices=list(NA_LABELS.items()), default="none"
    )
    part = models.CharField(_("phần"), max_length=10, choices=list(PART_LABELS.items()), default="appraisal")
    is_leaf = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["framework", "position"]
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="criterion_code_once")]

    def __str__(self) -> str:
        return f"{self.code}. {self.title[:100]}"

    @property
    def is_survey(self) -> bool:
        return self.part == Part.SURVEY

    def spec(self) -> CriterionSpec:
        return CriterionSpec(
            code=self.code,
            title=self.title,
            max_points=_f(self.max_points),
            method=self.method,
            kind=ScoringKind(self.kind),
            levels=tuple(
                ScoreLevel(lv["label"], float(lv["points"]), lv.get("min_rate")) for lv in self.levels
            ),
            full_at=_f(self.full_at),
            zero_below=_f(self.zero_below),
            measure=self.measure,
            evidence_required=self.evidence_required,
            not_applicable=NotApplicable(self.not_applicable),
            part=Part(self.part) if self.depth == 1 else None,
        )


class AssessmentRound(models.Model):
    """One year's scoring of a province's communes (or departments) on one framework."""

    framework = models.ForeignKey(
        IndexFramework, verbose_name=_("bộ chỉ số"), on_delete=models.PROTECT, related_name="rounds"
    )
    province = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="assessment_rounds")
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    level = models.CharField(_("cấp"), max_length=12, choices=list(LEVEL_LABELS.items()))
    title = models.CharField(_("tên đợt đánh giá"), max_length=300)
    self_due = models.DateField(_("hạn tự đánh giá, gửi kết quả"))
    appraisal1_due = models.DateField(_("hạn thẩm định lần 1"))
    explanation_due = models.DateField(_("hạn giải trình"))
    appraisal2_due = models.DateField(_("hạn thẩm định lần 2"))
    decision_due = models.DateField(_("hạn Hội đồng quyết định"))
    decision_number = models.CharField(_("số quyết định công bố"), max_length=40, blank=True)
    decision_date = models.DateField(_("ngày quyết định công bố"), null=True, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=60, default="KT. CHỦ TỊCH")
    signer_title = models.CharField(_("chức vụ người ký"), max_length=60, default="PHÓ CHỦ TỊCH")
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt đánh giá Chỉ số CCHC")
        verbose_name_plural = _("đợt đánh giá Chỉ số CCHC")
        ordering = ["-year", "level"]
        constraints = [
            models.UniqueConstraint(fields=["province", "year", "level"], name="round_once_per_year_level"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def org_unit_id(self) -> int:
        return self.province_id

    @property
    def published(self) -> bool:
        return self.published_at is not None

    @property
    def period_code(self) -> str:
        """The period criteria computed from data are measured over: the calendar year."""
        return f"{self.year}-Y"


class Assessment(models.Model):
    """One unit's self-assessment and its appraisal in a round."""

    class Status(models.TextChoices):
        SELF = "self", _("Đang tự đánh giá")
        SUBMITTED = "submitted", _("Đã gửi, chờ thẩm định")
        APPRAISAL_1 = "appraisal_1", _("Đang thẩm định lần 1")
        EXPLANATION = "explanation", _("Đang giải trình")
        APPRAISAL_2 = "appraisal_2", _("Đang thẩm định lần 2")
        DECIDED = "decided", _("Hội đồng đã quyết định")
        PUBLISHED = "published", _("Đã công bố")

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="assessments")
    org_unit = models.ForeignKey(
        "orgs.OrgUnit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="assessments"
    )
    agency = models.ForeignKey(
        "orgs.Agency",
        verbose_name=_("sở, ban, ngành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    status = models.CharField(_("trạng thái"), max_length=12, choices=Status.choices, default=Status.SELF)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    explained_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("kết luận của Hội đồng"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("đánh giá Chỉ số CCHC của đơn vị")
        verbose_name_plural = _("đánh giá Chỉ số CCHC của đơn vị")
        ordering = ["round", "org_unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "org_unit"], condition=Q(agency__isnull=True), name="assessment_unit_once"
            ),
            models.UniqueConstraint(
                fields=["round", "agency"], condition=Q(agency__isnull=False), name="assessment_agency_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round.title} — {self.name}"

    @property
    def name(self) -> str:
        return self.agency.name if self.agency_id else self.org_unit.name


class Score(models.Model):
    """A scored criterion of one assessment: every figure side by side, the latest appraisal wins."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    self_points = models.DecimalField(_("điểm tự chấm"), null=True, blank=True, **POINTS)
    self_rate = models.DecimalField(_("tỷ lệ đơn vị kê khai (%)"), null=True, blank=True, **POINTS)
    self_na = models.BooleanField(_("đơn vị đề nghị không áp dụng"), default=False)
    self_note = models.TextField(_("giải thích của đơn vị"), blank=True)
    computed_points = models.DecimalField(_("điểm tính từ số liệu"), null=True, blank=True, **POINTS)
    computed = models.JSONField(null=True, blank=True)  # the measurement behind computed_points
    appraisal1_points = models.DecimalField(_("điểm thẩm định lần 1"), null=True, blank=True, **POINTS)
    appraisal1_na = models.BooleanField(null=True, blank=True)
    appraisal1_reason = models.TextField(_("lý do thẩm định lần 1"), blank=True)
    explanation = models.TextField(_("giải trình của đơn vị"), blank=True)
    appraisal2_points = models.DecimalField(_("điểm thẩm định lần 2"), null=True, blank=True, **POINTS)
    appraisal2_na = models.BooleanField(null=True, blank=True)
    appraisal2_reason = models.TextField(_("lý do thẩm định lần 2"), blank=True)
    survey_points = models.DecimalField(_("điểm khảo sát"), null=True, blank=True, **POINTS)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="score_once")]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.final_points}"

    @property
    def org_unit_id(self) -> int:
        return self.assessment.org_unit_id

    @property
    def final_points(self) -> Decimal | None:
        """The figure that counts: the latest appraisal, else the self-score."""
        for value in (self.appraisal2_points, self.appraisal1_points):
            if value is not None:
                return value
        return self.self_points

    @property
    def final_na(self) -> bool:
        for value in (self.appraisal2_na, self.appraisal1_na):
            if value is not None:
                return value
        return self.self_na


class ScoreChange(models.Model):
    """One change of a criterion's score: the criterion's history, shown beside it."""

    class Stage(models.TextChoices):
        SELF = "self", _("Tự chấm")
        COMPUTED = "computed", _("Tính từ số liệu")
        APPRAISAL_1 = "appraisal_1", _("Thẩm định lần 1")
        EXPLANATION = "explanation", _("Giải trình")
        APPRAISAL_2 = "appraisal_2", _("Thẩm định lần 2")
        SURVEY = "survey", _("Điểm khảo sát")
        EVIDENCE = "evidence", _("Tài liệu kiểm chứng")

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="changes")
    stage = models.CharField(max_length=12, choices=Stage.choices)
    old = models.CharField(max_length=200, blank=True)
    new = models.CharField(max_length=200, blank=True)
    reason = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lịch sử điểm tiêu chí")
        verbose_name_plural = _("lịch sử điểm tiêu chí")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_stage_display()}: {self.old} → {self.new}"


class Evidence(models.Model):
    """A tài liệu kiểm chứng of a score: a file, a link, or a record CCHC already holds."""

    class Kind(models.TextChoices):
        FILE = "file", _("Tệp tải lên")
        LINK = "link", _("Đường dẫn")
        PROGRESS_REPORT = "progress", _("Báo cáo tiến độ nhiệm vụ đã tiếp nhận")
        PERIODIC_REPORT = "periodic", _("Báo cáo định kỳ")
        PLAN = "plan", _("Kế hoạch CCHC")

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    title = models.CharField(_("tên tài liệu"), max_length=300)
    file = models.FileField(upload_to="assessment/%Y/%m/", max_length=300, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    progress_report = models.ForeignKey(
        "tracking.ProgressReport", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    periodic_report = models.ForeignKey(
        "reports.PeriodicReport", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    plan = models.ForeignKey("plans.Plan", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu kiểm chứng của tiêu chí")
        verbose_name_plural = _("tài liệu kiểm chứng của tiêu chí")
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="file", url="") & ~Q(file="")
                    | Q(kind="link", file="") & ~Q(url="")
                    | Q(kind__in=["progress", "periodic", "plan"], file="", url="")
                ),
                name="assessment_evidence_shape",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Reopening(models.Model):
    """An officer reopened a step after its lock, for one unit, until a date, with a reason."""

    class Step(models.TextChoices):
        SELF = "self", _("Tự đánh giá")
        APPRAISAL_1 = "appraisal_1", _("Thẩm định lần 1")
        EXPLANATION = "explanation", _("Giải trình")
        APPRAISAL_2 = "appraisal_2", _("Thẩm định lần 2")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reopenings")
    step = models.CharField(_("bước"), max_length=12, choices=Step.choices)
    until = models.DateField(_("mở đến hết ngày"))
    reason = models.TextField(_("lý do"))
    previous_status = models.CharField(max_length=12)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mở lại bước đánh giá")
        verbose_name_plural = _("mở lại bước đánh giá")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_step_display()} đến {self.until:%d/%m/%Y}"
