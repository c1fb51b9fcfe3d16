from __future__ import annotations

from datetime import datetime, time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from apps.accounts.models import Role
from apps.accounts.policy import require, subject
from apps.audit.models import AuditEntry
from core.bounds import MAX_YEAR, MIN_YEAR, parse_day


def _parse_day(request, text: str):
    """A dd/mm/yyyy day of the filter; a message (and no filter) for anything else."""
    if not text:
        return None
    day = parse_day(text)
    if day is None:
        messages.error(
            request, f"Ngày lọc “{text[:20]}” không hợp lệ (dd/mm/yyyy, năm {MIN_YEAR}–{MAX_YEAR})."
        )
    return day


def entries_for(user):
    """Audit entries the user may browse: all for a superuser, else those of the units they cover
    as admin or officer (entries about users themselves stay with superusers)."""
    s = subject(user)
    qs = AuditEntry.objects.select_related("org_unit")
    if not s.is_root:
        qs = qs.filter(org_unit_id__in=s.units_for([Role.ADMIN, Role.OFFICER]))
    return qs


@login_required
def audit_list(request):
    require(request.user, "audit.view")
    qs = entries_for(request.user)
    f = {k: request.GET.get(k, "").strip() for k in ("model", "object_id", "actor", "from", "to")}
    if f["model"]:
        qs = qs.filter(model=f["model"])
    if f["object_id"]:
        qs = qs.filter(object_id=f["object_id"])
    if f["actor"]:
        qs = qs.filter(actor_name__icontains=f["actor"])
    tz = timezone.get_current_timezone()
    if day := _parse_day(request, f["from"]):
        qs = qs.filter(at__gte=datetime.combine(day, time.min, tz))
    if day := _parse_day(request, f["to"]):
        qs = qs.filter(at__lte=datetime.combine(day, time.max, tz))
    models = entries_for(request.user).order_by().values_list("model", flat=True).distinct()
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/list.html", {"page": page, "f": f, "models": sorted(set(models))})
