"""One criterion's points from a rate, and the limits a typed score must respect."""

from core.scoring.framework import CriterionSpec, ScoreLevel, ScoringKind
from core.scoring.rules import from_rate, level_for, points_problem

RATE = CriterionSpec("1.1", "Hồ sơ đúng hạn", 2, kind=ScoringKind.RATE, full_at=80, zero_below=50)
LEVELS = CriterionSpec(
    "1.2",
    "Báo cáo",
    2,
    kind=ScoringKind.LEVELS,
    levels=(ScoreLevel("≥ 95%", 2, 95), ScoreLevel("≥ 80%", 1, 80), ScoreLevel("< 80%", 0)),
)
YES = CriterionSpec("1.3", "Kế hoạch đúng hạn", 1, kind=ScoringKind.YES_NO)


def test_proportional_below_the_threshold_full_above():
    assert from_rate(RATE, 90).points == 2
    c = from_rate(RATE, 60)
    assert c.points == 1.5
    assert c.formula == "2 × 60% ÷ 80% = 1,5 điểm"
    assert from_rate(RATE, 40).points == 0 and "dưới 50%" in from_rate(RATE, 40).formula


def test_proportional_points_round_to_two_decimals():
    assert from_rate(RATE, 66.6667).points == 1.67


def test_levels_picked_by_rate():
    assert from_rate(LEVELS, 97).points == 2
    c = from_rate(LEVELS, 85)
    assert (c.points, c.level) == (1, "≥ 80%")
    assert from_rate(LEVELS, 10).points == 0


def test_yes_no_from_rate_needs_the_full_rate():
    assert from_rate(YES, 100).points == 1
    assert from_rate(YES, 99.9).points == 0


def test_score_above_the_maximum_is_refused():
    assert "vượt điểm tối đa" in points_problem(RATE, 2.5)
    assert points_problem(RATE, 2) is None
    assert "không được âm" in points_problem(RATE, -1)
    assert "hai chữ số" in points_problem(RATE, 1.234)


def test_kind_limits_typed_scores():
    assert "chỉ được 0 hoặc 1" in points_problem(YES, 0.5)
    assert points_problem(YES, 1) is None
    assert "một trong các mức 2, 1, 0" in points_problem(LEVELS, 1.5)
    assert level_for(LEVELS, 1) == "≥ 80%"
