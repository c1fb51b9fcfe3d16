"""Task rules: missing_lead, missing_deadline, missing_product, unknown_agency, lead_conflict, duplicate_task."""

from __future__ import annotations

from tests.core.checks.conftest import AreaAssignment, plan, rules, run, task

SURVEY = "Thực hiện khảo sát, đánh giá mức độ hài lòng của người dân về cung cấp dịch vụ {}."


def test_task_without_lead_is_an_error_unless_the_area_is_assigned():
    lacking = plan(tasks=[task(lead=[])])
    assert [(f.rule, f.severity) for f in run(lacking)] == [("missing_lead", "error")]
    assigned = plan(
        tasks=[task(lead=[])], assignments=[AreaAssignment("tthc", "Trung tâm Phục vụ hành chính công")]
    )
    assert run(assigned) == []


def test_missing_deadline_per_task_and_for_a_plan_without_any():
    one = plan(tasks=[task(), task(no="2", content="Việc khác hẳn", deadline_text=None)])
    assert [(f.rule, f.no) for f in run(one)] == [("missing_deadline", "2")]
    none = plan(
        tasks=[task(no=str(i), content=f"Nhiệm vụ số {i} khác hẳn", deadline_text=None) for i in range(6)]
    )
    found = rules(run(none), "missing_deadline")
    assert len(found) == 1 and found[0].no is None and "6/6" in found[0].message


def test_missing_product_is_only_info():
    found = run(plan(tasks=[task(), task(no="2", content="Việc khác hẳn", products=[])]))
    assert [(f.rule, f.severity, f.no) for f in found] == [("missing_product", "info", "2")]


def test_typo_in_agency_resolves_with_info_and_unknown_lead_warns():
    found = run(
        plan(tasks=[task(lead=["Phòng VHXXH"]), task(no="2", content="Việc khác", lead=["Sở Ngoại vụ"])])
    )
    by_rule = {(f.rule, f.severity, f.no) for f in found}
    assert by_rule == {("unknown_agency", "info", "1"), ("unknown_agency", "warning", "2")}


def test_exact_aliases_are_silent():
    names = ["VP HĐND & UBND xã", "Phòng VH-XH", "Trung tâm phục vụ HCC", "Công an xã"]
    tasks = [task(no=str(i), content=f"Việc số {i} riêng", lead=[n]) for i, n in enumerate(names)]
    assert run(plan(tasks=tasks)) == []


def test_lead_conflict_only_for_numbered_assignments():
    tasks = [task(area="chinh_quyen_so", no="6", lead=["Văn phòng HĐND &UBND"])]
    numbered = AreaAssignment("chinh_quyen_so", "Phòng Văn hóa - Xã hội", ["1", "2", "6"])
    found = run(plan(tasks=tasks, assignments=[numbered]))
    assert [(f.rule, f.severity, f.no) for f in found] == [("lead_conflict", "warning", "6")]
    area_wide = AreaAssignment("chinh_quyen_so", "Phòng Văn hóa - Xã hội")
    assert run(plan(tasks=tasks, assignments=[area_wide])) == []
    agreeing = AreaAssignment("chinh_quyen_so", "Văn phòng HĐND và UBND xã chủ trì", ["6"])
    assert run(plan(tasks=tasks, assignments=[agreeing])) == []


def test_duplicate_task_found_once():
    text = "Tăng cường ứng dụng CNTT trong giải quyết TTHC; đẩy mạnh số hóa hồ sơ, kết quả giải quyết TTHC."
    found = run(plan(tasks=[task(content=text), task(area="chinh_quyen_so", no="4", content=text)]))
    assert [(f.rule, f.area, f.no) for f in found] == [("duplicate_task", "chinh_quyen_so", "4")]


def test_similar_tasks_on_different_subjects_are_not_duplicates():
    tasks = [
        task(content=SURVEY.format("y tế công")),
        task(no="2", content=SURVEY.format("giáo dục công lập")),
    ]
    assert run(plan(tasks=tasks)) == []
