"""PAR INDEX home and frameworks: list, import (with the template), export, copy to a new year."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from apps.accounts.policy import can
from apps.assessment import forms, frameworks, selectors
from cchc import clock
from cchc.web import attempt
from core.scoring.framework import KIND_LABELS, NA_LABELS
from core.scoring.xlsx import template_spec, write_framework

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(data: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(data), as_attachment=True, filename=filename, content_type=XLSX_TYPE)


@login_required
def index(request):
    return render(request, "assessment/index.html", selectors.index(request.user))


@login_required
def framework_detail(request, pk: int):
    fw = selectors.framework_or_404(request.user, pk)
    criteria = list(fw.criteria.order_by("position"))
    return render(
        request,
        "assessment/framework.html",
        {
            "fw": fw,
            "criteria": criteria,
            "leaves": sum(1 for c in criteria if c.is_leaf),
            "in_use": frameworks.in_use(fw),
            "may_manage": can(request.user, "assessment.manage", fw),
            "copy_form": forms.CopyForm(initial={"year": fw.year + 1}),
            "round_form": forms.RoundForm(initial={"title": f"Xác định Chỉ số CCHC năm {fw.year}"}),
            "kind_labels": KIND_LABELS,
            "na_labels": NA_LABELS,
            "warnings": frameworks.unmeasured(fw.spec(criteria)),
        },
    )


@login_required
def framework_export(request, pk: int):
    fw = selectors.framework_or_404(request.user, pk)
    name = slugify(f"bo-chi-so-{fw.level}-{fw.year}-v{fw.version}-{fw.province.short_name}")
    return xlsx_response(write_framework(fw.spec()), f"{name}.xlsx")


@login_required
def framework_template(request):
    year = clock.today().year
    return xlsx_response(
        write_framework(template_spec(year, "commune", "tỉnh ...")), "mau-bo-chi-so-cchc.xlsx"
    )


@login_required
def framework_import(request):
    provinces = selectors.managed_provinces(request.user)
    if not provinces.exists():
        raise PermissionDenied("Chỉ Sở Nội vụ (chuyên viên CCHC, quản trị cấp tỉnh) được nhập bộ chỉ số.")
    form = forms.FrameworkImportForm(request.POST or None, request.FILES or None, provinces=provinces)
    errors, status = [], 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        outcome = frameworks.import_framework(
            request.user, d["province"], d["file"].read(), year=d["year"], level=d["level"]
        )
        if outcome.framework is not None:
            messages.success(request, f"Đã nhập bộ chỉ số “{outcome.framework}”.")
            for w in outcome.warnings:
                messages.warning(request, w)
            return redirect("assessment:framework", pk=outcome.framework.pk)
        errors, status = outcome.errors, 400
    return render(
        request, "assessment/framework_import.html", {"form": form, "errors": errors}, status=status
    )


@login_required
@require_POST
def framework_copy(request, pk: int):
    fw = selectors.framework_or_404(request.user, pk)
    form = forms.CopyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Năm không hợp lệ.")
        return redirect("assessment:framework", pk=fw.pk)
    try:
        copy = frameworks.copy_framework(request.user, fw, form.cleaned_data["year"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("assessment:framework", pk=fw.pk)
    messages.success(
        request, f"Đã sao chép thành “{copy}”. Sửa trên tệp Excel xuất ra rồi nhập lại nếu cần thay đổi."
    )
    return redirect("assessment:framework", pk=copy.pk)


@login_required
@require_POST
def framework_delete(request, pk: int):
    fw = selectors.framework_or_404(request.user, pk)
    if attempt(request, lambda: frameworks.delete_framework(request.user, fw), "Đã xóa bộ chỉ số."):
        return redirect("assessment:index")
    return redirect("assessment:framework", pk=fw.pk)
