"""Staff pages of petitions: the list with due dates, entry of a petition taken by phone or letter,
and one page per petition with the step its status allows (classify or redirect, ask for more,
assign, transfer, answer, approve or return, publish)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require, visible_units
from apps.citizen import forms, selectors
from apps.citizen.attachments import accepted_text, check_files
from apps.citizen.models import PetitionAttachment
from apps.citizen.services import petitions as services
from apps.citizen.services.petitions import facts_of
from apps.tracking.calendar import work_calendar
from cchc import clock
from cchc.web import attempt
from core.petitions import (
    CHANNEL_LABELS,
    REDIRECT_LABELS,
    STATUS_LABELS,
    STEP_LABELS,
    SUBJECT_LABELS,
    Channel,
    RedirectKind,
    Status,
    Subject,
    redirect_hint,
    verdict,
)


def _units_for_filter(user):
    return (
        visible_units(user).filter(valid_to__isnull=True).exclude(level="district").order_by("level", "name")
    )


@login_required
def petition_list(request):
    units = _units_for_filter(request.user)
    unit = None
    if request.GET.get("don-vi", "").isdigit():
        unit = units.filter(pk=int(request.GET["don-vi"])).first()
    f = selectors.PetitionFilter(
        unit=unit,
        status=request.GET.get("trang-thai", ""),
        overdue=request.GET.get("qua-han") == "1",
        q=request.GET.get("q", "")[:60],
    )
    today = clock.today()
    qs = selectors.petition_list(request.user, f, today)
    page = Paginator(qs, 50).get_page(request.GET.get("trang"))
    return render(
        request,
        "citizen/petition_list.html",
        {
            "page": page,
            "filter": f,
            "units": units,
            "statuses": STATUS_LABELS,
            "today": today,
            "counts": _counts(request.user, unit, today),
            "may_enter": can(request.user, "citizen.receive"),
            "figures": _figures(request.user, unit, today),
        },
    )


def _figures(user, unit, today) -> dict | None:
    """QĐ 766 5.2 and 5.3 of the unit shown (or the user's own unit) for the current quarter."""
    from apps.accounts.policy import ORG_WIDE_ROLES, subject
    from core import measures

    if unit is None:
        own = [m.org_unit for m in subject(user).memberships if m.role in ORG_WIDE_ROLES]
        unit = own[0] if own else None
    if unit is None:
        return None
    code = f"{today.year}-Q{(today.month - 1) // 3 + 1}"
    return {
        "unit": unit,
        "period": code,
        "on_time": measures.measure("petition_on_time_rate", unit, code),
        "satisfaction": measures.measure("petition_satisfaction_rate", unit, code),
    }


def _counts(user, unit, today) -> list[tuple[str, str, int]]:
    n = selectors.status_counts(selectors.petition_list(user, selectors.PetitionFilter(unit=unit), today))
    return [(code, label, n.get(code, 0)) for code, label in STATUS_LABELS.items()]


@login_required
def petition_enter(request):
    require(request.user, "citizen.receive")
    units = [u for u in _units_for_filter(request.user) if can(request.user, "citizen.receive", u)]
    unit_qs = _units_for_filter(request.user).filter(pk__in=[u.pk for u in units])
    form = forms.StaffPetitionForm(request.POST or None, request.FILES or None, units=unit_qs)
    if request.method == "POST" and form.is_valid():
        try:
            files = check_files(form.cleaned_data["files"])
            p = services.enter_petition(request.user, form.cleaned_data["org_unit"], form.cleaned_data, files)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("citizen:petition", p.pk)
    return render(request, "citizen/petition_enter.html", {"form": form, "accepted": accepted_text()})


def _petition(request, pk: int):
    p = selectors.petition_detail(request.user, pk)
    if p is None:
        raise Http404
    require(request.user, "citizen.view", p)
    return p


def _steps(request, p) -> dict:
    """The forms of the steps this user may take on this petition now."""
    user, status = request.user, Status(p.status)
    out = {}
    if status is Status.RECEIVED and can(user, "citizen.receive", p):
        out["classify"] = forms.ClassifyForm(unit=p.org_unit)
        out["redirect"] = forms.RedirectForm(
            initial={"kind": (redirect_hint(p.text) or RedirectKind.OTHER).value}
        )
        out["supplement"] = forms.TextForm()
    if status in (Status.ACCEPTED, Status.ASSIGNED) and can(user, "citizen.receive", p):
        out["assign"] = forms.AssignForm(unit=p.org_unit, initial={"agency": p.agency_id})
    if status in (Status.RECEIVED, Status.ACCEPTED, Status.ASSIGNED) and can(user, "citizen.receive", p):
        out["transfer"] = forms.TransferForm(exclude=p.org_unit_id)
    if status is Status.ASSIGNED and can(user, "citizen.answer", p):
        out["answer"] = forms.AnswerForm(initial={"text": p.answer})
    if status is Status.ANSWERED and can(user, "citizen.approve", p):
        out["approve"] = True
        out["return"] = forms.TextForm()
    if status is Status.APPROVED and can(user, "citizen.publish", p):
        out["publish"] = forms.PublishForm(initial={"summary": p.public_summary or p.text})
    return out


@login_required
def petition_detail(request, pk: int):
    p = _petition(request, pk)
    today = clock.today()
    v = verdict(facts_of(p), today, work_calendar())
    return render(
        request,
        "citizen/petition_detail.html",
        {
            "p": p,
            "steps": _steps(request, p),
            "verdict": v,
            "late_steps": [STEP_LABELS[s] for s in v.late_steps],
            "subject": SUBJECT_LABELS[Subject(p.subject)],
            "channel": CHANNEL_LABELS[Channel(p.channel)],
            "redirect_label": REDIRECT_LABELS.get(RedirectKind(p.redirect_kind)) if p.redirect_kind else "",
            "hint": REDIRECT_LABELS[hint] if (hint := redirect_hint(p.text)) else "",
            "today": today,
            "accepted": accepted_text(),
        },
    )


def _run_step(request, p, action: str):
    """Bind the step's form and call its service; errors become a message on the petition page."""
    post = request.POST
    if action == "classify":
        form = forms.ClassifyForm(post, unit=p.org_unit)
        call = form.is_valid() and (
            lambda: services.classify(request.user, p, agency=form.cleaned_data["agency"])
        )
    elif action == "redirect":
        form = forms.RedirectForm(post)
        call = form.is_valid() and (
            lambda: services.redirect(request.user, p, form.cleaned_data["kind"], form.cleaned_data["reason"])
        )
    elif action == "supplement":
        form = forms.TextForm(post)
        call = form.is_valid() and (
            lambda: services.request_supplement(request.user, p, form.cleaned_data["text"])
        )
    elif action == "assign":
        form = forms.AssignForm(post, unit=p.org_unit)
        call = form.is_valid() and (lambda: services.assign(request.user, p, form.cleaned_data["agency"]))
    elif action == "transfer":
        form = forms.TransferForm(post, exclude=p.org_unit_id)
        call = form.is_valid() and (
            lambda: services.transfer(
                request.user, p, form.cleaned_data["org_unit"], form.cleaned_data["reason"]
            )
        )
    elif action == "answer":
        form = forms.AnswerForm(post, request.FILES)
        call = form.is_valid() and (
            lambda: services.answer(
                request.user, p, form.cleaned_data["text"], check_files(form.cleaned_data["files"])
            )
        )
    elif action == "approve":
        form, call = None, lambda: services.approve(request.user, p)
    elif action == "return":
        form = forms.TextForm(post)
        call = form.is_valid() and (
            lambda: services.return_answer(request.user, p, form.cleaned_data["text"])
        )
    elif action == "publish":
        form = forms.PublishForm(post)
        call = form.is_valid() and (lambda: services.publish(request.user, p, form.cleaned_data["summary"]))
    else:
        raise Http404
    if not call:
        errors = [e for errs in form.errors.values() for e in errs]
        raise ValidationError(errors or ["Vui lòng điền đủ thông tin."])
    return call


@login_required
@require_POST
def petition_step(request, pk: int, action: str):
    p = _petition(request, pk)
    try:
        call = _run_step(request, p, action)
    except ValidationError as exc:
        from django.contrib import messages

        messages.error(request, " ".join(exc.messages))
        return redirect("citizen:petition", p.pk)
    attempt(request, call, "Đã lưu.")
    return redirect("citizen:petition", p.pk)


@login_required
def attachment(request, pk: int):
    att = get_object_or_404(PetitionAttachment.objects.select_related("petition"), pk=pk)
    if selectors.petition_detail(request.user, att.petition_id) is None:
        raise Http404
    if not can(request.user, "citizen.view", att.petition):
        raise PermissionDenied
    return FileResponse(
        att.file.open("rb"), as_attachment=True, filename=att.title, content_type=att.content_type
    )
