"""One unit's assessment: the page, self-scoring and appraisal of a criterion (in place with HTMX),
evidence, the workflow buttons. Views are thin: selectors read, services write and decide."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.assessment import evidence, forms, selectors, services
from apps.assessment.models import Score
from apps.tracking.forms import EvidenceFileForm, EvidenceLinkForm
from cchc.web import attempt


def _back(a, code: str = ""):
    url = reverse("assessment:assessment", args=[a.pk])
    return redirect(f"{url}#c-{code}" if code else url)


@login_required
def assessment_page(request, pk: int):
    a = selectors.assessment_or_404(request.user, pk)
    context = selectors.assessment_page(request.user, a)
    context["reopen_form"] = forms.ReopenForm()
    context["decide_form"] = forms.DecideForm()
    return render(request, "assessment/assessment.html", context)


def _row_response(request, score: Score, error: str = ""):
    """The criterion's block (and the totals, out of band) for an HTMX swap, else back to the page."""
    a = score.assessment
    if not request.htmx:
        if error:
            messages.error(request, error)
        return _back(a, score.criterion.code)
    context = selectors.assessment_page(request.user, a)
    row = next(r for area in context["areas"] for r in area.rows if r.score and r.score.pk == score.pk)
    context.update(row=row, error=error, oob=True)
    return render(request, "assessment/_criterion.html", context)


def _score_action(request, pk: int, form_class, call):
    score = selectors.score_or_404(request.user, pk)
    form = form_class(request.POST)
    if not form.is_valid():
        return _row_response(request, score, " ".join(e for errs in form.errors.values() for e in errs))
    try:
        call(score, form.cleaned_data)
    except ValidationError as exc:
        return _row_response(request, score, " ".join(exc.messages))
    return _row_response(request, selectors.score_or_404(request.user, pk))


@login_required
@require_POST
def self_score(request, pk: int):
    def call(score, d):
        services.self_score(
            request.user, score, points=d["points"], rate=d["rate"], na=d["na"], note=d["note"]
        )

    return _score_action(request, pk, forms.SelfScoreForm, call)


@login_required
@require_POST
def appraise(request, pk: int):
    def call(score, d):
        services.appraise(request.user, score, points=d["points"], na=d["na"], reason=d["reason"])

    return _score_action(request, pk, forms.AppraiseForm, call)


@login_required
@require_POST
def explain(request, pk: int):
    return _score_action(
        request, pk, forms.ExplainForm, lambda score, d: services.explain(request.user, score, d["text"])
    )


ACTIONS = {
    "tinh-lai": (
        lambda user, a, post: services.refresh_computed(user, a),
        "Đã cập nhật các tiêu chí tính từ số liệu.",
    ),
    "gui": (
        lambda user, a, post: services.submit(user, a),
        "Đã gửi kết quả tự đánh giá đến Hội đồng thẩm định.",
    ),
    "chuyen-giai-trinh": (
        lambda user, a, post: services.send_for_explanation(user, a),
        "Đã kết thúc thẩm định lần 1 và chuyển đơn vị giải trình.",
    ),
    "gui-giai-trinh": (lambda user, a, post: services.send_explanation(user, a), "Đã gửi giải trình."),
    "quyet-dinh": (
        lambda user, a, post: services.decide(user, a, post.get("note", "")),
        "Đã ghi nhận quyết định của Hội đồng thẩm định.",
    ),
}


@login_required
@require_POST
def assessment_action(request, pk: int, action: str):
    a = selectors.assessment_or_404(request.user, pk)
    if action not in ACTIONS:
        raise Http404
    call, done = ACTIONS[action]
    attempt(request, lambda: call(request.user, a, request.POST), done)
    return _back(a)


@login_required
@require_POST
def reopen(request, pk: int):
    a = selectors.assessment_or_404(request.user, pk)
    form = forms.ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return _back(a)
    d = form.cleaned_data
    attempt(
        request,
        lambda: services.reopen(request.user, a, d["step"], d["until"], d["reason"]),
        f"Đã mở lại đến hết ngày {d['until']:%d/%m/%Y}; việc mở lại được ghi nhận.",
    )
    return _back(a)


# --- a criterion: history and evidence ---------------------------------------------------------------


# What a unit does not see of the council's work before it is sent back to them.
HIDDEN_STAGES = {0: {"appraisal_1", "appraisal_2"}, 1: {"appraisal_2"}, 2: set()}


def _score_context(request, score: Score, **given) -> dict:
    a = score.assessment
    page = selectors.assessment_page(request.user, a)
    may_add = page["may_self"] and (page["open"]["self"] or page["open"]["explanation"])
    return {
        **page,
        "score": score,
        "criterion": score.criterion,
        "row": next(r for area in page["areas"] for r in area.rows if r.score and r.score.pk == score.pk),
        "history": [
            h
            for h in score.changes.select_related("actor")
            if h.stage not in HIDDEN_STAGES[page["show_appraisal1"] + page["show_appraisal2"]]
        ],
        "evidence_list": list(
            score.evidence.select_related("progress_report__milestone", "periodic_report", "plan")
        ),
        "may_add_evidence": may_add,
        "candidates": evidence.candidates(a) if may_add else {},
        "file_form": given.get("file_form") or EvidenceFileForm(),
        "link_form": given.get("link_form") or EvidenceLinkForm(),
        "kinds": evidence.Kind,
    }


@login_required
def score_page(request, pk: int):
    score = selectors.score_or_404(request.user, pk)
    return render(request, "assessment/score.html", _score_context(request, score))


@login_required
@require_POST
def evidence_add(request, pk: int):
    score = selectors.score_or_404(request.user, pk)
    url = reverse("assessment:score", args=[score.pk])
    if "record" in request.POST:
        kind, _sep, record = request.POST["record"].partition(":")
        try:
            record_pk = int(record)
        except ValueError:
            raise Http404 from None
        attempt(
            request, lambda: evidence.attach_record(request.user, score, kind, record_pk), "Đã gắn tài liệu."
        )
        return redirect(url)
    if "url" in request.POST:
        form, key = EvidenceLinkForm(request.POST), "link_form"
        call = lambda d: evidence.add_link(request.user, score, d["url"], d["title"])  # noqa: E731
    else:
        form, key = EvidenceFileForm(request.POST, request.FILES), "file_form"
        call = lambda d: evidence.add_file(request.user, score, d["file"])  # noqa: E731
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã thêm tài liệu kiểm chứng.")
            return redirect(url)
    return render(request, "assessment/score.html", _score_context(request, score, **{key: form}), status=400)


@login_required
@require_POST
def evidence_delete(request, pk: int):
    e = selectors.evidence_or_404(request.user, pk)
    attempt(request, lambda: evidence.delete(request.user, e), "Đã xóa tài liệu.")
    return redirect("assessment:score", pk=e.score_id)


@login_required
def evidence_file(request, pk: int):
    """An evidence file, to those who may read the assessment; never from the web root."""
    e = selectors.evidence_or_404(request.user, pk)
    if not e.file:
        raise Http404
    response = FileResponse(
        e.file.open("rb"), as_attachment=True, filename=e.title, content_type=e.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
