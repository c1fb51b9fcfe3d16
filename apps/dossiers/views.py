"""Dossier register pages: imports (upload, column mapping, progress, errors), the catalogue."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require, subject
from apps.dossiers import catalogue, exports, services
from apps.dossiers.forms import CatalogueForm, MappingForm, UploadForm
from apps.dossiers.models import ColumnMapping, DossierImport, Procedure
from apps.jobs.selectors import latest_for
from cchc.web import attempt

ERRORS_SHOWN = 200


def _imports(user):
    """Imports the user may see: their own, and those filed under a unit they may import for."""
    rows = DossierImport.objects.select_related("org_unit", "created_by", "mapping")
    s = subject(user)
    if s.is_root:
        return rows
    return rows.filter(created_by=user) | rows.filter(org_unit_id__in=s.units_for({"admin", "officer"}))


def _import(request, pk: int) -> DossierImport:
    imp = _imports(request.user).filter(pk=pk).first()
    if imp is None:
        raise Http404("Không có lần nhập này.")
    return imp


@login_required
def index(request):
    if not can(request.user, "dossiers.view"):
        raise Http404
    may_import = services.may_import(request.user)
    page = Paginator(_imports(request.user).order_by("-created_at"), 25).get_page(request.GET.get("page"))
    return render(request, "dossiers/index.html", {
        "page": page, "form": UploadForm() if may_import else None, "may_import": may_import,
        "mappings": ColumnMapping.objects.all(), "may_catalogue": can(request.user, "dossiers.catalogue"),
        "may_indicators": can(request.user, "indicators.view"),
    })  # fmt: skip


@login_required
def template(request, ext: str):
    if ext not in ("csv", "xlsx"):
        raise Http404
    if ext == "xlsx":
        response = HttpResponse(exports.template_xlsx(), content_type=exports.XLSX_TYPE)
    else:
        response = HttpResponse(exports.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-ho-so-tthc.{ext}"'
    return response


@login_required
@require_POST
def upload(request):
    require(request.user, "dossiers.import")
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Chọn tệp CSV hoặc Excel để nhập.")
        return redirect("dossiers:index")
    try:
        imp = services.upload(request.user, form.cleaned_data["file"], mapping=form.cleaned_data["mapping"],
                              dry_run=form.cleaned_data["dry_run"])  # fmt: skip
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("dossiers:index")
    if imp.status == DossierImport.Status.MAPPING:
        return redirect("dossiers:mapping", pk=imp.pk)
    return redirect("dossiers:import", pk=imp.pk)


@login_required
def import_page(request, pk: int):
    imp = _import(request, pk)
    errors = imp.row_errors.order_by("row", "id")[:ERRORS_SHOWN]
    return render(request, "dossiers/import.html", {
        "imp": imp, "job": latest_for(imp, services.KIND), "errors": errors,
        "may_rerun": imp.created_by_id == request.user.pk and services.may_import(request.user) and bool(imp.file),
    })  # fmt: skip


@login_required
def mapping(request, pk: int):
    imp = _import(request, pk)
    require(request.user, "dossiers.import")
    if imp.status != DossierImport.Status.MAPPING:
        return redirect("dossiers:import", pk=imp.pk)
    header = services.file_header(imp)
    form = MappingForm(
        request.POST or None, header=header, initial_columns=imp.mapping.columns if imp.mapping else None
    )
    if request.method == "POST" and form.is_valid():
        done = attempt(request, lambda: services.save_mapping(request.user, imp, form.columns(), form.cleaned_data["name"]),
                       "Đã lưu ánh xạ cột; bắt đầu nhập.")  # fmt: skip
        if done:
            return redirect("dossiers:import", pk=imp.pk)
    return render(request, "dossiers/mapping.html", {"imp": imp, "form": form, "header": header})


@login_required
@require_POST
def rerun(request, pk: int):
    imp = _import(request, pk)
    dry_run = request.POST.get("chay-thu") == "1"
    try:
        again = services.rerun(request.user, imp, dry_run=dry_run)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("dossiers:import", pk=imp.pk)
    return redirect("dossiers:import", pk=again.pk)


@login_required
def errors(request, pk: int, ext: str):
    imp = _import(request, pk)
    if ext not in ("csv", "xlsx"):
        raise Http404
    if ext == "xlsx":
        response = HttpResponse(exports.errors_xlsx(imp), content_type=exports.XLSX_TYPE)
    else:
        response = HttpResponse(exports.errors_csv(imp), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="loi-nhap-ho-so-{imp.pk}.{ext}"'
    return response


@login_required
def procedures(request):
    if not can(request.user, "dossiers.view"):
        raise Http404
    form = CatalogueForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST":
        require(request.user, "dossiers.catalogue")
        if form.is_valid():
            try:
                result = catalogue.import_catalogue(request.user, form.cleaned_data["file"].read())
            except ValidationError as exc:
                form.add_error("file", " ".join(exc.messages))
            if result is not None and not result.errors:
                messages.success(
                    request, f"Đã nhập danh mục: {result.created} thủ tục mới, {result.updated} cập nhật."
                )
                return redirect("dossiers:procedures")
    rows = Procedure.objects.select_related("sector").order_by("sector__name", "code")
    return render(request, "dossiers/procedures.html", {"rows": rows, "form": form, "result": result,
                  "may_edit": can(request.user, "dossiers.catalogue")})  # fmt: skip


@login_required
def procedures_template(request):
    response = HttpResponse(catalogue.template_bytes(), content_type=exports.XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-danh-muc-tthc.xlsx"'
    return response
