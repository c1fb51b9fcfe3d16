"""The five seed plans, read by the importer and checked; 000 against its superior 002.

Defects found by reading the seeds in full (the checks must find each one, where it is):

000 xã Thường Xuân 2025 (superior: 002, the province plan)
  - "Số: /QĐ-UBND" and "ngày   tháng 8 năm 2025" left blank (unsigned copy).
  - Drafting notes left in annex 07: task 2 "(đổi thành cấp tỉnh)", task 3 "(xem lại các lĩnh vực
    liên quan đến việc chấm điểm)".
  - Province wording kept: annex 05 task 4 "Xây dựng Kế hoạch đầu tư công tỉnh Thanh Hóa năm 2026"
    given to the commune's Phòng Kinh tế, with products "Tờ trình Ban Thường vụ Tỉnh ủy", "Tờ trình
    HĐND tỉnh"; "trên địa bàn tỉnh" in annex 02 task 5 and annex 05 task 3 (the body says "xã");
    annex 06 task 1 "trên địa bàn tỉnh ... nội bộ của tỉnh"; annex 03 task 3 product "Đề án vị trí
    việc làm của sở, ngành, địa phương". (Annex 01 task 3 "quy định pháp luật của tỉnh" is not
    caught: "của tỉnh" is too often legitimate.)
  - Annex 06 task 6 is led by "Văn phòng HĐND &UBND" while section IV gives items 1, 2, 6 to Phòng
    Văn hóa - Xã hội (lead_conflict).
  - Annex 06 task 4 repeats annex 02 task 3 almost word for word.
  - Lead typos "Phòng VHXXH" / "Phòng VHXX" (resolved to Phòng Văn hóa - Xã hội, reported as info).
  - Annex 07 task 3 "Báo cáo tổng hợp ...: Quý I/2026" falls after the 2025 period (a normal
    annual-report lag: info).
  - Against 002: the province target "100% văn bản QPPL ... được ban hành đúng quy trình" has no
    counterpart among the commune's targets; three province tasks where communes coordinate
    (Kế hoạch kiểm soát TTHC, hồ sơ đất đai quá hạn, thanh tra công vụ) have no commune task (info).
001 xã Ngọc Liên 2026-2030
  - Number and date blank ("ngày   tháng 3 năm 2026").
  - Online payment stated as 70% (2027) / 80% (2030) in the targets, 60% in section III.2 and 50%
    in annex task 15.
  - Task 21 keeps template alternatives "(hoặc Đề án 06, hoặc chuyển đổi số...)".
  - Section III.1 "tại các cơ quan, đơn vị trên địa bàn tỉnh", III.6 "dữ liệu chuyên ngành của các
    sở", task 53 "tại các sở, ngành, địa phương": province wording.
  - Task 37 "Ban hành kế hoạch: chậm nhất tháng 01/2026" is past when the plan is signed in March 2026.
002 tỉnh Thanh Hóa 2025 (a correct plan, apart from its draft header)
  - Number and date blank ("ngày   tháng   năm 2024"); annex 06 task 3 repeats annex 02 task 5.
  - Its own province wording and "UBND cấp huyện" (signed December 2024) are right, no finding.
003 xã Anh Sơn 2025 (PDF)
  - No number and no date at all.
  - Online dossiers: 70% in the targets, "Đạt 100% Tỷ lệ hồ sơ trực tuyến" in section 2.6.
  - Annex task V.3 "Triển khai số hóa hồ sơ giải quyết TTHC" repeats II.10.
  - Town / province wording: II.13 "trên địa bàn thị xã", IV.10 notes "trên địa bàn thị xã",
    IV.5 notes "đơn vị thuộc huyện", V.2 notes "tại UBND cấp huyện", V.4 notes "website của Sở";
    body "nội bộ của tỉnh", "tại UBND thị xã", "Kế hoạch ... trên địa bàn thị xã năm 2025".
  - II.11 has no deadline (the time cell is empty).
004 xã Tuệ Tĩnh (Hải Phòng) 6 tháng cuối 2025
  - The annex it announces ("Danh mục nhiệm vụ cụ thể tại Phụ lục") is absent: no task has a
    deadline or a product; one plan-level finding each, no error.
"""

from __future__ import annotations

import json

import pytest

from core.checks import check_plan
from core.plandoc.gold import plan_from_gold
from tests.core.checks.conftest import SEEDS


def _at(findings, rule, area=None, no=None, severity=None):
    return [
        f
        for f in findings
        if f.rule == rule
        and (area is None or f.area == area)
        and (no is None or f.no == no)
        and (severity is None or f.severity == severity)
    ]


def test_000_defects(seed_findings):
    found = seed_findings["000"]
    assert _at(found, "missing_number") and _at(found, "missing_date")
    assert _at(found, "editorial_note", "chi_dao", "2", "error")
    assert _at(found, "editorial_note", "chi_dao", "3", "error")
    assert _at(found, "foreign_scope", "tai_chinh", "4", "error")
    for area, no in [("tthc", "5"), ("tai_chinh", "3"), ("chinh_quyen_so", "1"), ("bo_may", "3")]:
        assert _at(found, "foreign_scope", area, no), (area, no)
    assert _at(found, "lead_conflict", "chinh_quyen_so", "6", "warning")
    assert len(_at(found, "lead_conflict")) == 1
    assert _at(found, "duplicate_task", "chinh_quyen_so", "4")
    assert {f.severity for f in _at(found, "unknown_agency")} == {"info"}
    assert _at(found, "deadline_outside_period", "chi_dao", "3", "info")
    assert _at(found, "superior_target_not_covered", severity="warning")
    assert not _at(found, "inconsistent_target")


def test_001_defects(seed_findings):
    found = seed_findings["001"]
    assert _at(found, "missing_number") and _at(found, "missing_date")
    inconsistent = _at(found, "inconsistent_target")
    assert len(inconsistent) == 1 and {50, 60, 70, 80} <= set(inconsistent[0].context["values"])
    assert _at(found, "editorial_note", "tthc", "21", "warning")
    assert _at(found, "foreign_scope", "chinh_quyen_so", "53")
    assert [f for f in _at(found, "foreign_scope") if f.no is None and "địa bàn tỉnh" in f.message]
    assert _at(found, "deadline_before_issue", "cong_vu", "37")


def test_003_defects(seed_findings):
    found = seed_findings["003"]
    assert _at(found, "missing_number") and _at(found, "missing_date")
    inconsistent = _at(found, "inconsistent_target")
    assert len(inconsistent) == 1 and set(inconsistent[0].context["values"]) == {70, 100}
    assert _at(found, "duplicate_task", "chinh_quyen_so", "3")
    for area, no in [("tthc", "13"), ("bo_may", "10"), ("bo_may", "5"), ("chinh_quyen_so", "2")]:
        assert _at(found, "foreign_scope", area, no), (area, no)
    body = " ".join(f.message for f in _at(found, "foreign_scope") if f.no is None)
    assert "nội bộ của tỉnh" in body and "tại UBND thị xã" in body


@pytest.mark.parametrize("key", ["002", "004"])
def test_correct_plans_raise_no_error_and_no_foreign_scope(seed_findings, key):
    found = seed_findings[key]
    assert not [f for f in found if f.severity == "error"], [
        f.message for f in found if f.severity == "error"
    ]
    assert not _at(found, "foreign_scope")
    assert not _at(found, "inconsistent_target")


def test_004_missing_annex_is_one_plan_finding(seed_findings):
    found = seed_findings["004"]
    deadlines = _at(found, "missing_deadline")
    assert len(deadlines) == 1 and deadlines[0].no is None and "phụ lục" in deadlines[0].message


def test_every_span_points_into_the_source(seed_plans, seed_findings):
    for key, found in seed_findings.items():
        text = seed_plans[key].source_text
        for f in found:
            if f.span is not None:
                assert 0 <= f.span.start < f.span.end <= len(text), (key, f.rule)


def test_gold_plans_give_the_same_key_findings(gold_dir, seeds_dir):
    """The checks do not depend on the importer: the hand-typed gold plans show the same defects."""
    plans = {}
    for key, name in SEEDS.items():
        data = json.loads((gold_dir / name.replace(".txt", ".json")).read_text())
        plans[key] = plan_from_gold(data, (seeds_dir / name).read_text())
    found = check_plan(plans["000"], superior=plans["002"])
    assert _at(found, "editorial_note", "chi_dao", "2") and _at(
        found, "foreign_scope", "tai_chinh", "4", "error"
    )
    assert _at(check_plan(plans["001"]), "inconsistent_target")
    assert _at(check_plan(plans["003"]), "inconsistent_target")
    for key in ("002", "004"):
        assert not [f for f in check_plan(plans[key]) if f.severity == "error"]
