"""A plan without an annex table: tasks from lettered paragraphs, leads from "Tổ chức thực hiện"."""

from __future__ import annotations

from collections import Counter

from core.plandoc.extract import NO_ANNEX_WARNING, extract_plan
from core.plandoc.readers.text import read_text


def test_seed_004_tasks_and_leads(seed_plans):
    plan = seed_plans["004"]
    assert len(plan.tasks) == 34
    assert Counter(t.area for t in plan.tasks) == {
        "chi_dao": 5,
        "the_che": 3,
        "tthc": 4,
        "bo_may": 4,
        "cong_vu": 5,
        "tai_chinh": 6,
        "chinh_quyen_so": 7,
    }
    leads = {t.area: t.lead for t in plan.tasks}
    assert leads["the_che"] == ["Văn phòng HĐND-UBND xã"]
    assert leads["tthc"] == ["Trung tâm Phục vụ hành chính công"]
    assert leads["tai_chinh"] == ["Phòng Kinh tế"]
    assert leads["chinh_quyen_so"] == ["Phòng Văn hóa-Xã hội"]
    assert all(t.deadline_text is None and t.products == [] for t in plan.tasks)
    assert NO_ANNEX_WARNING in plan.warnings


def test_unlettered_paragraph_stays_in_its_task(seed_plans):
    task = next(t for t in seed_plans["004"].tasks if t.area == "tai_chinh" and t.no == "d")
    assert "Triển khai và thực hiện có hiệu quả cơ chế tự chủ tài chính" in task.content


def test_assignments_are_also_read_for_plans_with_annexes(seed_plans):
    assignments = seed_plans["000"].assignments
    whole = {(a.area, a.agency) for a in assignments if not a.task_numbers}
    assert ("the_che", "Văn phòng HĐND-UBND xã") in whole
    assert ("tai_chinh", "Phòng Kinh tế") in whole
    split = {(a.agency, tuple(a.task_numbers)) for a in assignments if a.task_numbers}
    assert split == {
        ("Phòng Văn hóa - Xã hội", ("1", "2", "6")),
        ("Trung tâm Phục vụ hành chính công", ("3", "4", "5", "7")),
    }


PLAN = """ỦY BAN NHÂN DÂN
XÃ HƯNG ĐẠO

KẾ HOẠCH
Cải cách hành chính năm 2026

I. NHIỆM VỤ, GIẢI PHÁP
1. Cải cách thể chế
a) Rà soát văn bản quy phạm pháp luật của xã.
b) Theo dõi thi hành pháp luật.
2. Cải cách tài chính công
- Công khai ngân sách xã.
- Quản lý tài sản công.
3. Xây dựng chính quyền số
a) Duy trì hệ thống quản lý văn bản.

II. TỔ CHỨC THỰC HIỆN
1. Công chức Tư pháp - Hộ tịch: chủ trì triển khai nội dung cải cách thể chế.
2. Công chức Tài chính - Kế toán chịu trách nhiệm về cải cách tài chính công.
3. Công chức Văn hóa - Xã hội và Công chức Văn phòng - Thống kê phối hợp triển khai xây dựng chính quyền số.
"""


def test_hand_written_plan_without_annex():
    plan = extract_plan(read_text(PLAN.encode(), "plan.txt"))
    got = [(t.area, t.no, t.content, t.lead) for t in plan.tasks]
    assert got == [
        ("the_che", "a", "Rà soát văn bản quy phạm pháp luật của xã.", ["Công chức Tư pháp - Hộ tịch"]),
        ("the_che", "b", "Theo dõi thi hành pháp luật.", ["Công chức Tư pháp - Hộ tịch"]),
        ("tai_chinh", None, "Công khai ngân sách xã.", ["Công chức Tài chính - Kế toán"]),
        ("tai_chinh", None, "Quản lý tài sản công.", ["Công chức Tài chính - Kế toán"]),
        # "phối hợp" is not a lead: nobody leads the digital area, so the lead stays empty.
        ("chinh_quyen_so", "a", "Duy trì hệ thống quản lý văn bản.", []),
    ]
