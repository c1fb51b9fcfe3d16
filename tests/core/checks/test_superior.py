"""Rules against the superior plan: superior_task_not_covered, superior_target_not_covered,
weaker_target, and superior_mismatch for a superior of the wrong level or period."""

from __future__ import annotations

from datetime import date

from core.plandoc.model import OrgUnitRef
from tests.core.checks.conftest import plan, rules, run, target, task

ONE_STOP = "Tiếp tục thực hiện đổi mới cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính"
DIALOGUE = "Tổ chức đối thoại trực tiếp giữa lãnh đạo với doanh nghiệp để tháo gỡ khó khăn, vướng mắc"
AUDIT = "Xây dựng chương trình thực hành tiết kiệm, chống lãng phí năm 2025 của tỉnh"


def province(**fields):
    fields.setdefault("org_unit", OrgUnitRef("tỉnh B", "province", "Tỉnh B"))
    fields.setdefault(
        "tasks",
        [
            task(no="1", content=ONE_STOP, lead=["Các sở, ban, ngành cấp tỉnh", "UBND cấp xã"]),
            task(area="chi_dao", no="2", content=DIALOGUE, lead=["UBND cấp xã"]),
            task(
                area="tai_chinh", no="3", content=AUDIT, lead=["Sở Tài chính"], coordinating=["UBND cấp xã"]
            ),
        ],
    )
    fields.setdefault(
        "targets",
        [
            target(value=98),
            target(
                "Tỷ lệ giao dịch thanh toán trực tuyến đạt 30%", indicator="online_payment_rate", value=30
            ),
        ],
    )
    return plan(**fields)


def test_uncovered_superior_tasks_by_role():
    commune = plan(tasks=[task(content=ONE_STOP + " tại xã")], targets=province().targets)
    found = run(commune, superior=province())
    got = {(f.rule, f.severity, f.context["superior_no"]) for f in rules(found, "superior_task_not_covered")}
    assert got == {("superior_task_not_covered", "warning", "2"), ("superior_task_not_covered", "info", "3")}


def test_uncovered_and_weaker_targets():
    commune = plan(tasks=province().tasks[:2], targets=[target(value=95)])
    found = run(commune, superior=province())
    assert [(f.rule, f.target_index) for f in rules(found, "weaker_target")] == [("weaker_target", 0)]
    missing = rules(found, "superior_target_not_covered")
    assert (
        len(missing) == 1
        and missing[0].severity == "warning"
        and missing[0].context["superior_target_index"] == 1
    )


def test_superior_of_wrong_level_or_year_is_a_warning_not_a_crash():
    other_commune = plan(org_unit=OrgUnitRef("xã C", "commune", "Tỉnh B"))
    assert [f.rule for f in run(plan(), superior=other_commune)] == ["superior_mismatch"]
    old = province(period_start=date(2023, 1, 1), period_end=date(2023, 12, 31))
    assert [f.rule for f in run(plan(), superior=old)] == ["superior_mismatch"]


def test_superior_without_tasks_or_targets():
    empty = province(tasks=[], targets=[])
    assert run(plan(), superior=empty) == []
