"""The manual route of a draft plan: the XLSX template, an XLSX added to the draft, and rows pasted
from Excel into a grid that shows what each row became before anything is saved.

Every page works without JavaScript (plain form posts render the whole page); with HTMX the grid
is swapped in place on the review page. Only those who may manage the plan's unit see or post them.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.policy import require
from apps.plans import selectors, services
from apps.plans.forms import PasteForm, WorkbookForm, grid_values
from apps.plans.models import Plan
from core.indicators import INDICATORS
from core.plandoc.model import AREAS
from core.plandoc.sheets.paste import COLUMNS, Grid, PasteTooLarge, grid_rows, parse_paste
from core.plandoc.sheets.template import FILENAME, template_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# How each grid cell is typed: long texts in a text area, names from a list where one exists.
MULTILINE = {"content", "products", "lead", "coordinating", "text", "notes"}
SUGGESTIONS = {"area": "grid-areas", "indicator": "grid-indicators", "comparator": "grid-comparators"}


@login_required
def template_download(request):
    """The empty template: it holds no data, so anyone signed in may have it."""
    response = HttpResponse(template_bytes(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return response


def _managed_plan(request, pk: int) -> Plan:
    """A plan the user may manage: 404 for one they cannot see, 403 for one they cannot manage. Rows
    are added to drafts only (the service says so for a confirmed plan)."""
    plan = get_object_or_404(selectors.plans_for(request.user).select_related("org_unit"), pk=pk)
    require(request.user, "plans.manage", plan.org_unit)
    return plan


def manual_context(
    plan: Plan,
    *,
    grid: Grid | None = None,
    paste: PasteForm | None = None,
    workbook: WorkbookForm | None = None,
    errors: list[str] | None = None,
) -> dict:
    """What the manual-entry block needs, on its own page or on the review page."""
    return {
        "grid": grid,
        "grid_rows": _grid_cells(grid) if grid is not None else [],
        "area_names": list(AREAS.values()),
        "indicator_names": [name for _code, name, _area, _unit in INDICATORS],
        "paste_form": paste or PasteForm(),
        "workbook_form": workbook or WorkbookForm(),
        "errors": errors or [],
        "open": plan.status == Plan.Status.DRAFT,
    }


def _page(request, plan: Plan, *, grid: Grid | None = None, **forms):
    """The grid alone for HTMX, else the whole manual-entry page."""
    context = {"plan": plan, **manual_context(plan, grid=grid, **forms)}
    if request.htmx and grid is not None:
        return render(request, "plans/_paste_grid.html", context)
    return render(request, "plans/manual.html", context)


@login_required
def manual(request, pk: int):
    return _page(request, _managed_plan(request, pk))


@login_required
@require_POST
def paste_preview(request, pk: int):
    """Pasted text -> the grid of rows as read (nothing saved)."""
    plan = _managed_plan(request, pk)
    form = PasteForm(request.POST)
    if not form.is_valid():
        errors = [message for messages_ in form.errors.values() for message in messages_]
        return _page(request, plan, paste=form, grid=Grid("tasks"), errors=errors)
    try:
        grid = parse_paste(form.cleaned_data["text"], form.cleaned_data["kind"], _period(plan))
    except PasteTooLarge as exc:
        return _page(request, plan, paste=form, grid=Grid(form.cleaned_data["kind"]), errors=[str(exc)])
    return _page(request, plan, paste=form, grid=grid)


@login_required
@require_POST
def paste_add(request, pk: int):
    """The corrected grid, read again: added to the draft when every row is right, else shown again."""
    plan = _managed_plan(request, pk)
    kind = request.POST.get("kind") if request.POST.get("kind") in COLUMNS else "tasks"
    grid = grid_rows(kind, grid_values(request.POST, kind), _period(plan))
    if request.POST.get("action") != "add" or grid.errors or not grid.drafts:
        return _page(request, plan, grid=grid)
    rows = grid.drafts
    tasks, targets = (rows, []) if kind == "tasks" else ([], rows)
    try:
        services.add_rows(request.user, plan, tasks, targets, "dán từ Excel")
    except ValidationError as exc:
        return _page(request, plan, grid=grid, errors=exc.messages)
    messages.success(
        request, f"Đã thêm {len(grid.drafts)} {'nhiệm vụ' if kind == 'tasks' else 'chỉ tiêu'} vào bản nháp."
    )
    return _to_plan(request, plan)


@login_required
@require_POST
def workbook_add(request, pk: int):
    """An XLSX of tasks and targets added to the draft; its bad rows listed, nothing half-added."""
    plan = _managed_plan(request, pk)
    form = WorkbookForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            tasks, targets = services.add_rows_from_workbook(request.user, plan, upload.read(), upload.name)
        except ValidationError as exc:
            return _page(request, plan, workbook=form, errors=exc.messages)
        messages.success(
            request, f"Đã thêm {tasks} nhiệm vụ, {targets} chỉ tiêu từ tệp {upload.name} vào bản nháp."
        )
        return redirect("plans:detail", pk=plan.pk)
    return _page(request, plan, workbook=form)


def _grid_cells(grid: Grid) -> list[dict]:
    """The grid as the template loops over it: each row with its cells in column order."""
    return [
        {
            "row": row,
            "index": index,
            "cells": [
                {
                    "name": name,
                    "label": label,
                    "value": row.values.get(name, ""),
                    "multiline": name in MULTILINE,
                    "list": SUGGESTIONS.get(name, ""),
                }
                for name, label in grid.columns
            ],
        }
        for index, row in enumerate(grid.rows)
    ]


def _period(plan: Plan):
    return plan.period_start, plan.period_end


def _to_plan(request, plan: Plan) -> HttpResponse:
    url = reverse("plans:detail", args=[plan.pk])
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)
