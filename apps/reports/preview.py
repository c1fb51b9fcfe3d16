"""The HTML preview of a report: the same ``ReportData`` the DOCX prints, shaped for templates."""

from __future__ import annotations

from django.utils.safestring import mark_safe

from core.plandoc.model import AREAS
from core.reporting.chart import trend_svg
from core.reporting.data import RESULT_AREAS, Narrative, ReportData
from core.reporting.docx_report import commune_status, date_line
from core.reporting.facts import TASK_STATE_LABELS, TaskState, agency_table, count_tasks, counts_by, percent
from core.reporting.targets import VERDICT_LABELS, number, target_text
from core.text import capitalise_lines

STATE_COLUMNS = [(s.value, TASK_STATE_LABELS[s]) for s in TaskState]


def _count_rows(rows) -> list[dict]:
    return [
        {
            "label": c.label,
            "total": c.total,
            "cells": [c[s] for s in TaskState],
            "rate": percent(c.done, c.total),
        }
        for c in rows
    ]


def _task_row(t) -> dict:
    return {"task": t, "state_label": TASK_STATE_LABELS.get(t.state, t.state)}


def printed_narrative(n: Narrative) -> Narrative:
    """The narrative as the DOCX prints it (each paragraph starting with a capital letter), so the
    preview shows what will be sent, whatever the stored text."""
    return Narrative(
        **{k: capitalise_lines(v) for k, v in vars(n).items() if k != "areas"},
        areas={k: capitalise_lines(v) for k, v in n.areas.items()},
    )


def preview_context(data: ReportData) -> dict:
    narrative = printed_narrative(data.narrative)
    areas = []
    for n, code in enumerate(RESULT_AREAS, 1):
        tasks = [_task_row(t) for t in data.tasks if t.area == code]
        areas.append(
            {
                "n": n,
                "code": code,
                "label": AREAS[code],
                "text": narrative.areas.get(code, ""),
                "tasks": tasks,
            }
        )
    indicators = [
        {
            "fact": i,
            "target": target_text(i.comparator, i.target_value, i.unit),
            "value": number(i.value, i.unit),
            "verdict_label": VERDICT_LABELS.get(i.verdict, i.verdict),
            # Built by core.reporting.chart from numbers, with every text escaped.
            "chart": mark_safe(trend_svg(i.trend, target=i.target_value, unit=i.unit, title=i.name)),  # noqa: S308
        }
        for i in data.indicators
    ]
    communes = [
        {
            "row": c,
            "status": commune_status(c),
            "total": sum(c.counts.values()),
            "done": c.counts.get("done_on_time", 0) + c.counts.get("done_late", 0),
            "overdue": c.counts.get("overdue", 0),
        }
        for c in data.communes
    ]
    agency_rows, agency_note = agency_table(data.tasks)
    return {
        "narrative": narrative,
        "date_line": date_line(data),
        "state_columns": STATE_COLUMNS,
        "area_counts": _count_rows(
            counts_by(data.tasks, lambda t: [AREAS.get(t.area, t.area)]) + [count_tasks(data.tasks)]
        )
        if data.tasks
        else [],
        "agency_counts": _count_rows(agency_rows),
        "agency_note": agency_note,
        "areas": areas,
        "chi_dao_tasks": [_task_row(t) for t in data.tasks if t.area == "chi_dao"],
        "indicator_rows": indicators,
        "commune_rows": communes,
        "communes_sent": sum(1 for c in data.communes if c.status == "submitted"),
    }
