"""Local satisfaction statistics: Wilson intervals, survey factor results, rating summaries."""

from __future__ import annotations

import doctest
import random

import pytest

import core.satisfaction as satisfaction
from core.satisfaction import (
    FACTORS,
    Item,
    dossier_satisfaction_rate,
    rating_summary,
    survey_result,
    wilson,
)


def test_doctest():
    assert doctest.testmod(satisfaction).failed == 0


def test_wilson_known_values_and_edges():
    lo, hi = wilson(0.5, 100)
    assert lo == pytest.approx(0.4038, abs=1e-4) and hi == pytest.approx(0.5962, abs=1e-4)
    lo, hi = wilson(1.0, 10)  # never collapses to a point, unlike the normal approximation
    assert hi == pytest.approx(1.0) and 0.69 < lo < 0.73
    assert wilson(0.3, 0) == (0.0, 1.0)


def test_wilson_covers_the_true_share_about_95_percent_of_the_time():
    rng = random.Random(7)
    p, n, hits = 0.83, 150, 0
    for _ in range(2000):
        k = sum(rng.random() < p for _ in range(n))
        lo, hi = wilson(k / n, n)
        hits += lo <= p <= hi
    assert 0.93 <= hits / 2000 <= 0.97


ITEMS = [Item("1", "tiep_can"), Item("2", "tiep_can"), Item("3", "cong_chuc"), Item("4", "ket_qua")]


def test_survey_result_per_factor_and_index():
    responses = [
        {"1": 5, "2": 4, "3": 5, "4": 4},  # all satisfied
        {"1": 5, "2": 2, "3": 3, "4": 4},  # tiếp cận 1/2, công chức 0, kết quả 1
        {"1": "", "2": None, "3": 4, "4": "x"},  # only công chức answered
        {},  # answered nothing: not a respondent
    ]
    r = survey_result(responses, ITEMS)
    assert r.respondents == 3
    access = r.factor("tiep_can")
    assert access.estimate.n == 2 and access.estimate.percent == 75.0
    assert access.items["1"].percent == 100.0 and access.items["2"].percent == 50.0
    assert r.factor("cong_chuc").estimate.percent == pytest.approx(66.67)
    assert r.factor("ket_qua").estimate.n == 2
    assert r.index.percent == pytest.approx((75 + 66.6667 + 100) / 3, abs=0.01)
    assert r.index.low < r.index.percent < r.index.high
    assert [f.factor for f in r.factors] == [f for f in FACTORS if f in {"tiep_can", "cong_chuc", "ket_qua"}]


def test_survey_interval_narrows_with_more_respondents():
    few = survey_result([{"1": 5, "2": 1}] * 10, ITEMS[:2]).factor("tiep_can").estimate
    many = survey_result([{"1": 5, "2": 1}] * 1000, ITEMS[:2]).factor("tiep_can").estimate
    assert few.percent == many.percent == 50.0
    assert many.margin < few.margin / 5


def test_no_answers_gives_no_percent():
    r = survey_result([], ITEMS)
    assert r.respondents == 0 and r.index.percent is None
    assert r.factor("tiep_can").estimate.percent is None


def test_rating_summary():
    s = rating_summary([5, 5, 4, 3, 2, 1, 5, 9])
    assert s.n == 7 and s.counts[5] == 3 and s.dissatisfied == 2
    assert s.satisfied.percent == pytest.approx(57.14)
    assert s.mean_score == pytest.approx(25 / 7, abs=0.01)
    assert s.as_dict()["counts"]["Rất hài lòng"] == 3
    assert rating_summary([]).satisfied.percent is None


def test_dossier_satisfaction_rate_766_5_4():
    assert dossier_satisfaction_rate(200, 6, 4) == 95.0
    assert dossier_satisfaction_rate(0, 0, 0) is None
    assert dossier_satisfaction_rate(10, 8, 5) == 0.0
