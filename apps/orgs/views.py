"""Organisation pages: the unit tree, a unit with its agencies and groups, and the admin forms.

Views stay thin: they read through selectors, write through services, and ask the policy.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, require, visible_units
from apps.orgs import selectors, services
from apps.orgs.forms import (
    AgencyForm,
    AgencyGroupForm,
    AliasForm,
    MergeForm,
    OrgUnitForm,
    RenameForm,
    XlsxUploadForm,
)
from apps.orgs.models import Agency, AgencyGroup, Alias, OrgUnit
from apps.orgs.xlsx_import import import_xlsx, template_bytes

XLSX_MAX_BYTES = 5 * 1024 * 1024


def _save_or_report(form, save) -> bool:
    """Run a service; put its Vietnamese validation messages on the form instead of a 500."""
    try:
        save()
        return True
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return False


def _visible_unit(request, pk: int) -> OrgUnit:
    """A unit the user may see; others answer 404 so their existence is not revealed."""
    return get_object_or_404(visible_units(request.user), pk=pk)


@login_required
def unit_list(request):
    rows = selectors.unit_tree(request.user)
    return render(
        request, "orgs/unit_list.html", {"rows": rows, "may_manage": can(request.user, "orgs.manage")}
    )


@login_required
def unit_detail(request, pk: int):
    unit = _visible_unit(request, pk)
    context = selectors.unit_detail(unit)
    context["may_manage"] = can(request.user, "orgs.manage", unit)
    context["may_configure_tracking"] = can(request.user, "tracking.settings", unit)
    context["alias_form"] = AliasForm()
    return render(request, "orgs/unit_detail.html", context)


@login_required
def unit_edit(request, pk: int | None = None, parent_pk: int | None = None):
    unit = (
        _visible_unit(request, pk)
        if pk
        else OrgUnit(parent=_visible_unit(request, parent_pk) if parent_pk else None)
    )
    if unit.pk or unit.parent:
        require(request.user, "orgs.manage", unit if unit.pk else unit.parent)
    else:
        require(request.user, "orgs.create_top")
    form = OrgUnitForm(request.POST or None, instance=unit, parents=visible_units(request.user))
    if request.method == "POST" and form.is_valid():
        if _save_or_report(form, lambda: services.save_unit(request.user, form.instance)):
            messages.success(request, f"Đã lưu {form.instance}.")
            return redirect("orgs:unit_detail", pk=form.instance.pk)
    return render(
        request,
        "orgs/form.html",
        {"form": form, "title": "Sửa đơn vị" if pk else "Thêm đơn vị", "back": unit.parent},
    )


@login_required
def agency_edit(request, unit_pk: int, pk: int | None = None):
    unit = _visible_unit(request, unit_pk)
    require(request.user, "orgs.manage", unit)
    agency = get_object_or_404(Agency, pk=pk, org_unit=unit) if pk else Agency(org_unit=unit)
    form = AgencyForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        if _save_or_report(form, lambda: services.save_agency(request.user, form.instance)):
            messages.success(request, f"Đã lưu {form.instance}.")
            return redirect("orgs:unit_detail", pk=unit.pk)
    return render(request, "orgs/form.html", {"form": form, "title": f"Cơ quan của {unit}", "back": unit})


@login_required
def group_edit(request, unit_pk: int, pk: int | None = None):
    unit = _visible_unit(request, unit_pk)
    require(request.user, "orgs.manage", unit)
    group = get_object_or_404(AgencyGroup, pk=pk, org_unit=unit) if pk else AgencyGroup(org_unit=unit)
    form = AgencyGroupForm(request.POST or None, instance=group, org_unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        save = lambda: services.save_group(request.user, form.instance, data["members"], data["member_units"])  # noqa: E731
        if _save_or_report(form, save):
            messages.success(request, f"Đã lưu nhóm {form.instance}.")
            return redirect("orgs:unit_detail", pk=unit.pk)
    return render(
        request, "orgs/form.html", {"form": form, "title": f"Nhóm cơ quan của {unit}", "back": unit}
    )


@login_required
@require_POST
def alias_add(request, unit_pk: int, kind: str, pk: int):
    unit = _visible_unit(request, unit_pk)
    require(request.user, "orgs.manage", unit)
    target = get_object_or_404(Agency if kind == "agency" else AgencyGroup, pk=pk, org_unit=unit)
    form = AliasForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("Tên gọi khác không hợp lệ.")
        services.add_alias(
            request.user, unit, form.cleaned_data["text"], **{kind if kind == "agency" else "group": target}
        )
        messages.success(request, "Đã thêm tên gọi khác.")
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("orgs:unit_detail", pk=unit.pk)


@login_required
@require_POST
def alias_delete(request, unit_pk: int, pk: int):
    unit = _visible_unit(request, unit_pk)
    require(request.user, "orgs.manage", unit)
    alias = get_object_or_404(Alias, pk=pk, org_unit=unit)
    services.delete_alias(request.user, alias)
    messages.success(request, f'Đã xóa tên gọi "{alias.text}".')
    return redirect("orgs:unit_detail", pk=unit.pk)


@login_required
def unit_merge(request, pk: int):
    result = _visible_unit(request, pk)
    require(request.user, "orgs.manage", result)
    candidates = (
        visible_units(request.user).filter(level=result.level, valid_to__isnull=True).exclude(pk=result.pk)
    )
    form = MergeForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def save():
            services.merge_units(
                request.user, list(data["predecessors"]), result, data["effective_date"], data["note"]
            )

        if _save_or_report(form, save):
            messages.success(request, f"Đã ghi nhận sáp nhập vào {result}.")
            return redirect("orgs:unit_detail", pk=result.pk)
    return render(
        request, "orgs/form.html", {"form": form, "title": f"Sáp nhập vào {result}", "back": result}
    )


@login_required
def unit_rename(request, pk: int):
    unit = _visible_unit(request, pk)
    require(request.user, "orgs.manage", unit)
    form = RenameForm(request.POST or None, initial={"new_name": unit.name})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def save():
            services.rename_unit(request.user, unit, data["new_name"], data["effective_date"], data["note"])

        if _save_or_report(form, save):
            messages.success(request, f"Đã đổi tên thành {unit.name}.")
            return redirect("orgs:unit_detail", pk=unit.pk)
    return render(request, "orgs/form.html", {"form": form, "title": f"Đổi tên {unit}", "back": unit})


@login_required
def xlsx_template(request):
    require(request.user, "orgs.manage")
    response = HttpResponse(
        template_bytes(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-don-vi-co-quan.xlsx"'
    return response


@login_required
def xlsx_upload(request):
    require(request.user, "orgs.manage")
    form = XlsxUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        head = upload.read(4)
        upload.seek(0)
        if upload.size > XLSX_MAX_BYTES:
            form.add_error("file", "Tệp quá lớn (tối đa 5 MB).")
        elif head != b"PK\x03\x04":
            form.add_error("file", "Tệp không phải Excel .xlsx (nội dung không đúng định dạng).")
        else:
            result = import_xlsx(request.user, upload.read())
            if result.ok:
                messages.success(
                    request,
                    f"Đã nhập {result.units_created} đơn vị, {result.agencies_created} cơ quan, {result.aliases_created} tên gọi khác.",
                )
                return redirect("orgs:unit_list")
    return render(request, "orgs/import.html", {"form": form, "result": result})
