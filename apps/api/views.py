"""The API page: push tokens of the units the user administers, and where the OpenAPI schema is."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from apps.accounts.policy import can, visible_units
from apps.api import services
from apps.api.models import ApiToken


def _units(user):
    return [u for u in visible_units(user).order_by("level", "name") if can(user, "api.tokens", u)]


@login_required
def index(request):
    units = _units(request.user)
    if not units:
        raise Http404
    tokens = ApiToken.objects.filter(org_unit__in=units).select_related("org_unit", "created_by")
    secret = request.session.pop("api_secret", None)
    return render(request, "api/index.html", {"units": units, "tokens": tokens, "secret": secret})


@login_required
@require_POST
def issue(request):
    units = {u.pk: u for u in _units(request.user)}
    unit = units.get(int(request.POST.get("don-vi") or 0))
    if unit is None:
        raise Http404
    try:
        _token, secret = services.issue(request.user, unit, request.POST.get("ten", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("api:index")
    request.session["api_secret"] = secret  # shown once on the next page, then gone
    return redirect("api:index")


@login_required
@require_POST
def revoke(request, pk: int):
    token = get_object_or_404(ApiToken.objects.select_related("org_unit"), pk=pk)
    if not can(request.user, "api.tokens", token.org_unit):
        raise Http404
    services.revoke(request.user, token)
    messages.success(request, f"Đã thu hồi khóa {token}.")
    return redirect("api:index")
