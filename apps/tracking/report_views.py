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
        "review_step": forms_given.get("review_step", ""),
        "may_approve": report is not None
        and m.report_status == "submitted"
        and can(user, "work.approve", report.agency),
        "may_review": m.report_status == "approved" and can(user, "tracking.review", task),
        "may_contribute": report is not None and editable and can(user, "tracking.contribute", task),
        # Coordinating agencies attach their files beside the lead's report (the lead attaches
        # in the report form itself).
        "may_attach": report is not None
        and editable
        and not may_report
        and can(user, "tracking.contribute", task),
        "may_delete_evidence": report is not None
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


SENT = "Đã gửi báo cáo để lãnh đạo cơ quan duyệt."


def _render(request, m: Milestone, status: int = 200, **forms_given):
    return render(request, "tracking/milestone.html", _context(request, m, **forms_given), status=status)


REPORT_STEPS = {"luu": "Đã lưu nháp báo cáo. Bấm “Gửi duyệt” khi hoàn tất.", "gui": SENT}
REVIEW_STEPS = {
    "duyet": "Đã duyệt, báo cáo được chuyển chuyên viên CCHC.",
    "tiep-nhan": "Đã tiếp nhận báo cáo.",
    "tra-lai": "Đã trả lại báo cáo.",
}


@login_required
def milestone_detail(request, pk: int):
    """The page, and every form on it posts back here (``step``): an error shows on this same page,
    beside its field, with what was typed kept; success redirects (the next reload sends nothing)."""
    m = _milestone(request, pk)
    if request.method != "POST":
        return _render(request, m)
    step = request.POST.get("step", "luu")
    if step in REVIEW_STEPS:
        return _review(request, m, step)
    if step in PAGE_FORMS:
        return PAGE_FORMS[step](request, m)
    if step not in REPORT_STEPS:
        raise Http404
    form = forms.ReportForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.report_progress(
                request.user,
                m,
                data,
                files=data["files"],
                link=(data["link_url"], data["link_title"]),
                submit=step == "gui",
                expected_version=data["version"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, REPORT_STEPS[step])
            return redirect("tracking:milestone", pk=m.pk)
    if form.errors.get("files") is None and request.FILES:
        form.add_error("files", "Vui lòng chọn lại tệp: trình duyệt không giữ tệp đã chọn khi trang tải lại.")
    return _render(request, m, form=form)


def _existing_report(m: Milestone) -> ProgressReport:
    report = ProgressReport.objects.filter(milestone=m).first()
    if report is None:
        raise Http404
    return report


def run_review(user, report: ProgressReport, step: str, form) -> bool:
    """Approve, accept or return through the service (which asks the policy); False with the
    service's reason on ``form`` (beside the comment when it is about the comment)."""
    if not form.is_valid():
        return False
    comment, version = form.cleaned_data.get("comment", ""), form.cleaned_data["version"]
    calls = {
        "gui": lambda: services.submit_report(user, report, version),
        "duyet": lambda: services.approve_report(user, report, version),
        "tiep-nhan": lambda: services.accept_report(user, report, comment, version),
        "tra-lai": lambda: services.return_report(user, report, comment, version),
    }
    try:
        calls[step]()
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    return True


def _review(request, m: Milestone, step: str):
    report = _existing_report(m)
    form = forms.ReviewForm(request.POST)
    if not run_review(request.user, report, step, form):
        return _render(request, m, review_form=form, review_step=step)
    messages.success(request, {**REVIEW_STEPS, "gui": SENT}[step])
    return redirect("tracking:milestone", pk=m.pk)


@login_required
@require_POST
def report_action(request, pk: int, action: str):
    """The earlier address of each step (``/moc/<pk>/duyet/``…), kept for links and scripts already
    out there; the page itself now posts to its own address."""
    if action not in REVIEW_STEPS and action != "gui":
        raise Http404
    return _review(request, _milestone(request, pk), action)


def _evidence(request, m: Milestone, step: str):
    """A coordinating agency's own file or link; a refusal shows beside the field, input kept."""
    report = _existing_report(m)
    if step == "lien-ket":
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
    return _render(request, m, **{key: form})


@login_required
@require_POST
def evidence_add(request, pk: int):
    """The earlier address of the upload form, kept for scripts; the page now posts to itself."""
    return _evidence(request, _milestone(request, pk), "lien-ket" if "url" in request.POST else "tai-lieu")


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


def _contribution(request, m: Milestone):
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
    return _render(request, m, contribution_form=form)


def _schedule(request, m: Milestone):
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
    return _render(request, m, schedule_form=form)


# The page's other forms, each posting back to the page with its ``step``.
PAGE_FORMS = {
    "phoi-hop": _contribution,
    "xac-dinh-han": _schedule,
    "tai-lieu": lambda request, m: _evidence(request, m, "tai-lieu"),
    "lien-ket": lambda request, m: _evidence(request, m, "lien-ket"),
}


@login_required
@require_POST
def contribution_add(request, pk: int):
    """Earlier address, kept for scripts; the page now posts to itself (``step=phoi-hop``)."""
    return _contribution(request, _milestone(request, pk))


@login_required
@require_POST
def milestone_schedule(request, pk: int):
    """Earlier address, kept for scripts; the page now posts to itself (``step=xac-dinh-han``)."""
    return _schedule(request, _milestone(request, pk))
