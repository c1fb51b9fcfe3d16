"""Header rows repeated on every page are not tasks."""

from __future__ import annotations

from core.text import fold


def test_no_task_is_a_header(seed_plans):
    for prefix in ("000", "001", "002"):
        for task in seed_plans[prefix].tasks:
            assert fold(task.content) not in ("noi dung thuc hien", "nhiem vu cu the"), prefix
            assert task.no not in ("TT", "STT")


def test_task_counts_match_the_numbered_rows(seed_plans):
    assert len(seed_plans["000"].tasks) == 39
    assert [t.no for t in seed_plans["001"].tasks] == [str(n) for n in range(1, 63)]
    assert len(seed_plans["002"].tasks) == 42
