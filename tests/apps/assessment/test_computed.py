"""Criteria computed from what CCHC knows: the providers of tracking, reports and plans, and the
fallback to hand scoring when a figure has no provider or no data."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from apps.assessment import services
from apps.plans.models import Milestone, Plan
from apps.reports.models import PeriodicReport
from apps.tracking.models import ProgressReport
from core import measures
from tests.apps.assessment.conftest import score
from tests.apps.tracking.conftest import make_task, milestone


def plan(unit, signed=None, title="KH 2025"):
    return Plan.objects.create(
        org_unit=unit,
        title=title,
        signed_date=signed,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        status="active",
    )


def done(m, sent: date, status="accepted", progress="done"):
    Milestone.objects.filter(pk=m.pk).update(report_status=status, submitted_on=sent)
    ProgressReport.objects.create(
        milestone=m, agency=m.task.agencies.first().agency, text="x", progress=progress, percent=100
    )


def test_tasks_completed_on_time(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-10-01")
    p = plan(world.a1)
    t1, t2, t3, t4 = (make_task(p, str(i), world.kt_a1) for i in range(1, 5))
    done(milestone(t1, date(2025, 3, 31)), date(2025, 3, 30))  # on time
    done(milestone(t2, date(2025, 6, 30)), date(2025, 7, 5))  # late
    milestone(t3, date(2025, 9, 30))  # due, not reported: overdue
    milestone(t4, date(2025, 12, 31))  # not yet due on 01/10: not counted
    m = measures.measure("task_on_time_rate", world.a1, "2025-Y")
    assert (m.numerator, m.denominator, m.value) == (1, 3, 33.33)
    assert "1 nhiệm vụ hoàn thành đúng hạn / 3 nhiệm vụ" in m.formula and "01/10/2025" in m.formula
    assert measures.measure("task_completion_rate", world.a1, "2025-Y").numerator == 2
    assert measures.measure("task_on_time_rate", world.a2, "2025-Y").value is None


def test_reports_sent_on_time(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-10-01")
    common = {
        "org_unit": world.a1,
        "period_start": date(2025, 1, 1),
        "period_end": date(2025, 3, 14),
        "status": "submitted",
    }
    PeriodicReport.objects.create(
        period_code="2025-Q1", due=date(2025, 3, 20), submitted_on=date(2025, 3, 19), **common
    )
    PeriodicReport.objects.create(
        period_code="2025-H1", due=date(2025, 6, 20), submitted_on=date(2025, 6, 25), **common
    )
    m = measures.measure("report_on_time_rate", world.a1, "2025-Y")
    # Due by 01/10: Q1 (20/3), 6 tháng (20/6), Q3 (20/9): one on time, one late, one missing.
    assert (m.numerator, m.denominator) == (1, 3)
    assert "1 gửi trễ, 1 chưa gửi" in m.formula


def test_plan_issued_on_time(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-10-01")
    assert measures.measure("plan_on_time", world.a1, "2025-Y").value == 0  # none by 31/01
    plan(world.a1, signed=date(2025, 1, 20))
    assert measures.measure("plan_on_time", world.a1, "2025-Y").value == 100
    plan(world.a2, signed=date(2025, 3, 2))
    assert measures.measure("plan_on_time", world.a2, "2025-Y").value == 0
    world.b1.valid_from = date(2025, 7, 1)  # a commune formed by the merger: due 31/07
    plan(world.b1, signed=date(2025, 7, 25))
    m = measures.measure("plan_on_time", world.b1, "2025-Y")
    assert m.value == 100 and "31/07/2025" in m.formula


def test_unsigned_plan_gives_no_figure(world, monkeypatch):
    monkeypatch.setenv("CCHC_TODAY", "2025-10-01")
    plan(world.a1, signed=None)
    assert measures.measure("plan_on_time", world.a1, "2025-Y").value is None


def test_computed_points_become_the_self_score_and_cannot_be_typed_over(world, par):
    plan(world.a1, signed=date(2025, 1, 20))
    services.refresh_computed(world.officer_a1, par.a1)
    s = score(par.a1, "1.1")
    assert (s.computed_points, s.self_points) == (1, 1)
    assert s.computed["formula"].startswith("Kế hoạch ký ngày 20/01/2025")
    assert s.computed["points_formula"] == "Tỷ lệ 100% đạt mức 100%: 1 điểm"
    with pytest.raises(ValidationError, match="tính từ số liệu"):
        services.self_score(world.officer_a1, s, points=0)
    assert score(par.a1, "1.1").self_points == 1
    history = list(score(par.a1, "1.1").changes.filter(stage="computed").values_list("old", "new"))
    assert history == [("—", "0 điểm"), ("0 điểm", "1 điểm")]  # at the round's opening, then now
    services.refresh_computed(world.officer_a1, par.a1)  # same data: nothing new in the history
    assert score(par.a1, "1.1").changes.filter(stage="computed").count() == 2


def test_no_data_or_no_provider_falls_back_to_hand_scoring_and_says_why(world, par):
    s = score(par.a1, "1.2")  # no task due yet in A1
    assert s.computed_points is None and "Chưa có số liệu" in s.computed["fallback"]
    services.self_score(world.officer_a1, s, rate=90)
    assert float(score(par.a1, "1.2").self_points) == 1.8
    saved = measures._REGISTRY.pop("plan_on_time")
    try:
        services.refresh_computed(world.officer_a1, par.a1)
        assert "chưa có nguồn số liệu “plan_on_time”" in score(par.a1, "1.1").computed["fallback"]
    finally:
        measures._REGISTRY["plan_on_time"] = saved


def test_the_round_job_computes_only_units_still_self_scoring(world, par, django_capture_on_commit_callbacks):
    from apps.assessment import jobs
    from apps.jobs.models import Job
    from tests.apps.assessment.conftest import fill

    fill(par.a2, world.officer_a2, evidence=False)
    services.submit(world.officer_a2, par.a2)  # 1.1 computed 0: no plan yet
    plan(world.a1, signed=date(2025, 1, 20))
    plan(world.a2, signed=date(2025, 1, 20))
    with django_capture_on_commit_callbacks(execute=True):
        jobs.start(world.officer_a, par.round)
    assert Job.objects.filter(kind=jobs.KIND).latest("pk").status == "succeeded"
    assert score(par.a1, "1.1").computed_points == 1  # recomputed with the new plan
    assert score(par.a2, "1.1").computed_points == 0  # locked since its submission


def test_the_appraiser_overrides_a_computed_score_with_a_reason(world, par, today):
    from tests.apps.assessment.conftest import fill

    plan(world.a1, signed=date(2025, 1, 20))
    fill(par.a1, world.officer_a1)
    services.submit(world.officer_a1, par.a1)
    s = score(par.a1, "1.1")
    assert s.computed_points == 1 and s.self_points == 1
    with pytest.raises(ValidationError, match="lý do"):
        services.appraise(world.appraiser_a, s, points=0)
    services.appraise(world.appraiser_a, s, points=0, reason="Kế hoạch ký sau khi UBND tỉnh nhắc nhở")
    s = score(par.a1, "1.1")
    assert (s.computed_points, s.self_points, s.appraisal1_points, s.final_points) == (1, 1, 0, 0)
