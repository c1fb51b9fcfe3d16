"""Writes of a PAR INDEX round: open it, self-score, submit, appraise twice, explain, decide, reopen.

Every function takes the acting user first, asks the policy, locks the assessment row, checks
that the step is open on the business day (``core.scoring.rounds``: status and deadline, or a
recorded reopening) and writes in one transaction: the score, its history row (``ScoreChange``)
and the audit trail. A refused write raises a Vietnamese ValidationError and saves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count
from django.urls import reverse

from apps.accounts.models import Role
from apps.accounts.policy import require
from apps.assessment import computed
from apps.assessment.models import (
    Assessment,
    AssessmentRound,
    Criterion,
    Reopening,
    Score,
    ScoreChange,
)
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.tracking import notify
from cchc import clock
from core.scoring.framework import NotApplicable, ScoringKind
from core.scoring.rounds import (
    STATUS_LABELS,
    STEP_LABELS,
    STEP_STATUS,
    Deadlines,
    Step,
    effective_due,
    write_problem,
)
from core.scoring.rules import from_rate, points_problem, pts

Status = Assessment.Status


# --- shared steps ------------------------------------------------------------------------------------


def deadlines_of(rnd: AssessmentRound) -> Deadlines:
    return Deadlines(
        rnd.self_due, rnd.appraisal1_due, rnd.explanation_due, rnd.appraisal2_due, rnd.decision_due
    )


def due_of(a: Assessment, step: Step) -> date:
    """The step's deadline for this unit, a reopening included (its reopenings read once per instance)."""
    if "_reopened" not in a.__dict__:
        a._reopened = list(a.reopenings.values_list("step", "until"))
    return effective_due(step, deadlines_of(a.round), a._reopened)


def lock_assessment(assessment: Assessment) -> Assessment:
    return (
        Assessment.objects.select_for_update(of=("self",))
        .select_related("round__province", "org_unit", "agency")
        .get(pk=assessment.pk)
    )


def check_open(a: Assessment, step: Step) -> None:
    problem = step_problem(a, step)
    if problem:
        raise ValidationError(problem)


def step_problem(a: Assessment, step: Step) -> str | None:
    """Why the step is closed for this unit today, or None (core.scoring.rounds decides)."""
    explanation_due = due_of(a, Step.EXPLANATION) if step is Step.APPRAISAL_2 else None
    return write_problem(step, a.status, clock.today(), due_of(a, step), explanation_due)


def score_in(score: Score, a: Assessment) -> Score:
    s = Score.objects.select_related("criterion").get(pk=score.pk)
    if s.assessment_id != a.pk:
        raise ValidationError("Tiêu chí không thuộc bản đánh giá này.")
    return s


def show(points, na: bool) -> str:
    """A figure as the history shows it."""
    if na:
        return "không áp dụng"
    return "—" if points is None else f"{pts(float(points))} điểm"


def add_history(score: Score, stage: str, old: str, new: str, reason: str, actor) -> None:
    ScoreChange.objects.create(
        score=score,
        stage=stage,
        old=old[:200],
        new=new[:200],
        reason=reason,
        actor=actor,
        actor_name=str(actor or "")[:150],
    )


def _url(a: Assessment) -> str:
    return reverse("assessment:assessment", args=[a.pk])


def _people_of(a: Assessment, roles) -> list:
    if a.agency_id:
        return notify.agency_users([a.agency_id], [Role.HEAD, Role.STAFF])
    return notify.unit_users(a.org_unit_id, roles)


def _tell(users, text: str, a: Assessment, actor) -> None:
    notify.notify(users, text, _url(a), exclude=actor)


def _decimal(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 2)))


# --- computed criteria -------------------------------------------------------------------------------


def refresh_computed_rows(actor, a: Assessment) -> int:
    """Recompute every criterion that names a measure; a computed figure becomes the self-score.
    Returns how many scores changed. Runs inside the caller's transaction."""
    rows = list(
        Score.objects.filter(assessment=a, criterion__is_leaf=True)
        .exclude(criterion__measure="")
        .select_related("criterion")
    )
    changed, history = [], []
    for s in rows:
        snap = computed.snapshot(
            s.criterion.spec(), a.org_unit, a.round.period_code, department=bool(a.agency_id)
        )
        points = _decimal(snap.get("points")) if snap else None
        s.computed, s.computed_points = snap, points
        if points is not None and not s.self_na and s.self_points != points:
            history.append(
                ScoreChange(
                    score=s,
                    stage=ScoreChange.Stage.COMPUTED,
                    old=show(s.self_points, False),
                    new=show(points, False),
                    reason=snap.get("points_formula", ""),
                    actor=actor,
                    actor_name=str(actor or "Hệ thống")[:150],
                )
            )
            s.self_points = points
        changed.append(s)
    Score.objects.bulk_update(changed, ["computed", "computed_points", "self_points"])
    ScoreChange.objects.bulk_create(history)
    return len(history)


def refresh_computed(actor, assessment: Assessment) -> int:
    """The unit asks for the figures again (new reports accepted since): only while self-scoring."""
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(assessment)
        require(actor, "assessment.self_score", a)
        check_open(a, Step.SELF)
        return refresh_computed_rows(actor, a)


# --- self-assessment ---------------------------------------------------------------------------------


def _check_na(c: Criterion) -> None:
    if c.not_applicable == NotApplicable.NOT_ALLOWED:
        raise ValidationError(f"Tiêu chí {c.code} áp dụng cho mọi đơn vị: không thể đánh dấu không áp dụng.")


def _self_points(score: Score, points: float | None, rate: float | None) -> float | None:
    """The points a self-score stands for, checked against the criterion's rule."""
    c = score.criterion
    spec = c.spec()
    if score.computed_points is not None:
        if points is not None and abs(points - float(score.computed_points)) > 0.001:
            raise ValidationError(
                f"Tiêu chí {c.code} được tính từ số liệu ({score.computed.get('points_formula', '')}): "
                "không sửa tay; nếu số liệu chưa đúng, hãy cập nhật dữ liệu rồi tính lại, hoặc giải trình khi thẩm định."
            )
        return float(score.computed_points)
    if spec.kind is ScoringKind.RATE and rate is not None:
        if not 0 <= rate <= 100:
            raise ValidationError(f"Tỷ lệ của tiêu chí {c.code} phải từ 0 đến 100%.")
        return from_rate(spec, rate).points
    problem = points_problem(spec, points)
    if problem:
        raise ValidationError(problem)
    return points


def self_score(actor, score: Score, *, points=None, rate=None, na: bool = False, note: str = "") -> Score:
    """The unit scores one criterion (or declares it not applicable), with its explanation."""
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(score.assessment)
        require(actor, "assessment.self_score", a)
        check_open(a, Step.SELF)
        s = score_in(score, a)
        if s.criterion.is_survey:
            raise ValidationError(
                "Điểm khảo sát do Sở Nội vụ nhập từ kết quả điều tra xã hội học, đơn vị không tự chấm."
            )
        if na:
            _check_na(s.criterion)
            value, rate = None, None
        else:
            value = _self_points(s, points, rate)
        old = show(s.self_points, s.self_na)
        note = (note or "").strip()
        s.self_points, s.self_na, s.self_note = _decimal(value), na, note
        s.self_rate = _decimal(rate) if rate is not None and s.computed_points is None else None
        s.save()
        new = show(s.self_points, na)
        if new != old:
            add_history(s, ScoreChange.Stage.SELF, old, new, note, actor)
        return s


@dataclass
class Missing:
    unscored: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.unscored and not self.evidence

    def messages(self) -> list[str]:
        out = []
        if self.unscored:
            out.append(f"Còn {len(self.unscored)} tiêu chí chưa chấm: {', '.join(self.unscored)}.")
        if self.evidence:
            out.append(
                f"Còn {len(self.evidence)} tiêu chí bắt buộc tài liệu kiểm chứng nhưng chưa có: {', '.join(self.evidence)}."
            )
        return out


def missing(a: Assessment, scores: list[Score] | None = None) -> Missing:
    """What stops a submission: criteria not scored, and scored ones that require evidence and
    have none (a criterion scored 0 or declared not applicable needs none). ``scores`` carry
    ``n_evidence`` (as the page's query annotates them); read here when not given."""
    if scores is None:
        scores = list(
            Score.objects.filter(assessment=a, criterion__is_leaf=True)
            .select_related("criterion")
            .annotate(n_evidence=Count("evidence"))
            .order_by("criterion__position")
        )
    out = Missing()
    for s in scores:
        c = s.criterion
        if c.is_survey or s.self_na:
            continue
        if s.self_points is None:
            out.unscored.append(c.code)
        elif c.evidence_required and s.self_points > 0 and not s.n_evidence:
            out.evidence.append(c.code)
    return out


def submit(actor, assessment: Assessment) -> Assessment:
    """Send the self-assessment to the council: refused after the deadline, with a criterion not
    scored, or with required evidence missing; the computed criteria are recomputed first."""
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(assessment)
        require(actor, "assessment.submit", a)
        check_open(a, Step.SELF)
        refresh_computed_rows(actor, a)
        gaps = missing(a)
        if not gaps.empty:
            raise ValidationError(["Chưa gửi được kết quả tự đánh giá."] + gaps.messages())
        a.status, a.submitted_by, a.submitted_at = Status.SUBMITTED, actor, clock.now()
        a.submitted_on = clock.today()
        a.save()
        record_event(a, "Gửi kết quả tự đánh giá, chấm điểm đến Hội đồng thẩm định.")
        _tell(
            notify.unit_users(a.round.province_id, [Role.APPRAISER]),
            f"{a.name} đã gửi kết quả tự đánh giá Chỉ số CCHC.",
            a,
            actor,
        )
        return a


# --- appraisal and explanation -----------------------------------------------------------------------


def appraisal_step(a: Assessment) -> Step:
    if a.status in (Status.SUBMITTED, Status.APPRAISAL_1):
        return Step.APPRAISAL_1
    if a.status in (Status.EXPLANATION, Status.APPRAISAL_2):
        return Step.APPRAISAL_2
    raise ValidationError(f"Không thể thẩm định: kết quả của đơn vị {STATUS_LABELS.get(a.status, a.status)}.")


def appraise(actor, score: Score, *, points=None, na: bool = False, reason: str = "") -> Score:
    """The council's figure for a criterion, with its reason; the self-score stays beside it."""
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(score.assessment)
        require(actor, "assessment.appraise", a)
        step = appraisal_step(a)
        check_open(a, step)
        s = score_in(score, a)
        c = s.criterion
        if c.is_survey:
            raise ValidationError("Điểm khảo sát được nhập từ kết quả điều tra xã hội học, không thẩm định.")
        if na:
            _check_na(c)
            points = None
        else:
            problem = points_problem(c.spec(), points)
            if problem or points is None:
                raise ValidationError(problem or f"Vui lòng nhập điểm thẩm định của tiêu chí {c.code}.")
        old = show(s.final_points, s.final_na)
        new = show(_decimal(points), na)
        if new == old:
            return s
        if not (reason or "").strip():
            raise ValidationError(f"Vui lòng ghi lý do thay đổi điểm tiêu chí {c.code} ({old} → {new}).")
        prefix = "appraisal1" if step is Step.APPRAISAL_1 else "appraisal2"
        setattr(s, f"{prefix}_points", _decimal(points))
        setattr(s, f"{prefix}_na", na)
        setattr(s, f"{prefix}_reason", reason.strip())
        s.save()
        add_history(s, step.value, old, new, reason.strip(), actor)
        if a.status != STEP_STATUS[step]:
            a.status = STEP_STATUS[step]
            a.save(update_fields=["status", "updated_at"])
        return s


def send_for_explanation(actor, assessment: Assessment) -> Assessment:
    """Close round one: the unit sees the appraised figures and may explain until its deadline."""
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(assessment)
        require(actor, "assessment.appraise", a)
        check_open(a, Step.APPRAISAL_1)
        a.status = Status.EXPLANATION
        a.save(update_fields=["status", "updated_at"])
        record_event(a, "Kết thúc thẩm định lần 1, chuyển đơn vị giải trình.")
        _tell(
            _people_of(a, [Role.OFFICER, Role.LEADER]),
            f"Kết quả thẩm định lần 1 Chỉ số CCHC: đề nghị giải trình trước {due_of(a, Step.EXPLANATION):%d/%m/%Y}.",
            a,
            actor,
        )
        return a


def explain(actor, score: Score, text: str) -> Score:
    """The unit's explanation (giải trình) of one criterion between the rounds."""
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(score.assessment)
        require(actor, "assessment.self_score", a)
        check_open(a, Step.EXPLANATION)
        s = score_in(score, a)
        text = (text or "").strip()
        if text == s.explanation:
            return s
        old, s.explanation = s.explanation, text
        s.save(update_fields=["explanation", "updated_at"])
        add_history(s, ScoreChange.Stage.EXPLANATION, old[:200], text[:200], "", actor)
        return s


def send_explanation(actor, assessment: Assessment) -> Assessment:
    """The unit has explained: appraisal round two may start."""
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(assessment)
        require(actor, "assessment.submit", a)
        check_open(a, Step.EXPLANATION)
        a.status, a.explained_at = Status.APPRAISAL_2, clock.now()
        a.save(update_fields=["status", "explained_at", "updated_at"])
        record_event(a, "Gửi giải trình đến Hội đồng thẩm định.")
        _tell(
            notify.unit_users(a.round.province_id, [Role.APPRAISER]),
            f"{a.name} đã gửi giải trình Chỉ số CCHC.",
            a,
            actor,
        )
        return a


def decide(actor, assessment: Assessment, note: str = "") -> Assessment:
    """Record the council's decision on the appraised figures; scores are final from here."""
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(assessment)
        require(actor, "assessment.manage", a.round)
        if a.status == Status.EXPLANATION:
            check_open(a, Step.APPRAISAL_2)  # no explanation sent: only once its deadline has passed
        elif a.status != Status.APPRAISAL_2:
            raise ValidationError(
                f"Hội đồng quyết định sau thẩm định lần 2; kết quả của {a.name} {STATUS_LABELS.get(a.status, a.status)}."
            )
        a.status, a.decided_by, a.decided_at = Status.DECIDED, actor, clock.now()
        a.decision_note = (note or "").strip()
        a.save()
        record_event(
            a, "Hội đồng thẩm định quyết định kết quả." + (f" {a.decision_note}" if a.decision_note else "")
        )
        return a


def reopen(actor, assessment: Assessment, step: Step | str, until: date, reason: str) -> Reopening:
    """Open a locked step again for one unit until a date; the reopening is kept with its reason."""
    step = Step(step)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Vui lòng ghi lý do mở lại.")
    if until < clock.today():
        raise ValidationError(f"Ngày mở đến ({until:%d/%m/%Y}) đã qua.")
    with transaction.atomic(), acting_as(actor):
        a = lock_assessment(assessment)
        require(actor, "assessment.manage", a.round)
        if a.status == Status.PUBLISHED:
            raise ValidationError("Kết quả đã công bố: không mở lại được; cần quyết định điều chỉnh kết quả.")
        row = Reopening.objects.create(
            assessment=a, step=step.value, until=until, reason=reason, previous_status=a.status, by=actor
        )
        old = a.status
        a.status = STEP_STATUS[step]
        if old == Status.DECIDED:
            a.decided_at, a.decided_by = None, None
        a.save()
        record_event(
            a,
            f"Mở lại bước {STEP_LABELS[step]} đến hết ngày {until:%d/%m/%Y}: {reason}",
            {"status": [old, a.status], "until": [None, until.isoformat()]},
        )
        _tell(
            _people_of(a, [Role.OFFICER])
            if step in (Step.SELF, Step.EXPLANATION)
            else notify.unit_users(a.round.province_id, [Role.APPRAISER]),
            f"Sở Nội vụ mở lại bước {STEP_LABELS[step]} Chỉ số CCHC đến {until:%d/%m/%Y}.",
            a,
            actor,
        )
        return row
