"""Deadline checks: dates outside the plan's period, dates already past at signing, unreadable text.

Only one-off milestones are compared with the signing date: a recurring report ("Định kỳ hằng quý")
expanded over the whole year naturally has occurrences before a plan signed in August, and those
are not defects. A report due shortly after the period ends (the annual index report in Quý I of
next year) is normal practice, so it is only mentioned; other dates outside the period are warnings.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from core.checks.context import CheckContext, task_heading
from core.checks.finding import INFO, WARNING, Finding
from core.checks.registry import check
from core.text import fold

REPORT_GRACE = timedelta(days=100)


def _is_report(label: str | None, text: str) -> bool:
    return "bao cao" in fold(label or "") or (not label and "bao cao" in fold(text))


@check("deadline_outside_period")
def deadline_outside_period(ctx: CheckContext) -> Iterator[Finding]:
    start, end = ctx.plan.period_start, ctx.plan.period_end
    if start is None or end is None:
        return
    for task in ctx.plan.tasks:
        if not task.deadline_text:
            continue
        for milestone in ctx.deadline(task).milestones:
            due = milestone.due
            if due is None or start <= due <= end:
                continue
            yield _outside(ctx, task, milestone.label, due, start, end)
            break


def _outside(ctx: CheckContext, task, label: str | None, due: date, start: date, end: date) -> Finding:
    period = f"{start:%d/%m/%Y} - {end:%d/%m/%Y}"
    if due > end and due <= end + REPORT_GRACE and _is_report(label, task.deadline_text or ""):
        message = (
            f"{task_heading(task)} có hạn báo cáo {due:%d/%m/%Y}, sau khi kỳ kế hoạch ({period}) kết thúc. "
            "Thường gặp với báo cáo tổng kết; kiểm tra lại nếu không phải báo cáo năm."
        )
        return ctx.for_task("deadline_outside_period", INFO, message, task, due=due.isoformat())
    side = "sau khi kết thúc" if due > end else "trước khi bắt đầu"
    message = (
        f"{task_heading(task)} có thời hạn {due:%d/%m/%Y}, {side} kỳ kế hoạch ({period}). Sửa thời hạn "
        "cho nằm trong kỳ kế hoạch, hoặc kiểm tra lại năm ghi trong thời hạn."
    )
    return ctx.for_task("deadline_outside_period", WARNING, message, task, due=due.isoformat())


@check("deadline_before_issue")
def deadline_before_issue(ctx: CheckContext) -> Iterator[Finding]:
    earliest = ctx.window.earliest
    if earliest is None:
        return
    for task in ctx.plan.tasks:
        if not task.deadline_text:
            continue
        start = ctx.plan.period_start
        late = [
            m
            for m in ctx.deadline(task).milestones
            if m.kind == "once" and m.due and m.due < earliest and not (start and m.due < start)
        ]  # a date before the period is reported once, by deadline_outside_period
        if not late:
            continue
        due = min(m.due for m in late if m.due)
        signed = f"ngày {earliest:%d/%m/%Y}" if ctx.window.exact else f"sớm nhất ngày {earliest:%d/%m/%Y}"
        message = (
            f"{task_heading(task)} có thời hạn {due:%d/%m/%Y}, đã qua khi kế hoạch được ký ({signed}). "
            "Đặt lại thời hạn còn thực hiện được, hoặc ghi rõ việc đã hoàn thành."
        )
        yield ctx.for_task("deadline_before_issue", WARNING, message, task, due=due.isoformat())


@check("unparsed_deadline")
def unparsed_deadline(ctx: CheckContext) -> Iterator[Finding]:
    for task in ctx.plan.tasks:
        if not (task.deadline_text or "").strip():
            continue
        reading = ctx.deadline(task)
        if not reading.native or not reading.unparsed:
            continue
        parts = "; ".join(f"“{part.strip()}”" for part in reading.unparsed)
        if reading.milestones:
            severity, what = INFO, f"Một phần thời hạn không đọc được: {parts}."
        else:
            severity, what = WARNING, f"Không đọc được thời hạn {parts}."
        message = f"{task_heading(task)}: {what} Nhập mốc thời hạn bằng tay để hệ thống đôn đốc được."
        yield ctx.for_task("unparsed_deadline", severity, message, task, unparsed=list(reading.unparsed))
