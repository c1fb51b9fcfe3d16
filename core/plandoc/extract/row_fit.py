"""Place the cells of a ragged table row under the columns they belong to.

A row can hold fewer cells than its table has columns: merged cells are lost when a web page
flattens a Word table, an empty cell cannot be written in the one-cell-per-line layout, and a
repeated header that lost its "STT" cell shifts everything after it. Reading such a row by position
puts the task text under "STT" and the lead agency under "Nội dung".

Instead each cell goes where its content fits, keeping the printed order: a row number under the
number column, a sentence under the content column, a body's name under an agency column, a date
or "2026 - 2030" under the time column. That is a small dynamic programme over (cell, column)
pairs that maximises the total fit; ties keep cells to the left.
"""

from __future__ import annotations

import re

from core.plandoc.extract.agencies import is_body

_NUMBER = re.compile(r"^\(?(?:[IVXLC]{1,6}|[A-ZĐ]|[a-zđ]|\d{1,3}(?:\.\d{1,3}){0,3})[.)]?\)?$")
_TIME = re.compile(
    r"(?:\b20\d\d\b|\bquý\b|\btháng\b|\bnăm\b|thường xuyên|hằng|hàng năm|định kỳ|trước ngày|giai đoạn|"
    r"\bngày\b|kịp thời|khi có|theo tiến độ|liên tục)",
    re.IGNORECASE,
)


_DUE = re.compile(r"(?i)\d{1,2}/\d{1,2}/\d{4}|\bquý\s+[IVX1-4]+|trước ngày|tháng\s+\d{1,2}/\d{4}")


def looks_like_number(text: str) -> bool:
    return bool(_NUMBER.match(text.strip().strip("*")))


def fit(text: str, role: str | None) -> float:
    """How well a cell's text fits a column of ``role`` (higher is better; empty fits anywhere)."""
    text = text.strip()
    if not text:
        return 0.0
    number = looks_like_number(text)
    if role == "no":
        return 3.0 if number else -5.0
    if number:
        return -3.0
    length = len(text)
    if role == "content":
        if is_body(text) and length < 80:
            return -0.5
        return 2.0 if length >= 25 else 1.0
    if role in ("lead", "coordinating"):
        if text.isupper() and len(text.split()) >= 3:
            return -1.0  # a section title in capitals ("CÁC GIẢI PHÁP …"), not a body's name
        if is_body(text) or is_body(text.lstrip("-–+• ")):
            return 2.0
        return -2.0 if length > 150 else -0.5
    if role == "deadline":
        if _DUE.search(text) and length <= 200:
            return 3.0  # a date or a quarter: nothing else in a row reads like that
        if _TIME.search(text) and length <= 200:
            return 2.0
        return -1.0
    if role == "products":
        return 0.5
    return 0.2


def align_row(texts: list[str], roles: list[str | None]) -> list[int | None]:
    """For each column (given by its role), the index of the cell placed under it, or None.

    Rows with as many cells as columns (or more) are read by position.
    """
    n, m = len(texts), len(roles)
    if n >= m:
        return list(range(m))
    neg = float("-inf")
    # best[i][j]: best score placing the first i cells in the first j columns
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    took = [[False] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        best[0][j] = 0.0
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            skip = best[i][j - 1]
            take = best[i - 1][j - 1] + fit(texts[i - 1], roles[j - 1])
            # ">" leaves column j-1 empty on a tie, so the cell lands in an earlier column
            if take > skip or j == i:
                best[i][j], took[i][j] = take, True
            else:
                best[i][j] = skip
    placed: list[int | None] = [None] * m
    i, j = n, m
    while i > 0 and j > 0:
        if took[i][j]:
            placed[j - 1] = i - 1
            i -= 1
        j -= 1
    return placed
