"""Framework validity: the bad frameworks of the issue are refused with a Vietnamese reason."""

from dataclasses import replace

from core.scoring.framework import Band, CriterionSpec, NotApplicable, Part, ScoreLevel, ScoringKind, validate
from core.scoring.xlsx import template_spec


def spec():
    return template_spec(2025, "commune", "tỉnh An")


def with_criterion(s, code, **changes):
    s.criteria = [replace(c, **changes) if c.code == code else c for c in s.criteria]
    return s


def test_template_is_valid():
    assert validate(spec()) == []


def test_points_that_do_not_add_up_to_the_parent_are_refused():
    s = with_criterion(spec(), "1.1.2", max_points=1.5)
    errors = validate(s)
    assert any("1.1" in e and "cộng lại 2,5" in e for e in errors), errors


def test_areas_that_do_not_add_up_to_the_declared_maximum_are_refused():
    s = spec()
    s.appraisal_max, s.total_max = 8, 11
    errors = validate(s)
    assert any("phần thẩm định cộng lại 7" in e and "(8)" in e for e in errors), errors


def test_split_must_make_the_total():
    s = spec()
    s.total_max = 12
    assert any("phải bằng tổng điểm tối đa" in e for e in validate(s))


def test_criterion_without_a_maximum_is_refused():
    s = with_criterion(spec(), "1.3", max_points=None)
    assert any("1.3" in e and "chưa có điểm tối đa" in e for e in validate(s))


def test_duplicate_and_orphan_codes_are_refused():
    s = spec()
    s.criteria.append(CriterionSpec("1.3", "Trùng", 1))
    s.criteria.append(CriterionSpec("4.1", "Mồ côi", 1))
    errors = validate(s)
    assert any("bị trùng" in e for e in errors)
    assert any("chưa có tiêu chí cấp trên 4" in e for e in errors)


def test_levels_must_reach_the_maximum_and_stay_under_it():
    s = with_criterion(spec(), "1.2", levels=(ScoreLevel("Cao", 3), ScoreLevel("Thấp", 0)))
    assert any("ngoài khoảng 0 – 2" in e for e in validate(s))
    s = with_criterion(spec(), "1.2", levels=(ScoreLevel("Cao", 1), ScoreLevel("Thấp", 0)))
    assert any("mức cao nhất phải bằng điểm tối đa" in e for e in validate(s))


def test_rate_thresholds_must_be_ordered():
    s = with_criterion(spec(), "1.1.2", zero_below=100)
    assert any("nhỏ hơn tỷ lệ đạt điểm tối đa" in e for e in validate(s))


def test_survey_criteria_are_not_self_scored_kinds():
    s = with_criterion(spec(), "2.1", kind=ScoringKind.YES_NO)
    assert any("phần khảo sát" in e for e in validate(s))


def test_bands_need_a_floor_and_distinct_thresholds():
    s = spec()
    s.bands = [Band("Tốt", 80), Band("Khá", 80)]
    errors = validate(s)
    assert any("từ 0%" in e for e in errors)
    assert any("cùng ngưỡng" in e for e in errors)
    s.bands = []
    assert any("Chưa khai báo xếp loại" in e for e in validate(s))


def test_part_is_read_from_the_area():
    s = spec()
    assert s.part_of("2.1") is Part.SURVEY and s.part_of("1.1.1") is Part.APPRAISAL
    assert [c.code for c in s.leaves()] == ["1.1.1", "1.1.2", "1.2", "1.3", "2.1"]
    assert next(c for c in s.criteria if c.code == "1.3").not_applicable is NotApplicable.REMOVED
