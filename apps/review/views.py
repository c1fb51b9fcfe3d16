"""Review pages: the findings panel (on every plan page, loaded with HTMX), dismissals, the cascade
page with hand corrections, and the superior level's coverage matrix with its XLSX export.

Plans outside the user's scope are 404 (their existence is not revealed); actions the user may not
take on a plan they see are 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require
from apps.plans.models import Plan, Task
from apps.review import selectors, services
from apps.review.coverage import APPLIES_LABELS, STATUS_LABELS, STATUS_SYMBOLS, coverage_view
from apps.review.models import FindingDismissal
from apps.review.xlsx import coverage_workbook
from core.text import fold

SHOW_DISMISSED = "da_bo_qua"


def _plan(request, pk: int) -> Plan:
    plan = selectors.visible_plan(request.user, pk)
    if plan is None:
        raise Http404
    return plan


def _show_dismissed(request) -> bool:
    return (request.GET.get(SHOW_DISMISSED) or request.POST.get(SHOW_DISMISSED)) == "1"


def _panel(request, plan: Plan, *, status: int = 200):
    context = selectors.panel_context(plan, request.user, show_dismissed=_show_dismissed(request))
    return render(request, "review/_panel.html", context, status=status)


@login_required
def index(request):
    if not can(request.user, "review.coverage"):
        raise PermissionDenied("Chỉ cấp tỉnh được đối chiếu kế hoạch của các đơn vị cấp dưới.")
    return render(request, "review/index.html", {"plans": selectors.superior_plans(request.user)})


@login_required
def panel(request, pk: int):
    """The findings panel alone (HTMX swaps it into the plan page)."""
    return _panel(request, _plan(request, pk))


@login_required
def findings_page(request, pk: int):
    """The same panel as a page of its own: a link to share, and the page without JavaScript."""
    plan = _plan(request, pk)
    context = selectors.panel_context(plan, request.user, show_dismissed=_show_dismissed(request))
    context["document"] = plan.source.text if plan.source_id else ""
    return render(request, "review/findings.html", context)


def _back(request, plan: Plan):
    if request.POST.get("ve_xac_nhan") == "1":  # dismissed from the plan's confirmation page
        return redirect("plans:confirm", pk=plan.pk)
    if request.htmx:
        return _panel(request, plan)
    url = reverse("review:findings", args=[plan.pk])
    return redirect(f"{url}?{SHOW_DISMISSED}=1" if _show_dismissed(request) else url)


@login_required
@require_POST
def dismiss(request, pk: int):
    plan = _plan(request, pk)
    require(request.user, "review.dismiss", plan.org_unit)
    post = request.POST
    try:
        services.dismiss_finding(
            request.user,
            plan,
            post.get("rule", ""),
            post.get("location", ""),
            post.get("hash", ""),
            post.get("reason", ""),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        if request.htmx:
            context = selectors.panel_context(plan, request.user, show_dismissed=_show_dismissed(request))
            context["error"] = " ".join(exc.messages)
            return render(request, "review/_panel.html", context)
    return _back(request, plan)


@login_required
@require_POST
def restore(request, pk: int):
    dismissal = get_object_or_404(FindingDismissal.objects.select_related("plan__org_unit"), pk=pk)
    plan = _plan(request, dismissal.plan_id)
    require(request.user, "review.dismiss", plan.org_unit)
    services.restore_finding(request.user, dismissal)
    return _back(request, plan)


@login_required
def alignment(request, pk: int):
    plan = _plan(request, pk)
    return render(request, "review/alignment.html", selectors.alignment_page(plan, request.user))


@login_required
@require_POST
def align(request, pk: int):
    plan = _plan(request, pk)
    require(request.user, "review.align", plan.org_unit)
    try:
        summary = services.align_plan(request.user, plan)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            f"Đã đối chiếu: {summary.linked} nhiệm vụ gắn với nhiệm vụ cấp trên, {summary.unmatched} nhiệm vụ "
            f"riêng của đơn vị" + (f", giữ {summary.kept} lựa chọn bằng tay." if summary.kept else "."),
        )
    return redirect("review:alignment", pk=plan.pk)


@login_required
@require_POST
def task_parent(request, pk: int):
    """Choose, clear or hand back to the matcher the superior task of one task."""
    task = get_object_or_404(Task.objects.select_related("plan__org_unit", "plan__parent"), pk=pk)
    if not can(request.user, "orgs.view", task.plan):
        raise Http404
    require(request.user, "review.align", task.plan.org_unit)
    choice = request.POST.get("parent", "")
    try:
        if choice == "auto":
            services.set_parent_task(request.user, task, None, automatic=True)
        elif choice in ("", "none"):
            services.set_parent_task(request.user, task, None)
        elif choice.isdigit():
            superior_task = Task.objects.filter(pk=int(choice), plan_id=task.plan.parent_id).first()
            if superior_task is None:
                raise ValidationError("Nhiệm vụ được chọn không thuộc kế hoạch cấp trên của kế hoạch này.")
            services.set_parent_task(request.user, task, superior_task)
        else:
            raise ValidationError("Chọn một nhiệm vụ cấp trên trong danh sách.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    if request.htmx:
        return render(request, "review/_alignment_row.html", selectors.alignment_row(task, request.user))
    return redirect(f"{reverse('review:alignment', args=[task.plan_id])}#align-{task.pk}")


def _coverage_plan(request, pk: int) -> Plan:
    plan = _plan(request, pk)
    require(request.user, "review.coverage", plan.org_unit)
    return plan


@login_required
def coverage(request, pk: int):
    plan = _coverage_plan(request, pk)
    view = coverage_view(plan, request.user)
    return render(
        request,
        "review/coverage.html",
        {
            "plan": plan,
            "matrix": view,
            "statuses": STATUS_LABELS,
            "symbols": STATUS_SYMBOLS,
            "applies_labels": APPLIES_LABELS,
        },
    )


@login_required
def coverage_xlsx(request, pk: int):
    plan = _coverage_plan(request, pk)
    data = coverage_workbook(coverage_view(plan, request.user))
    name = "-".join(fold(plan.org_unit.name).split()) or "don-vi"
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="doi-chieu-cap-duoi-{name}-{plan.pk}.xlsx"'
    return response
