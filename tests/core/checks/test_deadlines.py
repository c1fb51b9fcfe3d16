"""Deadline rules: deadline_outside_period, deadline_before_issue, unparsed_deadline."""

from __future__ import annotations

from datetime import date

from tests.core.checks.conftest import plan, rules, run, task


def test_deadline_after_the_period_warns_but_a_report_soon_after_is_info():
    late = run(plan(tasks=[task(deadline_text="Tháng 6/2026")]))
    assert [(f.rule, f.severity) for f in late] == [("deadline_outside_period", "warning")]
    report = run(plan(tasks=[task(deadline_text="Báo cáo tổng hợp: Quý I/2026")]))
    assert [(f.rule, f.severity) for f in report] == [("deadline_outside_period", "info")]


def test_deadline_before_the_period():
    found = run(plan(tasks=[task(deadline_text="Quý IV/2024")]))
    assert [(f.rule, f.severity) for f in found] == [("deadline_outside_period", "warning")]


def test_deadline_already_past_when_signed():
    found = run(
        plan(signed_date=date(2025, 8, 20), tasks=[task(deadline_text="Chậm nhất Quý II/2025")]),
        today=date(2025, 9, 1),
    )
    assert [(f.rule, f.severity) for f in found] == [("deadline_before_issue", "warning")]


def test_partial_signing_date_bounds_the_check():
    source = "Số: /QĐ-UBND\nXã A, ngày   tháng 3 năm 2026\nQUYẾT ĐỊNH:\n"
    p = plan(
        decision_number=None,
        signed_date=None,
        source_text=source,
        period_start=date(2026, 1, 1),
        period_end=date(2030, 12, 31),
        tasks=[
            task(deadline_text="Ban hành kế hoạch: chậm nhất tháng 01/2026"),
            task(no="2", content="Việc khác", deadline_text="Quý I/2026"),
        ],
    )
    found = rules(run(p, today=date(2026, 6, 1)), "deadline_before_issue")
    assert [f.no for f in found] == ["1"]


def test_recurring_reports_before_signing_are_fine():
    p = plan(signed_date=date(2025, 8, 20), tasks=[task(deadline_text="Báo cáo định kỳ hằng quý")])
    assert run(p, today=date(2025, 9, 1)) == []


def test_unreadable_deadline():
    found = run(plan(tasks=[task(deadline_text="xyz abc")]))
    assert [(f.rule, f.severity) for f in found] == [("unparsed_deadline", "warning")]
    assert run(plan(tasks=[task(deadline_text="Theo kế hoạch của UBND tỉnh")])) == []
