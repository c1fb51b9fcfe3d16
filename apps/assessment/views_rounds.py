"""A round: open it from a framework, follow its units, move deadlines, import survey points,
publish; its results (ranking, radar, weakest criteria, earlier years) and their documents."""

from __future__ import annotations

import io
from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require
from apps.assessment import documents, forms, jobs, results, rounds, selectors, survey
from apps.assessment.views import xlsx_response
from apps.jobs.selectors import latest_for
from cchc.web import attempt
from core.reporting.radar import radar_svg
from core.scoring.rounds import STATUS_LABELS
from core.scoring.totals import area_percents

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@login_required
@require_POST
def round_create(request, framework_pk: int):
    fw = selectors.framework_or_404(request.user, framework_pk)
    require(request.user, "assessment.manage", fw)
    form = forms.RoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
        return redirect("assessment:framework", pk=fw.pk)
    try:
        rnd = rounds.create_round(
            request.user, fw, title=form.cleaned_data["title"], deadlines=form.deadlines()
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("assessment:framework", pk=fw.pk)
    messages.success(request, f"Đã mở đợt đánh giá cho {rnd.assessments.count()} đơn vị.")
    return redirect("assessment:round", pk=rnd.pk)


@login_required
def round_detail(request, pk: int):
    rnd = selectors.round_or_404(request.user, pk)
    see_all = can(request.user, "assessment.results", rnd)
    rows = results.round_results(rnd, weak_limit=0).rows if see_all else []
    visible = selectors.visible_assessments(request.user, rnd) if not see_all else []
    may_manage = can(request.user, "assessment.manage", rnd)
    statuses = Counter(r.assessment.status for r in rows)
    return render(
        request,
        "assessment/round.html",
        {
            "round": rnd,
            "rows": rows,
            "visible": visible,
            "see_all": see_all,
            "may_manage": may_manage,
            "statuses": [(STATUS_LABELS[s], n) for s, n in statuses.items()],
            "deadlines_form": forms.DeadlinesForm(
                initial={n: getattr(rnd, n) for n in forms.DeadlinesForm.base_fields}
            ),
            "survey_form": forms.UploadForm(),
            "publish_form": forms.PublishForm(initial={"signer": rnd.signer_name}),
            "job": latest_for(rnd, jobs.KIND) if may_manage else None,
        },
    )


@login_required
@require_POST
def round_compute(request, pk: int):
    """Recompute the data-backed criteria of every unit still self-scoring, in the background."""
    rnd = selectors.round_or_404(request.user, pk)
    require(request.user, "assessment.manage", rnd)
    jobs.start(request.user, rnd)
    messages.success(
        request, "Đã đưa vào hàng đợi: hệ thống tính lại các tiêu chí từ số liệu cho các đơn vị."
    )
    return redirect("assessment:round", pk=rnd.pk)


@login_required
@require_POST
def round_deadlines(request, pk: int):
    rnd = selectors.round_or_404(request.user, pk)
    form = forms.DeadlinesForm(request.POST)
    if form.is_valid():
        attempt(
            request, lambda: rounds.update_deadlines(request.user, rnd, form.deadlines()), "Đã cập nhật hạn."
        )
    else:
        messages.error(request, "Ngày không hợp lệ (dd/mm/yyyy).")
    return redirect("assessment:round", pk=rnd.pk)


@login_required
def survey_template(request, pk: int):
    rnd = selectors.round_or_404(request.user, pk)
    require(request.user, "assessment.manage", rnd)
    return xlsx_response(survey.template_bytes(rnd), f"diem-khao-sat-{rnd.year}.xlsx")


@login_required
@require_POST
def survey_import(request, pk: int):
    rnd = selectors.round_or_404(request.user, pk)
    form = forms.UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Vui lòng chọn tệp Excel.")
        return redirect("assessment:round", pk=rnd.pk)
    try:
        outcome = survey.import_survey(request.user, rnd, form.cleaned_data["file"].read())
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("assessment:round", pk=rnd.pk)
    if outcome.errors:
        messages.error(request, "Chưa lưu điểm khảo sát nào. " + " ".join(outcome.errors[:30]))
    else:
        messages.success(
            request, f"Đã nhập điểm khảo sát của {outcome.units} đơn vị ({outcome.changed} điểm thay đổi)."
        )
    return redirect("assessment:round", pk=rnd.pk)


@login_required
@require_POST
def round_publish(request, pk: int):
    rnd = selectors.round_or_404(request.user, pk)
    form = forms.PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Vui lòng nhập số và ngày quyết định (dd/mm/yyyy).")
        return redirect("assessment:round", pk=rnd.pk)
    d = form.cleaned_data
    attempt(
        request,
        lambda: rounds.publish(request.user, rnd, number=d["number"], day=d["day"], signer=d["signer"]),
        "Đã công bố kết quả: các đơn vị trong tỉnh xem được xếp hạng.",
    )
    return redirect("assessment:round", pk=rnd.pk)


def _results_or_403(request, pk: int):
    rnd = selectors.round_or_404(request.user, pk)
    if not can(request.user, "assessment.results", rnd):
        raise PermissionDenied("Kết quả xếp hạng chỉ xem được sau khi công bố.")
    return rnd


@login_required
def round_results(request, pk: int):
    rnd = _results_or_403(request, pk)
    res = results.with_history(results.round_results(rnd))
    chosen = None
    if request.GET.get("don-vi", "").isdigit():
        chosen = res.row_for(int(request.GET["don-vi"]))
    chosen = chosen or (res.rows[0] if res.rows else None)
    radar = ""
    if chosen is not None:
        means = res.area_means()
        radar = radar_svg(
            [a.title for a in res.scheme.areas],
            [
                (chosen.assessment.name, [p for _c, _t, p in area_percents(res.scheme, chosen.result)]),
                ("Bình quân toàn tỉnh", [means[a.code] for a in res.scheme.areas]),
            ],
            title=f"Chỉ số theo lĩnh vực — {chosen.assessment.name} và bình quân toàn tỉnh",
        )
    bands = Counter(r.result.band for r in res.rows)
    years = sorted({y for r in res.rows for y, _p, _r in r.history})
    return render(
        request,
        "assessment/results.html",
        {
            "round": rnd,
            "res": res,
            "chosen": chosen,
            "radar": radar,
            "areas_table": [
                (
                    a,
                    dict((c, p) for c, _t, p in area_percents(res.scheme, chosen.result)).get(a.code)
                    if chosen
                    else None,
                    res.area_means()[a.code],
                )
                for a in res.scheme.areas
            ],
            "bands": [(b.label, bands.get(b.label, 0)) for b in res.scheme.bands],
            "years": years,
        },
    )


@login_required
def results_xlsx(request, pk: int):
    rnd = _results_or_403(request, pk)
    data = documents.results_xlsx(results.round_results(rnd, weak_limit=50))
    return xlsx_response(data, f"ket-qua-chi-so-cchc-{rnd.year}-{slugify(rnd.province.short_name)}.xlsx")


@login_required
def decision_docx(request, pk: int):
    rnd = _results_or_403(request, pk)
    data = documents.decision_docx(rnd, results.round_results(rnd, weak_limit=0))
    name = f"quyet-dinh-cong-bo-chi-so-cchc-{rnd.year}-{slugify(rnd.province.short_name)}.docx"
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=name, content_type=DOCX_TYPE)


@login_required
def self_report_docx(request, pk: int):
    a = selectors.assessment_or_404(request.user, pk)
    if (
        a.status == "self"
        and not can(request.user, "assessment.self_score", a)
        and not can(request.user, "assessment.submit", a)
    ):
        raise Http404
    name = f"bao-cao-tu-danh-gia-chi-so-cchc-{a.round.year}-{slugify(a.name)}.docx"
    return FileResponse(
        io.BytesIO(documents.self_report_docx(a)), as_attachment=True, filename=name, content_type=DOCX_TYPE
    )
