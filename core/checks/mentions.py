"""Numeric commitments stated anywhere in a plan: "tỷ lệ giao dịch thanh toán trực tuyến đạt 60%".

Plans repeat their targets in the task texts and in the body, and the copies drift (50% in a task,
60% in the body, 70% in the targets). To compare them, every percentage is read with the clause it
sits in, the clause is classified to an indicator code (the gold schema's codes), and a few
qualifiers (a sector, "lĩnh vực đất đai") keep different measures of one indicator apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.indicators import classify
from core.text import collapse, fold

_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%")
# Clause ends: ";", a full stop, a table cell, a bullet, "trong (số) đó", or a blank line before a
# capital (a new paragraph; PDF text also has blank lines inside sentences, before lower case).
_CLAUSE_BREAK = re.compile(r";|\.\s|\t|\n\s*[-+•]\s|(?i:\btrong\s+(?:số\s+)?đó\b)|\n\s*\n(?=\s*[-+•A-ZĐ])")
_YEAR = re.compile(r"(?:vào|đến|trong)\s+năm\s+(\d{4})|năm\s+(\d{4})", re.I)

_QUALIFIERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("dat_dai", ("dat dai", "xay dung", "dau tu")),
    ("y_te", ("y te",)),
    ("giao_duc", ("giao duc",)),
    ("dich_vu_cong_lap", ("su nghiep cong lap",)),
    ("co_quan_hcnn", ("co quan hanh chinh nha nuoc",)),
)
# Indicators whose value means the same thing whatever the surrounding words; the others (hài lòng,
# QPPL, hoàn thành nhiệm vụ, ...) cover several measures and are compared only when worded alike.
NARROW: frozenset[str] = frozenset(
    {
        "on_time_rate",
        "online_dossier_rate",
        "full_online_service_rate",
        "online_payment_rate",
        "online_payment_service_rate",
        "digitized_result_rate",
        "data_reuse_rate",
        "digital_inspection_rate",
    }
)


@lru_cache(maxsize=65536)
def qualifiers(text: str) -> frozenset[str]:
    key = fold(text)
    return frozenset(q for q, words in _QUALIFIERS if any(w in key for w in words))


@dataclass(frozen=True)
class Mention:
    """One percentage in the text: its indicator, value, year (None: the whole period), clause."""

    indicator: str
    value: float
    year: int | None
    clause: str
    start: int  # offset of the percentage in the text it was read from
    end: int
    quals: frozenset[str] = frozenset()


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, position = [], 0
    for found in _CLAUSE_BREAK.finditer(text):
        bounds.append((position, found.start()))
        position = found.end()
    bounds.append((position, len(text)))
    return [(a, b) for a, b in bounds if b > a]


_WINDOW = 110


def _nearest(clause: str, start: int, end: int, low: int, high: int) -> tuple[str, str]:
    """Indicator of one percentage, from the words nearest to it outwards, with the words used.

    "duy trì tỷ lệ giải quyết hồ sơ đúng hạn đạt trên 98%, khắc phục ..., nâng cao tỷ lệ TTHC có
    yêu cầu nghĩa vụ tài chính ..." is one clause with several commitments; the subject of a
    percentage is the phrase just before it ("... đúng hạn đạt trên 98%") or just after it ("số hóa
    100% kết quả ..."), and only then the wider window or the whole clause.
    """
    left = clause[max(low, start - _WINDOW) : start]
    right = clause[end : min(high, end + _WINDOW)]
    near_left = left[left.rfind(",") + 1 :]
    candidates = (near_left, right.split(",")[0], near_left + right, clause)
    for words in candidates:
        indicator = classify(words)
        if indicator != "other":
            return indicator, words
    return "other", clause


def mentions(text: str) -> list[Mention]:
    """Every percentage of ``text`` with the indicator of the words around it."""
    found: list[Mention] = []
    for start, end in _clauses(text):
        clause = text[start:end]
        percents = list(_PERCENT.finditer(clause))
        for i, match in enumerate(percents):
            low = percents[i - 1].end() if i else 0
            high = percents[i + 1].start() if i + 1 < len(percents) else len(clause)
            indicator, words = _nearest(clause, match.start(), match.end(), low, high)
            year = _YEAR.search(clause, match.end(), high)
            found.append(
                Mention(
                    indicator,
                    float(match.group(1).replace(",", ".")),
                    int(year.group(1) or year.group(2)) if year else None,
                    collapse(clause),
                    start + match.start(),
                    start + match.end(),
                    qualifiers(words),
                )
            )
    return found


INDICATOR_NAMES: dict[str, str] = {
    "on_time_rate": "tỷ lệ hồ sơ giải quyết trước và đúng hạn",
    "online_dossier_rate": "tỷ lệ hồ sơ nộp trực tuyến",
    "full_online_service_rate": "tỷ lệ dịch vụ công trực tuyến toàn trình",
    "online_payment_rate": "tỷ lệ giao dịch thanh toán trực tuyến",
    "online_payment_service_rate": "tỷ lệ TTHC có nghĩa vụ tài chính được thanh toán trực tuyến",
    "digitized_result_rate": "tỷ lệ số hóa kết quả giải quyết TTHC",
    "data_reuse_rate": "tỷ lệ không phải cung cấp lại / sử dụng lại dữ liệu",
    "satisfaction_rate": "mức độ hài lòng",
    "e_document_rate": "tỷ lệ văn bản điện tử, ký số",
    "digital_inspection_rate": "tỷ lệ hoạt động kiểm tra qua môi trường số",
    "legal_doc_rate": "tỷ lệ văn bản QPPL được rà soát, xử lý",
    "task_completion_rate": "tỷ lệ hoàn thành nhiệm vụ",
    "other": "chỉ tiêu khác",
}
