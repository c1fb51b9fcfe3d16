"""Totals under the not-applicable rules, percent of the applicable maximum, bands, ranks, weak spots."""

from core.scoring.framework import Band, CriterionSpec, FrameworkSpec, NotApplicable, Part
from core.scoring.totals import Scheme, UnitScores, area_percents, rank, results, unit_result, weakest


def scheme():
    spec = FrameworkSpec(
        title="Thử",
        year=2025,
        level="commune",
        province="tỉnh An",
        total_max=10,
        appraisal_max=7,
        survey_max=3,
        bands=[Band("Tốt", 80), Band("Khá", 60), Band("Yếu", 0)],
        criteria=[
            CriterionSpec("1", "Chỉ đạo", 4, part=Part.APPRAISAL),
            CriterionSpec("1.1", "Kế hoạch", 2),
            CriterionSpec("1.2", "Kiểm tra", 2, not_applicable=NotApplicable.REMOVED),
            CriterionSpec("2", "TTHC", 3),
            CriterionSpec("2.1", "Cửa khẩu", 1, not_applicable=NotApplicable.FULL_POINTS),
            CriterionSpec("2.2", "Một cửa", 2),
            CriterionSpec("3", "Hài lòng", 3, part=Part.SURVEY),
            CriterionSpec("3.1", "Khảo sát", 3, not_applicable=NotApplicable.REMOVED),
        ],
    )
    return Scheme(spec)


def test_plain_total_and_percent():
    r = unit_result(
        scheme(),
        UnitScores(
            "xã A",
            self_points={"1.1": 2, "1.2": 2, "2.1": 1, "2.2": 2},
            final_points={"1.1": 2, "1.2": 1, "2.1": 1, "2.2": 2},
            survey_points={"3.1": 2.5},
            appraised=True,
        ),
    )
    assert (r.self_score, r.appraised_score, r.survey_score, r.total, r.max) == (7, 6, 2.5, 8.5, 10)
    assert r.percent == 85 and r.band == "Tốt"
    assert r.areas == {"1": (3, 4), "2": (3, 3), "3": (2.5, 3)}


def test_not_applicable_removed_lowers_the_maximum_full_points_keeps_it():
    r = unit_result(
        scheme(),
        UnitScores(
            "xã B",
            final_points={"1.1": 2, "2.2": 1},
            self_points={"1.1": 2, "2.2": 1},
            final_na=frozenset({"1.2", "2.1"}),
            self_na=frozenset({"1.2", "2.1"}),
            survey_points={"3.1": 3},
        ),
    )
    # 1.2 removed (max 10 - 2 = 8); 2.1 counted full (1 of 1).
    assert (r.total, r.max, r.percent) == (7, 8, 87.5)
    assert r.appraised_score is None  # nothing appraised yet


def test_missing_survey_is_scaled_out_when_the_rule_says_removed():
    r = unit_result(scheme(), UnitScores("xã C", final_points={"1.1": 2, "1.2": 2, "2.1": 1, "2.2": 2}))
    assert (r.total, r.max, r.percent, r.survey_score) == (7, 7, 100, None)


def test_ranks_share_ties_and_bands_follow_percent():
    s = scheme()
    units = [
        UnitScores("xã A", final_points={"1.1": 2, "1.2": 2, "2.1": 1, "2.2": 2}, survey_points={"3.1": 3}),
        UnitScores("xã B", final_points={"1.1": 1, "1.2": 2, "2.1": 1, "2.2": 2}, survey_points={"3.1": 3}),
        UnitScores("xã C", final_points={"1.1": 2, "1.2": 1, "2.1": 1, "2.2": 2}, survey_points={"3.1": 3}),
        UnitScores("xã D", final_points={"1.1": 0, "1.2": 0, "2.1": 0, "2.2": 1}, survey_points={"3.1": 1}),
    ]
    ranked = results(s, units)
    assert [(r.unit, r.rank, r.band) for r in ranked] == [
        ("xã A", 1, "Tốt"),
        ("xã B", 2, "Tốt"),
        ("xã C", 2, "Tốt"),
        ("xã D", 4, "Yếu"),
    ]


def test_rank_of_a_unit_without_maximum_is_none():
    from core.scoring.totals import UnitResult

    ranked = rank([UnitResult("x", 0, None, None, 0, 0, None), UnitResult("y", 1, None, None, 1, 2, 50)])
    assert [(r.unit, r.rank) for r in ranked] == [("y", 1), ("x", None)]


def test_weakest_criteria_across_units():
    s = scheme()
    units = [
        UnitScores("a", final_points={"1.1": 2, "1.2": 0, "2.1": 1, "2.2": 1}),
        UnitScores("b", final_points={"1.1": 2, "1.2": 1, "2.1": 1, "2.2": 2}, final_na=frozenset()),
        UnitScores("c", final_points={"1.1": 2, "2.1": 1, "2.2": 2}, final_na=frozenset({"1.2"})),
    ]
    weak = weakest(s, units, limit=2)
    assert [(w.code, w.mean_percent, w.units, w.units_zero) for w in weak] == [
        ("1.2", 25.0, 2, 1),
        ("2.2", 83.3, 3, 0),
    ]


def test_area_percents_for_the_radar():
    s = scheme()
    r = unit_result(s, UnitScores("a", final_points={"1.1": 1, "1.2": 1, "2.1": 1, "2.2": 2}))
    assert area_percents(s, r) == [("1", "Chỉ đạo", 50.0), ("2", "TTHC", 100.0), ("3", "Hài lòng", None)]
