"""Evidence of a score: an uploaded file (checked by its content and size), a link, or a record
CCHC already holds, attached with one click: a task's accepted progress report, one of the unit's
periodic reports, its plan. Evidence is added while the unit self-scores or explains."""

from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import transaction

from apps.accounts.policy import require
from apps.assessment.models import Assessment, Evidence, Score, ScoreChange
from apps.assessment.services import add_history, check_open, lock_assessment, score_in
from apps.audit.context import acting_as
from apps.plans.models import Plan
from apps.reports.models import PeriodicReport
from apps.tracking.evidence import check_upload
from apps.tracking.models import ProgressReport
from core.scoring.rounds import Step

Kind = Evidence.Kind


def _check_evidence_open(a: Assessment) -> None:
    check_open(a, Step.EXPLANATION if a.status == Assessment.Status.EXPLANATION else Step.SELF)


def _begin(actor, score: Score) -> tuple[Assessment, Score]:
    a = lock_assessment(score.assessment)
    require(actor, "assessment.self_score", a)
    _check_evidence_open(a)
    return a, score_in(score, a)


def add_file(actor, score: Score, upload) -> Evidence:
    """Attach a file; its type is read from its bytes (a renamed program is refused) and its size
    is bounded; the stored name is random, never the user's."""
    kind = check_upload(upload, upload.size, settings.UPLOAD_MAX_BYTES)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    with transaction.atomic(), acting_as(actor):
        _a, s = _begin(actor, score)
        evidence = Evidence(
            score=s,
            kind=Kind.FILE,
            title=(getattr(upload, "name", "") or f"tai-lieu.{kind.ext}")[:300],
            content_type=kind.content_type,
            size=upload.size,
            sha256=digest.hexdigest(),
            added_by=actor,
        )
        evidence.file.save(f"{uuid.uuid4().hex}.{kind.ext}", File(upload), save=False)
        try:
            evidence.save()
        except Exception:
            evidence.file.delete(save=False)
            raise
        add_history(s, ScoreChange.Stage.EVIDENCE, "", f"+ {evidence.title}", "", actor)
        return evidence


def add_link(actor, score: Score, url: str, title: str = "") -> Evidence:
    url = (url or "").strip()
    if not url.startswith(("https://", "http://")):
        raise ValidationError("Đường dẫn phải bắt đầu bằng http:// hoặc https://.")
    with transaction.atomic(), acting_as(actor):
        _a, s = _begin(actor, score)
        evidence = Evidence.objects.create(
            score=s, kind=Kind.LINK, title=((title or "").strip() or url)[:300], url=url, added_by=actor
        )
        add_history(s, ScoreChange.Stage.EVIDENCE, "", f"+ {evidence.title}", "", actor)
        return evidence


def candidates(a: Assessment) -> dict[str, list[tuple[int, str]]]:
    """What the unit may attach with one click: its accepted progress reports, its periodic
    reports that were signed or sent, its active plans (newest first, bounded)."""
    year = a.round.year
    reports = (
        ProgressReport.objects.filter(
            milestone__task__plan__org_unit_id=a.org_unit_id,
            milestone__report_status="accepted",
            milestone__due__year__lte=year,
        )
        .select_related("milestone__task")
        .order_by("-milestone__due")[:200]
    )
    periodic = PeriodicReport.objects.filter(
        org_unit_id=a.org_unit_id, status__in=["signed", "submitted"]
    ).order_by("-period_end", "-version")[:40]
    plans = Plan.objects.filter(org_unit_id=a.org_unit_id, status=Plan.Status.ACTIVE).order_by(
        "-period_start"
    )[:20]
    if a.agency_id:  # a department: only what its own agency reported
        reports = reports.filter(agency_id=a.agency_id)
    return {
        Kind.PROGRESS_REPORT: [(r.pk, progress_title(r)) for r in reports],
        Kind.PERIODIC_REPORT: [(r.pk, str(r)) for r in periodic],
        Kind.PLAN: [(p.pk, plan_title(p)) for p in plans],
    }


def progress_title(r: ProgressReport) -> str:
    m = r.milestone
    due = f" (hạn {m.due:%d/%m/%Y})" if m.due else ""
    return f"Báo cáo tiến độ: {m.task.no + '. ' if m.task.no else ''}{m.task.content[:120]} — {m.label}{due}"


def plan_title(p: Plan) -> str:
    number = f" số {p.decision_number}" if p.decision_number else ""
    return f"{p.title}{number}"[:300]


def attach_record(actor, score: Score, kind: str, pk: int) -> Evidence:
    """Attach one of the unit's own records; a record of another unit, or a report not yet
    accepted, is refused."""
    with transaction.atomic(), acting_as(actor):
        a, s = _begin(actor, score)
        allowed = dict(candidates(a).get(kind, []))
        if pk not in allowed:
            raise ValidationError(
                "Không gắn được tài liệu này: không thuộc đơn vị, hoặc chưa được tiếp nhận, ký hay ban hành."
            )
        field = {
            Kind.PROGRESS_REPORT: "progress_report_id",
            Kind.PERIODIC_REPORT: "periodic_report_id",
            Kind.PLAN: "plan_id",
        }[kind]
        if s.evidence.filter(**{field: pk}).exists():
            raise ValidationError("Tài liệu này đã được gắn cho tiêu chí.")
        evidence = Evidence.objects.create(
            score=s, kind=kind, title=allowed[pk][:300], added_by=actor, **{field: pk}
        )
        add_history(s, ScoreChange.Stage.EVIDENCE, "", f"+ {evidence.title}", "", actor)
        return evidence


def delete(actor, evidence: Evidence) -> None:
    with transaction.atomic(), acting_as(actor):
        _a, s = _begin(actor, evidence.score)
        stored = evidence.file.name if evidence.file else ""
        title = evidence.title
        evidence.delete()
        add_history(s, ScoreChange.Stage.EVIDENCE, f"− {title}", "", "", actor)
        if stored:
            storage = evidence.file.storage
            transaction.on_commit(lambda: storage.delete(stored))
