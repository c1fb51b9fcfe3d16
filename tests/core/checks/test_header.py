"""Header rules: missing_number, missing_date, missing_signer; and an empty plan."""

from __future__ import annotations

from datetime import date

from tests.core.checks.conftest import plan, rules, run


def test_clean_plan_has_no_finding():
    assert run(plan()) == []


def test_blank_number_and_date_are_warnings_with_the_header_span():
    source = "ỦY BAN NHÂN DÂN\nXÃ A\nSố: /QĐ-UBND\nA, ngày   tháng 8 năm 2025\n\nQUYẾT ĐỊNH:\n"
    found = run(plan(decision_number=None, signed_date=None, source_text=source))
    number, when = rules(found, "missing_number"), rules(found, "missing_date")
    assert [f.severity for f in number + when] == ["warning", "warning"]
    assert source[number[0].span.start : number[0].span.end].startswith("Số: /QĐ-UBND")
    assert "tháng 8/2025" in when[0].message


def test_missing_signer():
    assert [f.rule for f in run(plan(signer=None))] == ["missing_signer"]


def test_signed_date_in_the_future_or_after_the_period():
    assert rules(run(plan(signed_date=date(2025, 9, 1)), today=date(2025, 6, 1)), "missing_date")
    late = plan(signed_date=date(2026, 2, 1))
    assert rules(run(late, today=date(2026, 6, 1)), "missing_date")


def test_plan_without_tasks_or_targets_says_so():
    found = run(plan(tasks=[], targets=[]))
    assert {(f.rule, f.severity) for f in found} == {
        ("missing_tasks", "error"),
        ("missing_targets", "warning"),
    }


def test_finding_to_dict_shape():
    finding = run(plan(signer=None))[0]
    assert set(finding.to_dict()) == {"rule", "severity", "message", "area", "no", "target_index", "span"}
