"""Plan pages: list, upload, review beside the source document, correct in place (HTMX), confirm."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require, visible_units
from apps.orgs.models import Agency, AgencyGroup
from apps.plans import selectors, services
from apps.plans.confirmation import open_items
from apps.plans.directory import choose_agency_for_name
from apps.plans.forms import ConfirmForm, PlanHeaderForm, TargetForm, TaskCancelForm, TaskForm, UploadForm
from apps.plans.manual_views import manual_context
from apps.plans.models import Plan, Target, Task, TaskAgency
from cchc.files import download_name
from cchc.web import attempt

# A refused row is shown again as typed, but a pasted megabyte is not echoed back whole.
TYPED_ECHO_MAX = 10_000


def _plan(request, pk: int) -> Plan:
    """A plan of a unit the user may see; others are 404 so their existence is not revealed."""
    return get_object_or_404(
        selectors.plans_for(request.user).select_related("org_unit", "source", "parent", "confirmed_by"),
        pk=pk,
    )


def _editable_plan(request, pk: int) -> Plan:
    plan = _plan(request, pk)
    require(request.user, "plans.manage", plan.org_unit)
    return plan


@login_required
def plan_list(request):
    plans = selectors.plans_for(request.user).select_related("org_unit", "parent")
    status = request.GET.get("status", "")
    if status in Plan.Status.values:
        plans = plans.filter(status=status)
    units = visible_units(request.user).order_by("name")
    manageable = [u for u in units if can(request.user, "plans.manage", u)]
    return render(
        request,
        "plans/list.html",
        {"plans": selectors.with_counts(plans), "status": status, "may_import": bool(manageable)},
    )


@login_required
def plan_upload(request, replaces: int | None = None):
    old = _editable_plan(request, replaces) if replaces else None
    units = [u for u in visible_units(request.user).order_by("name") if can(request.user, "plans.manage", u)]
    if not units:
        raise PermissionDenied("Chỉ chuyên viên CCHC của đơn vị được nhập kế hoạch.")
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        initial={"org_unit": old.org_unit_id} if old else None,
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        unit = old.org_unit if old else form.cleaned_data["org_unit"]
        try:
            plan = services.import_plan(request.user, unit, upload.read(), upload.name, replaces=old)
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            tasks, targets = plan.tasks.count(), plan.targets.count()
            read = f"Đã đọc {tasks} nhiệm vụ, {targets} chỉ tiêu."
            if tasks and targets:
                messages.success(request, f"{read} Vui lòng rà soát rồi xác nhận.")
            else:  # never a silent zero: the draft says why, and offers the manual route
                messages.warning(request, f"{read} Xem lý do và cách nhập bằng tay phần còn thiếu ở dưới.")
            return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/upload.html", {"form": form, "replaces": old, **_format_tools()})


def _format_tools() -> dict:
    """Which formats this server cannot read yet (no Tesseract / LibreOffice), and the fix."""
    from core.plandoc import tools

    return {"missing_tools": tools.missing(), "install_command": tools.INSTALL_COMMAND}


@login_required
def plan_detail(request, pk: int):
    return _render_detail(request, _plan(request, pk))


def _render_detail(request, plan: Plan, status: int = 200, **extra):
    """The plan page; a refused edit renders it again with the typed values and the errors in place."""
    context = selectors.plan_page(plan, selectors.TaskFilter.from_query(request.GET))
    context["may_edit"] = can(request.user, "plans.manage", plan.org_unit)
    context["header_form"] = PlanHeaderForm(instance=plan) if context["may_edit"] else None
    if context["may_edit"] and plan.status == Plan.Status.DRAFT:
        context.update(manual_context(plan))  # the manual route: template, XLSX, paste grid
    context.update(extra)
    return render(request, "plans/detail.html", context, status=status)


@login_required
def plan_document(request, pk: int):
    """The uploaded original, served only to those who may see the plan, never from the web root."""
    plan = _plan(request, pk)
    if plan.source is None or not plan.source.file:
        raise Http404
    ext = plan.source.file.name.rsplit(".", 1)[-1].lower() if "." in plan.source.file.name else "bin"
    return FileResponse(
        plan.source.file.open("rb"), as_attachment=True, filename=download_name(plan.source.filename, ext)
    )


@login_required
def plan_changes(request, pk: int):
    plan = _plan(request, pk)
    if plan.replaces_id is None:
        raise Http404
    return render(
        request, "plans/changes.html", {"plan": plan, "diff": selectors.plan_diff(plan.replaces, plan)}
    )


@login_required
def plan_confirm(request, pk: int):
    """What is still open, and the decision: fix it, dismiss it with a reason, or confirm anyway
    with the reason recorded. Without anything open this is a plain confirmation."""
    plan = _editable_plan(request, pk)
    if plan.status != Plan.Status.DRAFT:
        messages.info(request, "Kế hoạch này đã được xác nhận.")
        return redirect("plans:detail", pk=plan.pk)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.confirm_plan(request.user, plan, form.cleaned_data["reason"])
        except ValidationError as exc:
            _errors_onto(form, exc)
        else:
            messages.success(request, "Đã xác nhận kế hoạch và lập các mốc thời hạn.")
            return redirect("plans:detail", pk=plan.pk)
    context = {
        "plan": plan,
        "form": form,
        "items": open_items(plan),
        "may_dismiss": can(request.user, "review.dismiss", plan.org_unit),
    }
    return render(request, "plans/confirm.html", context)


def _errors_onto(form, exc: ValidationError) -> None:
    """A service's error beside its field when it names one of the form's fields, else on top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@login_required
@require_POST
def plan_discard(request, pk: int):
    plan = _editable_plan(request, pk)
    if attempt(request, lambda: services.discard_draft(request.user, plan), "Đã hủy bản nháp."):
        return redirect("plans:list")
    return redirect("plans:detail", pk=plan.pk)


@login_required
@require_POST
def plan_header(request, pk: int):
    plan = _editable_plan(request, pk)
    form = PlanHeaderForm(request.POST, instance=Plan.objects.get(pk=plan.pk))
    if form.is_valid():
        try:
            services.update_plan(request.user, plan, form.cleaned_fields(), form.cleaned_data.get("version"))
        except ValidationError as exc:
            _errors_onto(form, exc)
        else:
            messages.success(request, "Đã lưu thông tin kế hoạch.")
            return redirect("plans:detail", pk=plan.pk)
    # The form stays open with what was typed, each error beside its field.
    plan = _plan(request, pk)
    return _render_detail(request, plan, 400, header_form=form, header_open=True)


def _task(request, pk: int) -> Task:
    task = get_object_or_404(Task.objects.select_related("plan__org_unit"), pk=pk)
    if not can(request.user, "orgs.view", task.plan):
        raise Http404
    return task


@login_required
def task_row(request, pk: int):
    task = _task(request, pk)
    return render(request, "plans/_task_row.html", selectors.task_row_context(task, request.user))


@login_required
def task_edit(request, pk: int):
    task = _task(request, pk)
    require(request.user, "plans.manage", task.plan.org_unit)
    form = TaskForm(request.POST or None, task=task)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_task(request.user, task, form.task_fields(), form.cleaned_data["version"])
            services.set_task_agencies(request.user, task, TaskAgency.Role.LEAD, form.cleaned_data["lead"])
            services.set_task_agencies(
                request.user, task, TaskAgency.Role.COORDINATING, form.cleaned_data["coordinating"]
            )
        except ValidationError as exc:
            _errors_onto(form, exc)
        else:
            return render(
                request,
                "plans/_task_row.html",
                selectors.task_row_context(Task.objects.get(pk=task.pk), request.user),
            )
    return render(request, "plans/_task_form.html", {"form": form, "task": task})


@login_required
@require_POST
def task_add(request, pk: int):
    plan = _editable_plan(request, pk)
    area, content = request.POST.get("area", ""), request.POST.get("content", "")
    try:
        task = services.add_task(request.user, plan, area, content)
    except ValidationError as exc:
        added = {"area": area, "content": content[:TYPED_ECHO_MAX], "error": " ".join(exc.messages)}
        return _render_detail(request, plan, 400, task_add=added)
    messages.success(request, "Đã thêm nhiệm vụ.")
    return redirect(f"{reverse('plans:detail', args=[plan.pk])}#task-{task.pk}")


@login_required
@require_POST
def task_delete(request, pk: int):
    task = _task(request, pk)
    require(request.user, "plans.manage", task.plan.org_unit)
    if not attempt(request, lambda: services.delete_task(request.user, task)):
        if request.htmx:  # refused: the row stays, with the reason
            context = selectors.task_row_context(task, request.user)
            context["error"] = "; ".join(m.message for m in messages.get_messages(request))
            return render(request, "plans/_task_row.html", context)
        return redirect("plans:detail", pk=task.plan_id)
    if request.htmx:
        return render(request, "plans/_deleted.html")
    return redirect("plans:detail", pk=task.plan_id)


@login_required
@require_POST
def task_cancel(request, pk: int):
    """Stop a task (dừng thực hiện) with a reason, or take it back (``thuc_hien_lai``). A refusal
    (no reason, someone changed the task meanwhile) shows beside the reason in the task's row,
    with the typed reason kept."""
    task = _task(request, pk)
    require(request.user, "plans.manage", task.plan.org_unit)
    form = TaskCancelForm(request.POST)
    restoring = bool(request.POST.get("thuc_hien_lai"))
    error = ""
    if not form.is_valid():
        error = " ".join(e for errs in form.errors.values() for e in errs)
    else:
        version = form.cleaned_data["version"]
        try:
            if restoring:
                services.restore_task(request.user, task, version)
            else:
                services.cancel_task(request.user, task, form.cleaned_data["reason"], version)
        except ValidationError as exc:
            error = " ".join(exc.messages)
    if error:  # 200, as the report form: the page itself, with the error where the reason is typed
        cancel = {"pk": task.pk, "error": error, "reason": request.POST.get("reason", "")}
        if request.htmx:
            context = selectors.task_row_context(task, request.user)
            return render(request, "plans/_task_row.html", {**context, "cancel": cancel})
        return _render_detail(request, task.plan, cancel=cancel)
    messages.success(
        request,
        "Đã cho thực hiện lại nhiệm vụ."
        if restoring
        else "Đã dừng thực hiện nhiệm vụ; nhiệm vụ được giữ lại cùng lịch sử báo cáo.",
    )
    if request.htmx:
        return render(request, "plans/_task_row.html", selectors.task_row_context(task, request.user))
    return redirect(f"{reverse('plans:detail', args=[task.plan_id])}#task-{task.pk}")


@login_required
@require_POST
def agency_choose(request, pk: int):
    """Map an unresolved printed name to an agency or group, on every row of the plan printing it;
    remembered for the next plans. A full page POST: several rows change at once."""
    link = get_object_or_404(TaskAgency.objects.select_related("task__plan__org_unit"), pk=pk)
    if not can(request.user, "orgs.view", link.task.plan):
        raise Http404
    require(request.user, "plans.manage", link.task.plan.org_unit)
    kind, _, target_pk = request.POST.get("target", "").partition(":")
    model = {"agency": Agency, "group": AgencyGroup}.get(kind)
    if model is None or not target_pk.isdigit():
        messages.error(request, f"Chọn một cơ quan trong danh sách cho “{link.printed}”.")
    else:
        try:
            rows = choose_agency_for_name(request.user, link, get_object_or_404(model, pk=int(target_pk)))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, f"Đã chọn “{rows[0].resolved}” cho “{link.printed}” ở {len(rows)} dòng."
            )
    return redirect(f"{reverse('plans:detail', args=[link.task.plan_id])}#task-{link.task_id}")


def _target(request, pk: int) -> Target:
    target = get_object_or_404(Target.objects.select_related("plan__org_unit"), pk=pk)
    if not can(request.user, "orgs.view", target.plan):
        raise Http404
    require(request.user, "plans.manage", target.plan.org_unit)
    return target


@login_required
def target_edit(request, pk: int):
    target = _target(request, pk)
    form = TargetForm(request.POST or None, instance=Target.objects.get(pk=target.pk))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_target(request.user, target, form.target_fields(), form.cleaned_data["version"])
        except ValidationError as exc:
            _errors_onto(form, exc)
        else:
            messages.success(request, "Đã lưu chỉ tiêu.")
            return redirect("plans:detail", pk=target.plan_id)
    return render(request, "plans/target_form.html", {"form": form, "target": target})


@login_required
@require_POST
def target_add(request, pk: int):
    plan = _editable_plan(request, pk)
    text = request.POST.get("text", "")
    try:
        services.add_target(request.user, plan, text)
    except ValidationError as exc:
        typed = {"text": text[:TYPED_ECHO_MAX], "error": " ".join(exc.messages)}
        return _render_detail(request, plan, 400, target_add=typed)
    messages.success(request, "Đã thêm chỉ tiêu.")
    return redirect("plans:detail", pk=plan.pk)


@login_required
@require_POST
def target_delete(request, pk: int):
    target = _target(request, pk)
    services.delete_target(request.user, target)
    return redirect("plans:detail", pk=target.plan_id)
