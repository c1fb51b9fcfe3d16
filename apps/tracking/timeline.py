"""A plan's timeline (Gantt-like) as plain numbers for a server-rendered SVG: no script, no CDN."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch

from apps.accounts.policy import can
from apps.plans.models import Plan, TaskAgency
from apps.tracking.selectors import AREA_LABELS, tracked_milestones, with_state
from core.plandoc.model import task_ref
from core.tracking import STATE_LABELS, StateBounds

LABEL_W = 300
CHART_W = 720
ROW_H = 24
HEAD_H = 28


def _x(day: date, start: date, span: int) -> float:
    return round(LABEL_W + CHART_W * (day - start).days / span, 1)


def _pct(day: date, start: date, span: int) -> float:
    """Where ``day`` falls on the phone track, in % of its width (SVG percentages keep dots round)."""
    return round(100 * (day - start).days / span, 2)


def _quarters(start: date, end: date, span: int) -> list[dict]:
    """The phone scale: one tick per quarter, "T1/2025" then "T4", "T7"…, anchored to stay inside."""
    out, y, m = [], start.year, start.month
    while date(y, m, 1) <= end:
        if (m - 1) % 3 == 0 or not out:
            pct = _pct(max(date(y, m, 1), start), start, span)
            out.append({"pct": pct, "label": f"T{m}/{y}" if m == 1 or not out else f"T{m}"})
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    for tick in out:
        tick["anchor"] = "start" if tick["pct"] < 8 else "end" if tick["pct"] > 92 else "middle"
    return out


def _months(start: date, end: date, span: int) -> list[dict]:
    out, y, m = [], start.year, start.month
    while date(y, m, 1) <= end:
        first = max(date(y, m, 1), start)
        out.append(
            {
                "x": _x(first, start, span),
                "label": f"{m:02d}/{y % 100:02d}" if m == 1 or not out else f"{m:02d}",
            }
        )
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def build(plan: Plan, b: StateBounds, user) -> dict:
    """The chart of the tasks whose follow-up ``user`` may see (as the milestone pages would)."""
    start, end = plan.period_start, plan.period_end
    span = max((end - start).days, 1)
    tasks = plan.tasks.order_by("position").prefetch_related(
        Prefetch("agencies", queryset=TaskAgency.objects.only("task_id", "agency_id", "role")),
        Prefetch("milestones", queryset=tracked_milestones().order_by("due"), to_attr="tracked"),
    )
    tasks = [t for t in tasks if not t.cancelled and can(user, "tracking.view", t)]
    rows = []
    for i, task in enumerate(tasks):
        y = HEAD_H + i * ROW_H
        dated = [r for r in with_state(task.tracked, b) if r.milestone.due]
        points = [
            {
                "x": _x(min(max(r.milestone.due, start), end), start, span),
                "pct": _pct(min(max(r.milestone.due, start), end), start, span),
                "state": r.state.value,
                "state_label": STATE_LABELS[r.state],
                "label": r.milestone.label,
                "due": r.milestone.due,
                "title": f"{r.milestone.label}: {r.milestone.due:%d/%m/%Y} — {STATE_LABELS[r.state]}",
                "id": r.milestone.pk,
            }
            for r in dated
        ]
        last = max((m.milestone.due for m in dated), default=None)
        rows.append(
            {
                "y": y,
                "mid": y + ROW_H // 2,
                "label": f"{task_ref(task.area, task.no)}. {task.content}"[:48],
                "full": task.content,
                "area": AREA_LABELS.get(task.area, ""),
                "bar_w": round(_x(min(last, end), start, span) - LABEL_W, 1) if last else 0,
                "bar_pct": _pct(min(last, end), start, span) if last else 0,
                "ref": task_ref(task.area, task.no),  # one numbering with the plan page and findings
                "undated": len(task.tracked) - len(dated),
                "points": points,
            }
        )
    today_x = _x(b.today, start, span) if start <= b.today <= end else None
    return {
        "rows": rows,
        "months": _months(start, end, span),
        "width": LABEL_W + CHART_W + 10,
        "height": HEAD_H + len(rows) * ROW_H + 4,
        "label_w": LABEL_W,
        "today_x": today_x,
        "today_pct": _pct(b.today, start, span) if today_x is not None else None,
        "quarters": _quarters(start, end, span),
        "legend": [(s, STATE_LABELS[s]) for s in STATE_LABELS],
    }
