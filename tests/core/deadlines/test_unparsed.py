"""What the grammar cannot read stays text: no milestone, and never a guessed date."""

from __future__ import annotations

import random

import pytest

from core.deadlines import parse_deadline

from .helpers import P2025, P2630, once, rows


@pytest.mark.parametrize(
    "text",
    [
        "Sau ngày 15/3/2025",  # a start, not a deadline
        "Trong vòng 30 ngày",  # relative to an unnamed event
        "Ngày 31/2/2025",  # no such day
        "Tháng 13/2025",
        "Quý V/2025",
        "Ngày 20",  # a day with no month and no "hằng tháng"
        "Cả năm",
        "Đang cập nhật",
        "Tùy tình hình thực tế",
        "Theo dõi, đôn đốc",  # "theo dõi" is not "theo kế hoạch"
        "1.2 Xây dựng kế hoạch",  # an item number, not a date
        "x",
    ],
)
def test_unreadable_text_is_kept_as_text(text: str) -> None:
    parse = parse_deadline(text, *P2025)
    assert parse.milestones == []
    assert parse.unparsed == [text]
    assert not parse.parsed


def test_one_unreadable_clause_does_not_hide_the_others() -> None:
    parse = parse_deadline("- Dự thảo: Quý I/2025 - Ban hành: sau ngày 30/6/2025", *P2025)
    assert rows(parse) == [once("Dự thảo", "2025-03-31")]
    assert parse.unparsed == ["Ban hành: sau ngày 30/6/2025"]
    assert not parse.parsed


def test_unparsed_group_item_keeps_its_header() -> None:
    parse = parse_deadline("- Báo cáo chuyên đề + Quý I: 5/3/2025 + Tùy tình hình", *P2025)
    assert rows(parse) == [once("Báo cáo chuyên đề – Quý I", "2025-03-05")]
    assert parse.unparsed == ["Báo cáo chuyên đề – Tùy tình hình"]


TOKENS = [
    "- ",
    "+ ",
    "; ",
    ". ",
    ": ",
    "Quý",
    "I",
    "IV",
    "/",
    "2025",
    "2026",
    "tháng",
    "12",
    "ngày",
    "15",
    "hằng",
    "năm",
    "quý",
    "định kỳ",
    "Thường xuyên",
    "theo",
    "kế hoạch",
    "khi",
    "sau",
    "trước",
    "từ",
    "đến",
    "6 tháng",
    ",",
    "và",
    "hoặc",
    "đột xuất",
    "Báo cáo",
    "31/2",
    "13",
    "99/KH-UBND",
    "(",
    ")",
]


def test_random_token_soup_never_raises_and_never_dates_unread_text() -> None:
    rng = random.Random(11)
    for _ in range(1500):
        text = " ".join(rng.choice(TOKENS) for _ in range(rng.randrange(1, 14)))
        parse = parse_deadline(text, *P2630, strict_before=rng.random() < 0.5)
        for m in parse.milestones:
            assert (m.due is None) == (m.kind in ("continuous", "on_event")), (text, m)
            assert m.span is None or 0 <= m.span[0] < m.span[1] <= len(text), (text, m)
        assert all(u.strip() for u in parse.unparsed)
