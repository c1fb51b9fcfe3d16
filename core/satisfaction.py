"""Satisfaction of citizens: the Likert scale, the SIPAS factors, local survey results and dossier
ratings with their confidence intervals. No Django.

Two sources are kept apart on purpose (reference notes §9): the national SIPAS is a Bộ Nội vụ
sample survey that a local survey or a per-dossier rating cannot reproduce. This module computes
the *local* figures only; official SIPAS results are imported as they are published.

Local method, after the SIPAS questionnaire (its exact formula under QĐ 1001/QĐ-BNV is not public,
so this is stated, not claimed official): an item's satisfaction is the share of respondents who
answered it with "Hài lòng" or "Rất hài lòng"; a respondent's factor score is the share of the
factor's items they answered satisfied; a factor's index is the mean of its respondents' scores;
the local index is the mean of the five factor indices. "Không ý kiến" answers are left out.

Intervals are 95% Wilson score intervals over the number of respondents. For a factor the scores
are fractions, not 0/1, but a variable in [0, 1] with mean p has variance at most p(1-p)
(Bhatia-Davis inequality), so the Wilson interval is, if anything, wider than needed: an honest
upper bound on the uncertainty from sampling (not on a biased sample's error).

    >>> round(wilson(0.9, 100)[0], 3), round(wilson(0.9, 100)[1], 3)
    (0.826, 0.945)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

Z95 = 1.959963984540054

LIKERT: dict[int, str] = {
    1: "Rất không hài lòng",
    2: "Không hài lòng",
    3: "Bình thường",
    4: "Hài lòng",
    5: "Rất hài lòng",
}
SATISFIED = frozenset({4, 5})
DISSATISFIED = frozenset({1, 2})

# The five SIPAS factors (QĐ 2640/QĐ-BNV 2017, kept by QĐ 1001/QĐ-BNV 2023), in their official order.
FACTORS: dict[str, str] = {
    "tiep_can": "Tiếp cận dịch vụ",
    "thu_tuc": "Thủ tục hành chính",
    "cong_chuc": "Công chức trực tiếp giải quyết công việc",
    "ket_qua": "Kết quả dịch vụ",
    "gop_y": "Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị",
}

# A starting questionnaire: Likert items per factor, after the SIPAS "sự hài lòng" criteria.
# A round copies them and the officer edits, adds or removes items before opening it.
DEFAULT_ITEMS: tuple[tuple[str, str], ...] = (
    ("tiep_can", "Nơi tiếp nhận hồ sơ có đủ chỗ ngồi, trang thiết bị phục vụ đầy đủ, dễ sử dụng"),
    ("tiep_can", "Thông tin về thủ tục được niêm yết công khai, dễ tìm, dễ hiểu"),
    ("tiep_can", "Dịch vụ công trực tuyến dễ truy cập, dễ sử dụng"),
    ("thu_tuc", "Thành phần hồ sơ phải nộp đúng như quy định được công khai"),
    ("thu_tuc", "Phí, lệ phí phải nộp đúng như quy định được công khai"),
    ("thu_tuc", "Thời hạn giải quyết đúng như quy định được công khai"),
    ("cong_chuc", "Công chức có thái độ lịch sự, chú ý lắng nghe khi giao tiếp"),
    ("cong_chuc", "Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu"),
    ("cong_chuc", "Công chức tuân thủ quy định, không gây phiền hà, sách nhiễu"),
    ("ket_qua", "Kết quả giải quyết đúng quy định, thông tin đầy đủ, chính xác"),
    ("ket_qua", "Nhận kết quả đúng hẹn, hoặc được xin lỗi và hẹn lại khi trễ hẹn"),
    ("gop_y", "Cơ quan bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị; dễ thực hiện"),
    ("gop_y", "Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý và thông báo kết quả kịp thời"),
)


def wilson(p: float, n: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (or a mean in [0, 1]) over n observations."""
    if n <= 0:
        return (0.0, 1.0)
    p = min(1.0, max(0.0, p))
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Estimate:
    """A percentage over n respondents with its 95% interval (None when nobody answered)."""

    n: int
    percent: float | None
    low: float | None
    high: float | None

    @classmethod
    def of(cls, mean: float | None, n: int) -> Estimate:
        if mean is None or n == 0:
            return cls(n, None, None, None)
        lo, hi = wilson(mean, n)
        return cls(n, round(100 * mean, 2), round(100 * lo, 2), round(100 * hi, 2))

    @property
    def margin(self) -> float | None:
        """Half the interval's width, in percentage points (the "± x điểm" officials quote)."""
        return None if self.low is None else round((self.high - self.low) / 2, 2)


@dataclass(frozen=True)
class Item:
    key: str  # the question's id, as the answers carry it
    factor: str
    text: str = ""


@dataclass(frozen=True)
class FactorResult:
    factor: str
    name: str
    estimate: Estimate
    items: dict[str, Estimate] = field(default_factory=dict)


@dataclass(frozen=True)
class SurveyResult:
    respondents: int
    factors: list[FactorResult]
    index: Estimate  # mean of the factor indices, interval over respondents

    def factor(self, code: str) -> FactorResult | None:
        return next((f for f in self.factors if f.factor == code), None)


def _valid(value) -> int | None:
    try:
        v = int(value)
    except (TypeError, ValueError):
        return None
    return v if v in LIKERT else None


def survey_result(responses: Iterable[Mapping[str, object]], items: list[Item]) -> SurveyResult:
    """Factor and item results of a set of responses (each a mapping item key -> 1..5 or blank)."""
    by_factor: dict[str, list[Item]] = {}
    for item in items:
        by_factor.setdefault(item.factor, []).append(item)
    item_hits = {i.key: [0, 0] for i in items}  # satisfied, answered
    factor_scores: dict[str, list[float]] = {f: [] for f in by_factor}
    overall: list[float] = []
    respondents = 0
    for answers in responses:
        scores = []
        for factor, its in by_factor.items():
            values = [(i.key, _valid(answers.get(i.key))) for i in its]
            answered = [(k, v) for k, v in values if v is not None]
            for k, v in answered:
                item_hits[k][0] += v in SATISFIED
                item_hits[k][1] += 1
            if answered:
                score = sum(v in SATISFIED for _k, v in answered) / len(answered)
                factor_scores[factor].append(score)
                scores.append(score)
        if scores:
            respondents += 1
            overall.append(sum(scores) / len(scores))
    factors = []
    for code in [f for f in FACTORS if f in by_factor] + [f for f in by_factor if f not in FACTORS]:
        s = factor_scores[code]
        items_est = {
            i.key: Estimate.of(item_hits[i.key][0] / item_hits[i.key][1] if item_hits[i.key][1] else None,
                               item_hits[i.key][1])
            for i in by_factor[code]
        }  # fmt: skip
        mean = sum(s) / len(s) if s else None
        factors.append(FactorResult(code, FACTORS.get(code, code), Estimate.of(mean, len(s)), items_est))
    known = [f.estimate.percent for f in factors if f.estimate.percent is not None]
    index_mean = sum(known) / len(known) / 100 if known else None
    return SurveyResult(respondents, factors, Estimate.of(index_mean, respondents))


# --- ratings of dossiers ------------------------------------------------------------------------


@dataclass(frozen=True)
class RatingSummary:
    """Ratings of dossiers' handling over a period: counts per level, satisfied share, dislikes."""

    n: int
    counts: dict[int, int]
    satisfied: Estimate  # share rated "Hài lòng" or "Rất hài lòng"
    dissatisfied: int  # rated 1 or 2: the "dislike" of QĐ 766 5.4
    mean_score: float | None

    def as_dict(self) -> dict:
        return {
            "n": self.n,
            "counts": {LIKERT[k]: v for k, v in sorted(self.counts.items())},
            "satisfied_percent": self.satisfied.percent,
            "satisfied_ci95": [self.satisfied.low, self.satisfied.high],
            "dissatisfied": self.dissatisfied,
            "mean_score": self.mean_score,
        }


def rating_summary(scores: Iterable[int]) -> RatingSummary:
    counts = dict.fromkeys(LIKERT, 0)
    for s in scores:
        if s in counts:
            counts[s] += 1
    n = sum(counts.values())
    sat = sum(counts[k] for k in SATISFIED)
    mean = round(sum(k * v for k, v in counts.items()) / n, 2) if n else None
    return RatingSummary(
        n=n,
        counts=counts,
        satisfied=Estimate.of(sat / n if n else None, n),
        dissatisfied=sum(counts[k] for k in DISSATISFIED),
        mean_score=mean,
    )


def dossier_satisfaction_rate(total: int, late: int, complained_or_disliked: int) -> float | None:
    """QĐ 766 5.4: 100% − (share of dossiers handled late + share with a petition or a dislike).

    The caller counts a dossier once in ``complained_or_disliked`` even if it had both, and may
    leave out of it the dossiers already counted late (then the two shares never double count)."""
    if total <= 0:
        return None
    return round(max(0.0, 100.0 - 100.0 * (late + complained_or_disliked) / total), 2)
