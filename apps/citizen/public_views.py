"""Public pages of petitions (no login): send, look up by code, supplement, rate the answer, read
published answers.

What protects them without an account: a per-address rate limit counted in the database (every
POST, valid or not, and every lookup), a one-time challenge on every form that writes, a hidden
field robots fill in, a request-size cap checked before the body is parsed, files checked by
content and size, and pages that show a petition only to whoever holds its code, never its
sender's name or contact.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.citizen import selectors, throttle
from apps.citizen.attachments import accepted_text, check_files
from apps.citizen.forms import FeedbackForm, LookupForm, PublicPetitionForm, SupplementForm, active_units
from apps.citizen.models import Petition, PetitionAttachment
from apps.citizen.services import petitions as services
from core.petitions import FEEDBACK_LABELS, SUBJECT_LABELS, Feedback, Status, Subject, normalize_code


def body_limit() -> int:
    """The largest request a public form accepts: every file at its maximum, plus the text."""
    return settings.CITIZEN_MAX_FILES * settings.CITIZEN_UPLOAD_MAX_BYTES + 1024 * 1024


def refuse(request, status: int, message: str):
    return render(request, "citizen/public/refused.html", {"message": message}, status=status)


def too_many(request):
    return refuse(
        request,
        429,
        "Địa chỉ mạng của Ông/Bà đã gửi quá nhiều yêu cầu trong thời gian ngắn. "
        "Vui lòng thử lại sau ít phút; nếu cần gấp, xin gọi đường dây nóng của UBND.",
    )


def guard_post(request, scope: str):
    """The refusal for an oversized or too frequent POST, or None when it may go on.
    The size is read from the header, before Django parses (and stores) the body."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > body_limit():
        return refuse(
            request,
            413,
            f"Dữ liệu gửi lên quá lớn ({length / 1048576:.0f} MB). {accepted_text()} Chưa có gì được lưu.",
        )
    if not throttle.allow(request, scope):
        return too_many(request)
    return None


def landing(request):
    return render(request, "citizen/public/landing.html")


def _follow_up_target(code: str) -> Petition | None:
    p = selectors.by_code(normalize_code(code)) if code else None
    return p if p is not None and p.status == Status.PUBLISHED.value else None


def petition_new(request):
    follows = _follow_up_target(request.GET.get("tiep-tuc", "") or request.POST.get("tiep_tuc", ""))
    if request.method == "POST":
        refused = guard_post(request, "petition")
        if refused:
            return refused
        form = PublicPetitionForm(request.POST, request.FILES)
        if form.is_valid():
            if form.cleaned_data["website"]:
                return refuse(request, 400, "Không gửi được phản ánh. Vui lòng tải lại trang và thử lại.")
            try:
                files = check_files(form.cleaned_data["files"])
                data = {**form.cleaned_data, "follow_up_of": follows}
                p = services.submit_public(form.cleaned_data["org_unit"], data, files)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect(f"{reverse('citizen_public:lookup')}?ma={p.code}&moi=1")
    else:
        initial = {}
        unit_id = request.GET.get("don-vi", "")
        if follows is not None:
            initial = {"org_unit": follows.org_unit_id, "subject": follows.subject}
        elif unit_id.isdigit():
            initial = {"org_unit": int(unit_id)}
        form = PublicPetitionForm(initial=initial)
    return render(
        request,
        "citizen/public/petition_form.html",
        {"form": form, "follows": follows, "accepted": accepted_text()},
    )


def lookup(request):
    code = normalize_code(request.GET.get("ma", ""))
    petition = None
    if code:
        if not throttle.allow(request, "lookup"):
            return too_many(request)
        petition = selectors.by_code(code)
    return _lookup_page(request, code, petition)


def _lookup_page(request, code: str, petition, **forms):
    ctx = {
        "form": LookupForm(initial={"ma": code}),
        "code": code,
        "petition": petition,
        "new": request.GET.get("moi") == "1",
        "subject_label": SUBJECT_LABELS.get(Subject(petition.subject)) if petition else "",
        "answer_files": [a for a in petition.attachments.all() if a.part == "answer"] if petition else [],
        "feedback_label": FEEDBACK_LABELS[Feedback(petition.feedback)] if petition else "",
        "accepted": accepted_text(),
    }
    if petition is not None and petition.status == Status.NEEDS_INFO.value:
        ctx["supplement_form"] = forms.get("supplement_form") or SupplementForm()
    if petition is not None and petition.status == Status.PUBLISHED.value and not petition.feedback:
        ctx["feedback_form"] = forms.get("feedback_form") or FeedbackForm()
    return render(request, "citizen/public/lookup.html", ctx, status=200 if petition or not code else 404)


def _by_code_or_404(code: str) -> Petition:
    p = selectors.by_code(normalize_code(code))
    if p is None:
        raise Http404
    return p


@require_POST
def supplement(request, code: str):
    refused = guard_post(request, "petition")
    if refused:
        return refused
    p = _by_code_or_404(code)
    form = SupplementForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            files = check_files(form.cleaned_data["files"])
            services.supplement_public(p, form.cleaned_data["text"], files)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(f"{reverse('citizen_public:lookup')}?ma={p.code}")
    return _lookup_page(request, p.code, p, supplement_form=form)


@require_POST
def feedback(request, code: str):
    refused = guard_post(request, "rating")
    if refused:
        return refused
    p = _by_code_or_404(code)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.give_feedback(p, form.cleaned_data["satisfied"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect(f"{reverse('citizen_public:lookup')}?ma={p.code}")
    return _lookup_page(request, p.code, p, feedback_form=form)


def published(request):
    unit = None
    unit_id = request.GET.get("don-vi", "")
    if unit_id.isdigit():
        unit = active_units().filter(pk=int(unit_id)).first()
    page = Paginator(selectors.published(unit), 20).get_page(request.GET.get("trang"))
    return render(
        request,
        "citizen/public/published.html",
        {"page": page, "unit": unit, "units": active_units(), "subjects": SUBJECT_LABELS},
    )


def answer_file(request, code: str, pk: int):
    """A file attached to a published answer (the public part of a petition; never the citizen's)."""
    p = _by_code_or_404(code)
    if p.status != Status.PUBLISHED.value:
        raise Http404
    att = get_object_or_404(PetitionAttachment, pk=pk, petition=p, part=PetitionAttachment.Part.ANSWER)
    return FileResponse(
        att.file.open("rb"), as_attachment=True, filename=att.title, content_type=att.content_type
    )


def survey(request, token: str):
    """The public questionnaire of an open round (its link and QR code are given out by the unit)."""
    from apps.citizen.forms import ResponseForm
    from apps.citizen.models import SurveyRound
    from apps.citizen.services import surveys as survey_services

    r = get_object_or_404(SurveyRound.objects.select_related("org_unit"), token=token)
    if r.state != SurveyRound.State.OPEN:
        return refuse(
            request, 410, "Đợt khảo sát này đã kết thúc hoặc chưa mở. Xin cảm ơn Ông/Bà đã quan tâm."
        )
    questions = r.questions.order_by("position", "pk")
    if request.method == "POST":
        refused = guard_post(request, "survey")
        if refused:
            return refused
        form = ResponseForm(request.POST, questions=questions, units=r.units.all())
        if form.is_valid() and not form.cleaned_data["website"]:
            try:
                survey_services.submit_public(
                    r, form.cleaned_data["org_unit"], form.answers(), form.cleaned_data["comment"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return render(request, "citizen/public/thanks.html", {"title": r.title})
    else:
        form = ResponseForm(questions=questions, units=r.units.all())
    return render(request, "citizen/public/survey.html", {"r": r, "form": form})


def rate(request):
    """Rate a dossier's handling from the code on its receipt (typed, or opened by its QR code).
    Every verification counts against the address's limit, so codes cannot be guessed."""
    from apps.citizen import rating_codes
    from apps.citizen.forms import RatingCodeForm, RatingForm
    from apps.citizen.models import Rating
    from apps.citizen.services import ratings as rating_services

    source = request.POST if request.method == "POST" else request.GET
    code, check = (source.get("ma") or "").strip(), rating_codes.normalize(source.get("kt", ""))
    if not code and not check:
        return render(request, "citizen/public/rate_code.html", {"form": RatingCodeForm()})
    refused = guard_post(request, "rating") if request.method == "POST" else None
    if refused is None and request.method != "POST" and not throttle.allow(request, "rating"):
        refused = too_many(request)
    if refused:
        return refused
    try:
        dossier = rating_services.dossier_for(code, check)
    except ValidationError as exc:
        form = RatingCodeForm(initial={"ma": code, "kt": source.get("kt", "")})
        return render(
            request,
            "citizen/public/rate_code.html",
            {"form": form, "error": " ".join(exc.messages)},
            status=400,
        )
    dossier = type(dossier).objects.select_related("procedure").get(pk=dossier.pk)
    if Rating.objects.filter(dossier=dossier).exists():
        return render(request, "citizen/public/rate_done.html", {"dossier": dossier, "already": True})
    channel = Rating.Channel.QR if source.get("qr") else Rating.Channel.CODE
    form = RatingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            rating_services.rate(
                dossier, int(form.cleaned_data["score"]), form.cleaned_data["comment"], channel
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return render(request, "citizen/public/rate_done.html", {"dossier": dossier})
    ctx = {"form": form, "dossier": dossier, "code": code, "check": check, "qr": source.get("qr", "")}
    return render(request, "citizen/public/rate.html", ctx)
