"""Fixtures for PAR INDEX tests on the named world: province A issues a small commune framework
and opens its 2025 round for communes A1 and A2; the business date is pinned (CCHC_TODAY).

Framework (10 points = 6 appraised + 4 survey):
- 1.1 yes/no, 1 point, evidence required, computed from ``plan_on_time``
- 1.2 rate, 2 points (full at 100%, nothing below 50%), computed from ``task_on_time_rate``
- 1.3 levels, 1 point (Đủ 1 / Một nửa 0,5 / Không 0)
- 1.4 manual, 1 point, not applicable → removed from the maximum
- 1.5 rate, 1 point, rate declared by the unit
- 2.1 survey, 4 points, removed when not surveyed
Deadlines: self 15/10/2025, appraisal 1 14/11, explanation 28/11, appraisal 2 10/12, decision 19/12.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from apps.assessment import rounds, services
from apps.assessment.frameworks import save_framework
from apps.assessment.models import Score
from core.scoring.framework import (
    Band,
    CriterionSpec,
    FrameworkSpec,
    NotApplicable,
    Part,
    ScoreLevel,
    ScoringKind,
)
from core.scoring.rounds import Deadlines
from tests.apps.conftest import _user

DEADLINES = Deadlines(
    date(2025, 10, 15), date(2025, 11, 14), date(2025, 11, 28), date(2025, 12, 10), date(2025, 12, 19)
)


def spec(year: int = 2025) -> FrameworkSpec:
    return FrameworkSpec(
        title=f"Bộ chỉ số CCHC cấp xã năm {year}",
        year=year,
        level="commune",
        province="tỉnh An",
        total_max=10,
        appraisal_max=6,
        survey_max=4,
        decision="Quyết định số 12/QĐ-UBND ngày 10/01/2025",
        bands=[Band("Tốt", 80), Band("Khá", 60), Band("Yếu", 0)],
        criteria=[
            CriterionSpec("1", "Chỉ đạo, điều hành", 6, part=Part.APPRAISAL),
            CriterionSpec(
                "1.1",
                "Kế hoạch đúng hạn",
                1,
                kind=ScoringKind.YES_NO,
                measure="plan_on_time",
                evidence_required=True,
            ),
            CriterionSpec(
                "1.2",
                "Nhiệm vụ đúng hạn",
                2,
                kind=ScoringKind.RATE,
                full_at=100,
                zero_below=50,
                measure="task_on_time_rate",
            ),
            CriterionSpec(
                "1.3",
                "Báo cáo",
                1,
                kind=ScoringKind.LEVELS,
                levels=(ScoreLevel("Đủ", 1), ScoreLevel("Một nửa", 0.5), ScoreLevel("Không", 0)),
            ),
            CriterionSpec("1.4", "Kiểm tra", 1, not_applicable=NotApplicable.REMOVED),
            CriterionSpec("1.5", "Tuyên truyền", 1, kind=ScoringKind.RATE),
            CriterionSpec("2", "Hài lòng", 4, part=Part.SURVEY),
            CriterionSpec("2.1", "Khảo sát", 4, not_applicable=NotApplicable.REMOVED),
        ],
    )


def score(a, code: str) -> Score:
    return Score.objects.select_related("criterion", "assessment").get(assessment=a, criterion__code=code)


def fill(a, officer, *, evidence: bool = True) -> None:
    """Self-score every criterion of ``a`` acceptably (and attach the evidence 1.1 requires)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from apps.assessment import evidence as ev
    from apps.reports.demo import placeholder_pdf

    for code, kwargs in {
        "1.1": {"points": 1},
        "1.2": {"rate": 80},
        "1.3": {"points": 0.5},
        "1.4": {"na": True},
        "1.5": {"rate": 100},
    }.items():
        s = score(a, code)
        if s.computed_points is None:
            services.self_score(officer, s, **kwargs)
    if evidence:
        ev.add_file(
            officer, score(a, "1.1"), SimpleUploadedFile("ke-hoach.pdf", placeholder_pdf(), "application/pdf")
        )


@pytest.fixture
def today(monkeypatch):
    """Set the business date: ``today("2025-10-01")``."""

    def set_day(day: str) -> None:
        monkeypatch.setenv("CCHC_TODAY", day)

    set_day("2025-10-01")
    return set_day


@pytest.fixture
def par(world, today, django_capture_on_commit_callbacks):
    """The framework and round of province A; A1 and A2 assessed. ``officer_a2`` scores A2."""
    p = SimpleNamespace()
    world.officer_a2 = _user("officer_a2", world.a2, "officer")
    world.leader_a2 = _user("leader_a2", world.a2, "leader")
    p.framework = save_framework(world.officer_a, world.a, spec())
    with django_capture_on_commit_callbacks(execute=True):  # the computation job runs at once
        p.round = rounds.create_round(
            world.officer_a, p.framework, title="Chỉ số CCHC năm 2025", deadlines=DEADLINES
        )
    p.a1 = p.round.assessments.get(org_unit=world.a1)
    p.a2 = p.round.assessments.get(org_unit=world.a2)
    return p
