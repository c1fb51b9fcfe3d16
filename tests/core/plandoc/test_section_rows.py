"""Section rows ("I | Cải cách thể chế") and annex headings set the area of the rows below."""

from __future__ import annotations

from collections import Counter


def test_area_from_section_rows(seed_plans):
    areas = Counter(t.area for t in seed_plans["001"].tasks)
    assert areas == {
        "the_che": 6,
        "tthc": 16,
        "bo_may": 10,
        "cong_vu": 6,
        "tai_chinh": 8,
        "chinh_quyen_so": 16,
    }


def test_area_from_annex_headings(seed_plans):
    plan = seed_plans["000"]
    assert [t.area for t in plan.tasks if t.no == "1"] == [
        "the_che",
        "tthc",
        "bo_may",
        "cong_vu",
        "tai_chinh",
        "chinh_quyen_so",
        "chi_dao",
    ]
    first = plan.tasks[0]
    assert "Phụ lục số 01" in plan.source_text[first.spans["area"].start : first.spans["area"].end]
