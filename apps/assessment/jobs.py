"""Computing the data-backed criteria of a whole round as a background job of ``apps.jobs``.

Opening a round for 200 communes asks every measure provider for every unit (tasks, reports,
plans, dossiers, petitions): seconds, not a request's worth. The job recomputes, unit by unit, the
assessments still being self-scored (a submitted one is locked and left alone); it is idempotent:
a second run changes nothing when the data has not changed, and writes no new history.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from apps.assessment.models import Assessment, AssessmentRound
from apps.assessment.services import lock_assessment, refresh_computed_rows
from apps.audit.context import acting_as
from apps.jobs.progress import JobFailed
from apps.jobs.registry import job_kind
from apps.jobs.services import submit

KIND = "assessment.compute"


def start(actor, rnd: AssessmentRound):
    """Queue the computation of the round (one at a time per round); call inside the transaction."""
    return submit(KIND, actor=actor, org_unit=rnd.province, subject=rnd, key=f"{KIND}:{rnd.pk}")


@job_kind(
    KIND,
    label="Tính các tiêu chí từ số liệu của hệ thống cho các đơn vị",
    unit="đơn vị",
    timeout=30 * 60,
    attempts=3,
    view_rule="assessment.manage",
    result_url=lambda job: reverse("assessment:round", args=[job.subject_id]),
    result_label="Xem đợt đánh giá",
)
def compute_round(job, progress) -> None:
    rnd = AssessmentRound.objects.filter(pk=job.subject_id).first()
    if rnd is None:
        raise JobFailed("Đợt đánh giá không còn trên hệ thống.")
    pending = list(rnd.assessments.filter(status=Assessment.Status.SELF).values_list("pk", flat=True))
    progress(0, len(pending), "Đang tính các tiêu chí từ số liệu")
    changed = 0
    for done, pk in enumerate(pending, 1):
        with transaction.atomic(), acting_as(job.created_by):
            a = lock_assessment(Assessment(pk=pk))
            if a.status == Assessment.Status.SELF:  # a unit that submitted meanwhile is locked
                changed += refresh_computed_rows(job.created_by, a)
        progress(done)
    with progress.complete(
        message=f"Đã tính cho {len(pending)} đơn vị ({changed} điểm thay đổi).", result={"changed": changed}
    ):
        pass
