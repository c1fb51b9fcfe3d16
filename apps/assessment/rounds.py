"""Writes of a round as a whole: open it for the province's units, move its deadlines, publish it.

Opening a round creates one assessment per unit and one score row per scored criterion in bulk,
and fills in the criteria computed from data; publication needs the council's decision on every
unit and makes the ranking visible to the whole province.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from apps.accounts.policy import require
from apps.assessment import jobs
from apps.assessment.models import Assessment, AssessmentRound, IndexFramework, Score
from apps.audit.context import acting_as
from apps.audit.recorder import record_event
from apps.orgs.models import Agency, OrgUnit
from cchc import clock
from core.scoring.rounds import Deadlines

Status = Assessment.Status
DEPARTMENT_KINDS = ("so", "van_phong")


def round_units(framework: IndexFramework) -> list[tuple[OrgUnit, Agency | None]]:
    """Who is scored: the province's communes that exist at the end of the year (a commune merged mid-year is scored as the unit it became), or its departments."""
    province = framework.province
    if framework.level == "department":
        agencies = Agency.objects.filter(org_unit=province, is_active=True, kind__in=DEPARTMENT_KINDS)
        return [(province, a) for a in agencies.order_by("name")]
    year_end = date(framework.year, 12, 31)
    communes = (
        OrgUnit.objects.filter(pk__in=province.subtree_ids(), level=OrgUnit.Level.COMMUNE)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=year_end))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=year_end))
        .order_by("name")
    )
    return [(u, None) for u in communes]


def create_round(actor, framework: IndexFramework, *, title: str, deadlines: Deadlines) -> AssessmentRound:
    """Open a year's round on a framework: one assessment per unit, one score row per criterion;
    the criteria computed from data are filled in by a background job (``jobs.compute_round``).
    Actor None: an operator or the demo loader."""
    if actor is not None:
        require(actor, "assessment.manage", framework)
    problems = deadlines.problems()
    if problems:
        raise ValidationError(problems)
    if not title.strip():
        raise ValidationError("Vui lòng nhập tên đợt đánh giá.")
    if AssessmentRound.objects.filter(
        province=framework.province, year=framework.year, level=framework.level
    ).exists():
        raise ValidationError(f"Năm {framework.year} đã có đợt đánh giá cho cấp này.")
    units = round_units(framework)
    if not units:
        raise ValidationError("Tỉnh chưa có đơn vị nào thuộc cấp này để đánh giá.")
    with transaction.atomic(), acting_as(actor):
        rnd = AssessmentRound.objects.create(
            framework=framework,
            province=framework.province,
            year=framework.year,
            level=framework.level,
            title=title.strip(),
            created_by=actor,
            **{name: getattr(deadlines, name) for name in Deadlines.__dataclass_fields__},
        )
        assessments = Assessment.objects.bulk_create(
            Assessment(round=rnd, org_unit=unit, agency=agency) for unit, agency in units
        )
        leaves = list(framework.criteria.filter(is_leaf=True).order_by("position"))
        Score.objects.bulk_create(Score(assessment=a, criterion=c) for a in assessments for c in leaves)
        record_event(rnd, f"Mở đợt đánh giá “{rnd.title}” cho {len(assessments)} đơn vị.")
        if any(c.measure for c in leaves):
            jobs.start(actor, rnd)  # the figures of every unit, in the background
    return rnd


def update_deadlines(actor, rnd: AssessmentRound, deadlines: Deadlines) -> AssessmentRound:
    """Move the round's deadlines (every unit); the audit trail keeps the old dates."""
    require(actor, "assessment.manage", rnd)
    if rnd.published:
        raise ValidationError("Đợt đánh giá đã công bố kết quả: không đổi hạn được nữa.")
    problems = deadlines.problems()
    if problems:
        raise ValidationError(problems)
    with transaction.atomic(), acting_as(actor):
        for name in Deadlines.__dataclass_fields__:
            setattr(rnd, name, getattr(deadlines, name))
        rnd.save()
    return rnd


def publish(actor, rnd: AssessmentRound, *, number: str, day: date, signer: str = "") -> AssessmentRound:
    """Publish a round once the council has decided every unit: ranks become visible province-wide."""
    require(actor, "assessment.manage", rnd)
    with transaction.atomic(), acting_as(actor):
        rnd = AssessmentRound.objects.select_for_update().get(pk=rnd.pk)
        if rnd.published:
            raise ValidationError("Đợt đánh giá đã được công bố.")
        pending = [
            a.name for a in rnd.assessments.select_related("org_unit", "agency") if a.status != Status.DECIDED
        ]
        if pending:
            raise ValidationError(
                f"Còn {len(pending)} đơn vị chưa có quyết định của Hội đồng: {', '.join(pending[:10])}"
                + ("…" if len(pending) > 10 else ".")
            )
        if not (number or "").strip():
            raise ValidationError("Vui lòng nhập số quyết định công bố kết quả.")
        rnd.decision_number, rnd.decision_date = number.strip(), day
        rnd.signer_name = (signer or rnd.signer_name).strip()
        rnd.published_at, rnd.published_by = clock.now(), actor
        rnd.save()
        rnd.assessments.update(status=Status.PUBLISHED)
        record_event(
            rnd, f"Công bố kết quả Chỉ số CCHC năm {rnd.year} (Quyết định số {rnd.decision_number})."
        )
        return rnd
