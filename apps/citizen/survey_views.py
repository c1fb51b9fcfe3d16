"""Staff pages of local survey rounds: list and create, questionnaire, open and close, public link
and QR code, paper forms, results with intervals beside the official SIPAS, XLSX export, and the
import of official SIPAS results."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require, visible_units
from apps.citizen import forms, qr
from apps.citizen.models import OfficialSipasResult, SurveyQuestion, SurveyRound
from apps.citizen.services import surveys as services
from apps.citizen.survey_results import round_results
from apps.citizen.xlsx import round_workbook
from cchc.web import attempt


def _rounds(user):
    return SurveyRound.objects.filter(org_unit__in=visible_units(user)).select_related("org_unit")


def _round(request, pk: int) -> SurveyRound:
    r = get_object_or_404(_rounds(request.user), pk=pk)
    require(request.user, "citizen.results", r.org_unit)
    return r


@login_required
def round_list(request):
    require(request.user, "citizen.results", None)
    units = [
        u
        for u in visible_units(request.user).filter(valid_to__isnull=True)
        if can(request.user, "citizen.surveys", u)
    ]
    form = None
    if units:
        unit = next((u for u in units if str(u.pk) == request.POST.get("unit")), units[0])
        form = forms.RoundForm(request.POST or None, unit=unit)
        if request.method == "POST" and form.is_valid():
            d = form.cleaned_data
            try:
                r = services.create_round(
                    request.user, unit, d["title"], d["opens_on"], d["closes_on"], d["units"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("citizen:round", r.pk)
    official = OfficialSipasResult.objects.filter(org_unit__in=visible_units(request.user)).select_related(
        "org_unit"
    )
    return render(
        request,
        "citizen/round_list.html",
        {"rounds": _rounds(request.user), "form": form, "units": units, "official": official[:60]},
    )


@login_required
def round_detail(request, pk: int):
    r = _round(request, pk)
    manage = can(request.user, "citizen.surveys", r.org_unit)
    link = qr.absolute(request, reverse("citizen_public:survey", args=[r.token]))
    return render(
        request,
        "citizen/round_detail.html",
        {
            "r": r,
            "res": round_results(r),
            "manage": manage,
            "editable": manage and r.state == SurveyRound.State.DRAFT and not r.responses.exists(),
            "question_form": forms.QuestionForm(),
            "link": link,
            "qr": qr.svg(link, f"Mã QR phiếu khảo sát {r.title}")
            if r.state == SurveyRound.State.OPEN
            else "",
        },
    )


@login_required
@require_POST
def round_action(request, pk: int, action: str):
    r = _round(request, pk)
    if action == "add-question":
        form = forms.QuestionForm(request.POST)
        if form.is_valid():
            attempt(
                request,
                lambda: services.add_question(request.user, r, **form.cleaned_data),
                "Đã thêm câu hỏi.",
            )
    elif action == "remove-question":
        q = get_object_or_404(SurveyQuestion, pk=request.POST.get("question"), round=r)
        attempt(request, lambda: services.remove_question(request.user, q), "Đã bỏ câu hỏi.")
    elif action in ("open", "close"):
        state = SurveyRound.State.OPEN if action == "open" else SurveyRound.State.CLOSED
        attempt(request, lambda: services.set_state(request.user, r, state), "Đã cập nhật đợt khảo sát.")
    else:
        raise Http404
    return redirect("citizen:round", r.pk)


@login_required
def paper_entry(request, pk: int):
    r = _round(request, pk)
    require(request.user, "citizen.surveys", r.org_unit)
    form = forms.ResponseForm(
        request.POST or None,
        questions=r.questions.order_by("position", "pk"),
        units=r.units.all(),
        paper=True,
    )
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.enter_paper(
                request.user, r, d["org_unit"], form.answers(), d["form_number"], d["comment"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã nhập phiếu. Nhập phiếu tiếp theo.")
            return redirect("citizen:paper_entry", r.pk)
    return render(request, "citizen/paper_entry.html", {"r": r, "form": form, "n": r.responses.count()})


@login_required
def round_export(request, pk: int):
    r = _round(request, pk)
    body = round_workbook(round_results(r))
    response = HttpResponse(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="khao-sat-{r.pk}.xlsx"'
    return response


@login_required
def sipas_import(request):
    require(request.user, "citizen.surveys", None)
    form = forms.SipasImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = _read_rows(form.cleaned_data["file"])
            n = services.import_sipas(request.user, rows, form.cleaned_data["source"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"Đã nhập {n} giá trị SIPAS chính thức.")
            return redirect("citizen:rounds")
    return render(request, "citizen/sipas_import.html", {"form": form, "columns": services.SIPAS_COLUMNS})


def _read_rows(upload) -> list[list]:
    from openpyxl import load_workbook

    from apps.tracking.evidence import XLSX, sniff

    if upload.size > 5 * 1024 * 1024 or sniff(upload) is not XLSX:
        raise ValidationError("Vui lòng chọn tệp Excel (.xlsx) không quá 5 MB.")
    try:
        wb = load_workbook(io.BytesIO(upload.read()), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged workbook is the user's input, not our bug
        raise ValidationError("Không đọc được tệp Excel (tệp hỏng hoặc không đúng định dạng).") from exc
    return [list(row) for row in wb.worksheets[0].iter_rows(values_only=True)][:5000]
