"""Deadline grammar: the "Thời gian hoàn thành" cell of a plan row -> milestone specs.

    >>> from datetime import date
    >>> p = parse_deadline("- Thường xuyên. - Báo cáo kết quả: quý IV/2025.", date(2025, 1, 1), date(2025, 12, 31))
    >>> [m.to_dict() for m in p.milestones]  # doctest: +NORMALIZE_WHITESPACE
    [{'label': 'Thường xuyên', 'kind': 'continuous', 'due': None, 'frequency': None},
     {'label': 'Báo cáo kết quả', 'kind': 'once', 'due': '2025-12-31', 'frequency': None}]

Plans are written by hand in many offices, so the reader is a small grammar (clauses, then time
expressions found anywhere in a clause) rather than a list of known strings, and it never guesses:
what it cannot read goes to ``unparsed`` for an official to date by hand.
"""

from __future__ import annotations

from datetime import date

from .clauses import mask, split_clauses
from .grammar import Context, has_content, read_clause
from .lexicon import fold, nfc
from .spec import (
    CONTINUOUS,
    HALF_YEARLY,
    MONTHLY,
    ON_EVENT,
    ONCE,
    QUARTERLY,
    RECURRING,
    YEARLY,
    DeadlineParse,
    MilestoneSpec,
)

__all__ = [
    "CONTINUOUS",
    "HALF_YEARLY",
    "MONTHLY",
    "ONCE",
    "ON_EVENT",
    "QUARTERLY",
    "RECURRING",
    "YEARLY",
    "DeadlineParse",
    "MilestoneSpec",
    "parse_deadline",
]


def parse_deadline(
    text: str | None, period_start: date, period_end: date, *, strict_before: bool = False
) -> DeadlineParse:
    """Read a deadline text against the plan period [period_start, period_end].

    The period supplies missing years and bounds the expansion of recurring reports; dates outside
    it are still returned (a plan check flags them). ``strict_before`` reads "Trước ngày 30/11" as
    29/11 instead of the offices' usual "no later than 30/11".
    """
    if period_end < period_start:
        raise ValueError("period_end is before period_start")
    result = DeadlineParse(text or "")
    if not text or not text.strip():
        return result
    normal = nfc(text)
    ctx = Context(normal, mask(fold(normal)), period_start, period_end, strict_before)

    seen: dict[tuple[int, int], bool] = {}

    def has(s: int, e: int) -> bool:  # the same spans come up at each level of splitting
        if (s, e) not in seen:
            seen[s, e] = has_content(ctx.f, s, e)
        return seen[s, e]

    for clause in split_clauses(normal, ctx.f, has):
        result.unparsed += read_clause(ctx, clause.start, clause.end, clause.parent)
    result.milestones = ctx.out
    return result
