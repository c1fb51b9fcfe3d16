"""Wording rules: editorial_note and foreign_scope."""

from __future__ import annotations

from datetime import date

from core.plandoc.model import OrgUnitRef
from tests.core.checks.conftest import plan, rules, run, task

COMMUNE_CITATION = (
    "Tiếp tục đổi mới cơ chế một cửa theo quy định tại Kế hoạch số 121/KH-UBND ngày 16/06/2025 của UBND "
    "tỉnh Thanh Hóa về việc triển khai Nghị định số 118/2025/NĐ-CP."
)


def test_drafting_notes_are_errors():
    found = run(plan(tasks=[task(content="Triển khai chỉ đạo của Chính phủ... (đổi thành cấp tỉnh)")]))
    assert [(f.rule, f.severity, f.area, f.no) for f in found] == [("editorial_note", "error", "tthc", "1")]
    assert "(đổi thành cấp tỉnh)" in found[0].message


def test_open_alternatives_are_warnings():
    found = run(
        plan(tasks=[task(content="Kiểm tra công tác một cửa (hoặc Đề án 06, hoặc chuyển đổi số...)")])
    )
    assert [(f.rule, f.severity) for f in found] == [("editorial_note", "warning")]


def test_ordinary_parentheses_are_not_notes():
    text = "Số hóa hồ sơ (nhiệm vụ thường xuyên); văn bản (trừ văn bản mật); hợp đồng tuyên truyền (nếu có)."
    assert rules(run(plan(tasks=[task(content=text)])), "editorial_note") == []


def test_note_in_the_body_is_reported_on_the_plan_with_its_span():
    source = "I. MỤC ĐÍCH, YÊU CẦU\nBan hành kế hoạch kiểm tra (xem lại thời gian).\n"
    found = rules(run(plan(source_text=source)), "editorial_note")
    assert len(found) == 1 and found[0].no is None
    assert source[found[0].span.start : found[0].span.end] == "(xem lại thời gian)"


def test_commune_speaking_of_the_province_territory():
    found = run(plan(tasks=[task(content="Thực hiện Đề án 06 trên địa bàn tỉnh.")]))
    assert [(f.rule, f.severity) for f in found] == [("foreign_scope", "warning")]


def test_commune_building_the_province_plan_is_an_error():
    content = "Đẩy mạnh giải ngân vốn đầu tư công. Xây dựng Kế hoạch đầu tư công tỉnh Thanh Hóa năm 2026."
    found = run(plan(tasks=[task(area="tai_chinh", content=content)]))
    assert [(f.rule, f.severity) for f in found] == [("foreign_scope", "error")]


def test_citing_a_provincial_document_is_legitimate():
    quoted = "Số hóa tài liệu theo Đề án “Lưu trữ tài liệu điện tử của các cơ quan nhà nước tỉnh Thanh Hóa giai đoạn 2023-2025”."
    tasks = [task(content=COMMUNE_CITATION), task(no="2", content=quoted)]
    assert run(plan(tasks=tasks)) == []


def test_province_plan_may_speak_of_its_own_province():
    p = plan(
        org_unit=OrgUnitRef("tỉnh Thanh Hóa", "province", "Thanh Hóa"),
        tasks=[
            task(
                content="Thực hiện Đề án 06 trên địa bàn tỉnh; dữ liệu trong nội bộ của tỉnh.",
                lead=["Sở Nội vụ"],
                coordinating=["UBND cấp xã"],
            ),
            task(
                no="2",
                content="Xây dựng Kế hoạch đầu tư công tỉnh Thanh Hóa năm 2026.",
                lead=["Sở Tài chính"],
                coordinating=[],
            ),
        ],
    )
    assert rules(run(p), "foreign_scope") == []


def test_district_level_after_july_2025():
    content = "Phối hợp với UBND cấp huyện rà soát thủ tục hành chính."
    after = plan(signed_date=date(2025, 8, 10), tasks=[task(content=content)])
    before = plan(signed_date=date(2025, 3, 10), tasks=[task(content=content)])
    assert [f.rule for f in run(after, today=date(2025, 9, 1))] == ["foreign_scope"]
    assert run(before) == []


def test_naming_a_department_is_not_province_wording():
    guided = task(deadline_text="Kế hoạch: sau khi có hướng dẫn của Sở Nội vụ.")
    assert run(plan(tasks=[guided])) == []
    bare = task(content="Đăng tải thông tin CCHC trên website của Sở; tuyên truyền trên đài truyền thanh.")
    assert [f.rule for f in run(plan(tasks=[bare]))] == ["foreign_scope"]
