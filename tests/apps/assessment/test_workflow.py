"""One round from self-assessment to publication, with the figures checked at each step."""

import io
import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from openpyxl import load_workbook

from apps.assessment import results, rounds, services, survey
from apps.assessment.models import Assessment, Score, ScoreChange
from tests.apps.assessment.conftest import fill, score


def test_self_scores_by_kind(world, par):
    o = world.officer_a1
    services.self_score(o, score(par.a1, "1.3"), points=0.5, note="Gửi 2/4 báo cáo")
    services.self_score(o, score(par.a1, "1.5"), rate=75)
    services.self_score(o, score(par.a1, "1.4"), na=True, note="Không có kế hoạch kiểm tra năm nay")
    assert score(par.a1, "1.3").self_points == 0.5 and score(par.a1, "1.3").self_note == "Gửi 2/4 báo cáo"
    assert (score(par.a1, "1.5").self_points, score(par.a1, "1.5").self_rate) == (0.75, 75)
    assert score(par.a1, "1.4").self_na and score(par.a1, "1.4").self_points is None
    history = ScoreChange.objects.filter(score__assessment=par.a1, stage="self").order_by("pk")
    assert [(h.old, h.new) for h in history] == [
        ("—", "0,5 điểm"),
        ("—", "0,75 điểm"),
        ("—", "không áp dụng"),
    ]


@pytest.mark.parametrize(
    "code, kwargs, message",
    [
        ("1.3", {"points": 1.5}, "vượt điểm tối đa"),
        ("1.3", {"points": 0.7}, "một trong các mức"),
        ("1.5", {"rate": 120}, "từ 0 đến 100%"),
        ("1.3", {"na": True}, "không thể đánh dấu không áp dụng"),
        ("2.1", {"points": 3}, "Điểm khảo sát do Sở Nội vụ nhập"),
    ],
)
def test_bad_scores_are_refused_and_nothing_is_saved(world, par, code, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        services.self_score(world.officer_a1, score(par.a1, code), **kwargs)
    s = score(par.a1, code)
    assert (s.self_points, s.self_na) == (None, False)
    assert not ScoreChange.objects.filter(score=s).exists()


def plan_on_time(unit, signed=date(2025, 1, 20)):
    from apps.plans.models import Plan

    return Plan.objects.create(
        org_unit=unit,
        title="Kế hoạch CCHC năm 2025",
        signed_date=signed,
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        status=Plan.Status.ACTIVE,
    )


def test_missing_scores_and_required_evidence_are_flagged_and_block_submission(world, par):
    plan_on_time(world.a1)
    services.refresh_computed(world.officer_a1, par.a1)
    assert score(par.a1, "1.1").self_points == 1  # computed: the plan was signed on 20/01/2025
    gaps = services.missing(par.a1)
    assert gaps.unscored == ["1.3", "1.4", "1.5"] or set(gaps.unscored) >= {"1.3", "1.4", "1.5"}
    fill(par.a1, world.officer_a1, evidence=False)
    gaps = services.missing(par.a1)
    assert gaps.unscored == [] and gaps.evidence == ["1.1"]
    with pytest.raises(ValidationError) as exc:
        services.submit(world.officer_a1, par.a1)
    assert "bắt buộc tài liệu kiểm chứng nhưng chưa có: 1.1" in " ".join(exc.value.messages)
    par.a1.refresh_from_db()
    assert par.a1.status == "self" and par.a1.submitted_on is None


def test_zero_or_not_applicable_needs_no_evidence(world, par):
    fill(par.a1, world.officer_a1, evidence=False)
    services.self_score(world.officer_a1, score(par.a1, "1.1"), points=0)
    assert services.missing(par.a1).empty
    services.submit(world.officer_a1, par.a1)
    assert Assessment.objects.get(pk=par.a1.pk).submitted_on == date(2025, 10, 1)


def full_round(world, par, today):
    fill(par.a1, world.officer_a1)
    fill(par.a2, world.officer_a2)
    services.submit(world.officer_a1, par.a1)
    services.submit(world.leader_a2, par.a2)
    today("2025-11-03")
    with pytest.raises(ValidationError, match="lý do"):
        services.appraise(world.appraiser_a, score(par.a1, "1.3"), points=0)
    services.appraise(world.appraiser_a, score(par.a1, "1.3"), points=0, reason="Không có báo cáo quý III")
    services.appraise(world.appraiser_a, score(par.a1, "1.5"), points=0.5, reason="Chỉ 1/2 đợt tuyên truyền")
    services.send_for_explanation(world.appraiser_a, par.a1)
    services.send_for_explanation(world.appraiser_a, par.a2)
    today("2025-11-20")
    services.explain(
        world.officer_a1, score(par.a1, "1.3"), "Báo cáo quý III gửi ngày 18/9 (văn bản số 125/BC-UBND)"
    )
    with pytest.raises(ValidationError, match="còn hạn giải trình"):
        services.appraise(world.appraiser_a, score(par.a2, "1.3"), points=0, reason="x")
    services.send_explanation(world.officer_a1, par.a1)
    services.appraise(world.appraiser_a, score(par.a1, "1.3"), points=0.5, reason="Chấp nhận giải trình")
    services.decide(world.officer_a, par.a1, "Thống nhất")
    with pytest.raises(ValidationError, match="còn hạn giải trình"):
        services.decide(world.officer_a, par.a2)
    today("2025-11-29")
    services.decide(world.officer_a, par.a2)


def test_two_round_appraisal_keeps_every_figure_and_its_history(world, par, today):
    full_round(world, par, today)
    s = score(par.a1, "1.3")
    assert (s.self_points, s.appraisal1_points, s.appraisal2_points, s.final_points) == (0.5, 0, 0.5, 0.5)
    assert s.explanation.startswith("Báo cáo quý III")
    stages = list(
        ScoreChange.objects.filter(score=s).order_by("pk").values_list("stage", "old", "new", "reason")
    )
    assert stages == [
        ("self", "—", "0,5 điểm", ""),
        ("appraisal_1", "0,5 điểm", "0 điểm", "Không có báo cáo quý III"),
        ("explanation", "", "Báo cáo quý III gửi ngày 18/9 (văn bản số 125/BC-UBND)", ""),
        ("appraisal_2", "0 điểm", "0,5 điểm", "Chấp nhận giải trình"),
    ]
    assert Assessment.objects.get(pk=par.a1.pk).status == "decided"


def survey_file(rnd, points: dict[str, object]) -> bytes:
    wb = load_workbook(io.BytesIO(survey.template_bytes(rnd)))
    ws = wb.active
    for row in range(2, ws.max_row + 1):
        name = ws.cell(row, 1).value
        if name in points:
            ws.cell(row, 2).value = points[name]
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_survey_points_are_imported_all_or_nothing(world, par):
    bad = survey.import_survey(
        world.officer_a, par.round, survey_file(par.round, {"xã An Một": 3.5, "xã An Hai": 5})
    )
    assert bad.errors == ["Dòng 3, cột 2.1: 5 điểm ngoài khoảng 0 – 4."] or any(
        "ngoài khoảng 0 – 4" in e for e in bad.errors
    )
    assert not Score.objects.filter(survey_points__isnull=False).exists()
    bad = survey.import_survey(world.officer_a, par.round, survey_file(par.round, {"xã An Một": "ba"}))
    assert any("“ba” không phải là số" in e for e in bad.errors)
    with pytest.raises(ValidationError, match="Không đọc được tệp"):
        survey.import_survey(world.officer_a, par.round, b"not a workbook")
    ok = survey.import_survey(
        world.officer_a, par.round, survey_file(par.round, {"xã An Một": "3,5", "xã An Hai": 2})
    )
    assert (ok.errors, ok.units, ok.changed) == ([], 2, 2)
    assert score(par.a1, "2.1").survey_points == 3.5
    assert ScoreChange.objects.filter(stage="survey").count() == 2


def test_results_publication_and_the_command_line(world, par, today, capsys):
    full_round(world, par, today)
    survey.import_survey(world.officer_a, par.round, survey_file(par.round, {"xã An Một": 3.5}))
    with pytest.raises(ValidationError, match="số quyết định"):
        rounds.publish(world.officer_a, par.round, number=" ", day=date(2025, 12, 20))
    rounds.publish(world.officer_a, par.round, number="45", day=date(2025, 12, 20), signer="Nguyễn Văn A")
    assert set(Assessment.objects.values_list("status", flat=True)) == {"published"}
    call_command("par-index", "results", "--year", "2025", "--province", "tỉnh An", "--json")
    out = json.loads(capsys.readouterr().out)
    rows = {r["org_unit"]: r for r in out["results"]}
    a1, a2 = rows["xã An Một"], rows["xã An Hai"]
    assert set(a1) == {
        "org_unit",
        "self_score",
        "appraised_score",
        "survey_score",
        "total",
        "max",
        "percent",
        "band",
        "rank",
    }
    # A1 self: 1.1 0 (computed: no 2025 plan, due 31/01) + 1.2 2 × 80% = 1.6 + 1.3 0.5 + 1.4 n/a
    # + 1.5 1 = 3.1; appraised: 1.5 cut to 0.5 -> 2.6; survey 3.5; maximum 10 - 1 (1.4 removed) = 9.
    a1_figures = (a1["self_score"], a1["appraised_score"], a1["survey_score"], a1["total"], a1["max"])
    assert a1_figures == (3.1, 2.6, 3.5, 6.1, 9)
    assert a1["percent"] == 67.78 and a1["band"] == "Khá" and a1["rank"] == 1
    # A2 not surveyed: the survey part is removed from its maximum (rule of 2.1): 3.1 of 5 = 62%.
    assert (a2["survey_score"], a2["total"], a2["max"], a2["percent"], a2["rank"]) == (None, 3.1, 5, 62, 2)
    assert a2["band"] == "Khá"


def test_results_compare_years(world, par, today, django_capture_on_commit_callbacks):
    from apps.assessment.frameworks import copy_framework
    from tests.apps.assessment.conftest import DEADLINES

    full_round(world, par, today)
    nxt = copy_framework(world.officer_a, par.framework, 2026)
    assert (nxt.year, nxt.copied_from, nxt.criteria.count()) == (
        2026,
        par.framework,
        par.framework.criteria.count(),
    )
    assert "2026" in nxt.title
    later = DEADLINES.__class__(*[d.replace(year=2026) for d in DEADLINES.__dict__.values()])
    today("2026-10-01")
    with django_capture_on_commit_callbacks(execute=True):
        rnd = rounds.create_round(world.officer_a, nxt, title="Năm 2026", deadlines=later)
    res = results.with_history(results.round_results(rnd))
    row = next(r for r in res.rows if r.assessment.org_unit_id == world.a1.pk)
    assert [year for year, _p, _r in row.history] == [2025]
