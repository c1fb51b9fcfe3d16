"""A milestone's page: its report, evidence and contributions, and the workflow buttons.

Views stay thin: they read through selectors, write through services, and show a service's
Vietnamese ValidationError next to the form (a version conflict included).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require, visible_units
from apps.plans.models import Milestone, TaskAgency
from apps.tracking import forms, services
from apps.tracking.evidence import KINDS, FileKind
from apps.tracking.models import Evidence, ProgressReport
from apps.tracking.selectors import bounds_for, with_state
from cchc.files import download_name


def _milestone(request, pk: int) -> Milestone:
    """A milestone the user may see: 404 outside their units, 403 for another agency's task."""
    m = get_object_or_404(
        Milestone.objects.filter(task__plan__org_unit__in=visible_units(request.user))
        .select_related("task__plan__org_unit")
        .prefetch_related(Prefetch("task__agencies", queryset=TaskAgency.objects.select_related("agency"))),
        pk=pk,
    )
    require(request.user, "tracking.view", m.task)
    return m


def _report(m: Milestone) -> ProgressReport | None:
    return (
        ProgressReport.objects.filter(milestone=m)
        .select_related("agency", "submitted_by", "approved_by", "reviewed_by")
        .prefetch_related("evidence", "contributions__agency", "contributions__author")
        .first()
    )


def _context(request, m: Milestone, **forms_given) -> dict:
    user, task = request.user, m.task
    report = _report(m)
    row = with_state([m], bounds_for(task.plan.org_unit_id))[0]
    editable = m.report_status in services.EDITABLE
    may_report = can(user, "tracking.report", task)
    initial = (
        {
            "text": report.text,
            "percent": report.percent,
            "progress": report.progress,
            "reason": report.reason,
            "version": report.version,
        }
        if report
        else {"version": 0}  # the first report: a second first report is then a conflict, not lost
    )
    return {
        "m": m,
        "task": task,
        "row": row,
        "report": report,
        "editable": editable,
        "may_report": may_report and editable,
        "may_submit": may_report and report is not None and m.report_status in {"draft", "returned"},
        "may_approve": report is not None
        and m.report_status == "submitted"
        and can(user, "work.approve", report.agency),
        "may_review": m.report_status == "approved" and can(user, "tracking.review", task),
        "may_contribute": report is not None and editable and can(user, "tracking.contribute", task),
        "may_attach": report is not None
        and editable
        and (may_report or can(user, "tracking.contribute", task)),
        "may_schedule": m.kind == Milestone.Kind.ON_EVENT and can(user, "tracking.schedule", task),
        "form": forms_given.get("form") or forms.ReportForm(initial=initial),
        "file_form": forms_given.get("file_form") or forms.EvidenceFileForm(),
        "link_form": forms_given.get("link_form") or forms.EvidenceLinkForm(),
        "review_form": forms_given.get("review_form")
        or forms.ReviewForm(initial={"version": getattr(report, "version", None)}),
        "contribution_form": forms_given.get("contribution_form") or forms.ContributionForm(),
        "schedule_form": forms_given.get("schedule_form") or forms.ScheduleForm(initial={"due": m.due}),
        "leads": [a for a in task.agencies.all() if a.role == "lead"],
        "coordinating": [a for a in task.agencies.all() if a.role == "coordinating"],
    }


def _render(request, m: Milestone, status: int = 200, **forms_given):
    return render(request, "tracking/milestone.html", _context(request, m, **forms_given), status=status)


@login_required
def milestone_detail(request, pk: int):
    m = _milestone(request, pk)
    if request.method != "POST":
        return _render(request, m)
    form = forms.ReportForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.save_report(request.user, m, data, expected_version=data.get("version"))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã lưu báo cáo. Bấm “Gửi duyệt” khi hoàn tất.")
            return redirect("tracking:milestone", pk=m.pk)
    return _render(request, m, status=400, form=form)


def _existing_report(m: Milestone) -> ProgressReport:
    report = ProgressReport.objects.filter(milestone=m).first()
    if report is None:
        raise Http404
    return report


@login_required
@require_POST
def report_action(request, pk: int, action: str):
    """Submit, approve, accept or return: one endpoint, the service decides who may."""
    m = _milestone(request, pk)
    report = _existing_report(m)
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        return _render(request, m, status=400, review_form=form)
    comment, version = form.cleaned_data.get("comment", ""), form.cleaned_data.get("version")
    steps = {
        "gui": (
            lambda: services.submit_report(request.user, report, version),
            "Đã gửi báo cáo để lãnh đạo cơ quan duyệt.",
        ),
        "duyet": (
            lambda: services.approve_report(request.user, report, version),
            "Đã duyệt, báo cáo được chuyển chuyên viên CCHC.",
        ),
        "tiep-nhan": (
            lambda: services.accept_report(request.user, report, comment, version),
            "Đã tiếp nhận báo cáo.",
        ),
        "tra-lai": (
            lambda: services.return_report(request.user, report, comment, version),
            "Đã trả lại báo cáo.",
        ),
    }
    if action not in steps:
        raise Http404
    run, done = steps[action]
    try:
        run()
    except ValidationError as exc:
        form.add_error(None, exc)
        return _render(request, m, status=400, review_form=form)
    messages.success(request, done)
    return redirect("tracking:milestone", pk=m.pk)


@login_required
@require_POST
def evidence_add(request, pk: int):
    m = _milestone(request, pk)
    report = _existing_report(m)
    if "url" in request.POST:
        form = forms.EvidenceLinkForm(request.POST)
        key, call = (
            "link_form",
            lambda d: services.add_evidence_link(request.user, report, d["url"], d["title"]),
        )
    else:
        form = forms.EvidenceFileForm(request.POST, request.FILES)
        key, call = "file_form", lambda d: services.add_evidence_file(request.user, report, d["file"])
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã thêm tài liệu kiểm chứng.")
            return redirect("tracking:milestone", pk=m.pk)
    return _render(request, m, status=400, **{key: form})


@login_required
@require_POST
def evidence_delete(request, pk: int):
    evidence = get_object_or_404(Evidence.objects.select_related("report__milestone"), pk=pk)
    m = _milestone(request, evidence.report.milestone_id)
    try:
        services.delete_evidence(request.user, evidence)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("tracking:milestone", pk=m.pk)


@login_required
def evidence_file(request, pk: int):
    """An evidence file, only to those who may see its task; never from the web root."""
    evidence = get_object_or_404(Evidence.objects.select_related("report"), pk=pk)
    _milestone(request, evidence.report.milestone_id)
    if not evidence.file:
        raise Http404
    kind = KINDS.get(evidence.content_type)
    if kind is None:  # stored before types were checked: never served as what its name claims
        kind = FileKind("bin", "application/octet-stream", "tệp")
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=download_name(evidence.title, kind.ext),
        content_type=kind.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def contribution_add(request, pk: int):
    m = _milestone(request, pk)
    report = _existing_report(m)
    form = forms.ContributionForm(request.POST)
    if form.is_valid():
        try:
            services.add_contribution(request.user, report, form.cleaned_data["text"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã bổ sung nội dung phối hợp.")
            return redirect("tracking:milestone", pk=m.pk)
    return _render(request, m, status=400, contribution_form=form)


@login_required
@require_POST
def milestone_schedule(request, pk: int):
    m = _milestone(request, pk)
    if not can(request.user, "tracking.schedule", m.task):
        raise PermissionDenied("Chỉ chuyên viên CCHC của đơn vị được xác định hạn.")
    form = forms.ScheduleForm(request.POST)
    if form.is_valid():
        try:
            services.schedule_milestone(request.user, m, form.cleaned_data["due"])
        except ValidationError as exc:
            form.add_error("due", exc)
        else:
            messages.success(request, f"Đã xác định hạn {form.cleaned_data['due']:%d/%m/%Y}.")
            return redirect("tracking:milestone", pk=m.pk)
    return _render(request, m, status=400, schedule_form=form)
