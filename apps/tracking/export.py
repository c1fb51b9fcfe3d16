"""The task list of a plan with states, as the XLSX officials exchange (openpyxl, write-only).

The export mirrors the milestone pages: a task's row (its state, progress and report text) is
written only for a user who may open that task's follow-up (``tracking.view``), so the workbook
never shows more than the pages would.
"""

from __future__ import annotations

from django.db.models import Prefetch
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from apps.accounts.policy import can
from apps.plans.models import Plan, TaskAgency
from apps.tracking.models import ProgressReport
from apps.tracking.selectors import AREA_LABELS, tracked_milestones, with_state
from core.tracking import STATE_LABELS, StateBounds
from core.xlsx_safe import safe_row, text_cell, workbook_bytes

HEADER = [
    "STT", "Lĩnh vực", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn (kế hoạch)",
    "Mốc", "Hạn", "Trạng thái", "Tiến độ (%)", "Kết quả thực hiện", "Ngày gửi báo cáo",
]  # fmt: skip
WIDTHS = [6, 24, 60, 28, 28, 22, 28, 12, 18, 10, 60, 14]


def _names(task, role: str) -> str:
    return "; ".join(str(a.agency or a.printed) for a in task.agencies.all() if a.role == role)


def _day(ws, value):
    """A real date cell shown dd/mm/yyyy, as officials write dates (Excel still sorts it as a date)."""
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = "DD/MM/YYYY"
    return cell


def visible_tasks(plan: Plan, user):
    """The plan's tasks whose follow-up ``user`` may see, with their agencies prefetched."""
    tasks = plan.tasks.order_by("position").prefetch_related(
        Prefetch("agencies", queryset=TaskAgency.objects.select_related("agency"))
    )
    return [t for t in tasks if can(user, "tracking.view", t)]


def plan_workbook(plan: Plan, b: StateBounds, user) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Theo dõi nhiệm vụ")
    for i, w in enumerate(WIDTHS):
        ws.column_dimensions[chr(65 + i)].width = w
    tasks = visible_tasks(plan, user)
    partial = "" if len(tasks) == plan.tasks.count() else "; chỉ gồm các nhiệm vụ bạn được theo dõi"
    title = text_cell(ws, f"{plan.title} — {plan.org_unit} (số liệu ngày {b.today:%d/%m/%Y}{partial})")
    title.font = Font(bold=True)
    ws.append([title])
    header = []
    for text in HEADER:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        header.append(cell)
    ws.append(header)
    milestones = (
        tracked_milestones()
        .order_by("due")
        .prefetch_related(
            Prefetch("report", queryset=ProgressReport.objects.only("text", "percent", "milestone"))
        )
    )
    tracked: dict[int, list] = {}
    for m in milestones.filter(task__in=[t.pk for t in tasks]):
        tracked.setdefault(m.task_id, []).append(m)
    for task in tasks:
        lead, coord = _names(task, "lead"), _names(task, "coordinating")
        if task.cancelled:  # kept in the list, out of the figures
            ws.append(safe_row(ws, [
                task.no, AREA_LABELS.get(task.area, task.area), task.content, lead, coord, task.deadline_text,
                "", None, "Dừng thực hiện", None, task.cancel_reason, None,
            ]))  # fmt: skip
            continue
        rows = with_state(tracked.get(task.pk, []), b) or [None]
        for row in rows:
            m = row.milestone if row else None
            report = getattr(m, "report", None) if m else None
            ws.append(safe_row(ws, [
                task.no, AREA_LABELS.get(task.area, task.area), task.content, lead, coord, task.deadline_text,
                m.label if m else "", _day(ws, m.due if m else None), STATE_LABELS[row.state] if row else "",
                report.percent if report else None, report.text if report else "",
                _day(ws, m.submitted_on if m else None),
            ]))  # fmt: skip
    return workbook_bytes(wb)
