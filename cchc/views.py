from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection, transaction
from django.http import JsonResponse
from django.shortcuts import render

from apps.accounts.policy import subject, visible_units
from cchc.cli import is_read_only
from cchc.navigation import home_panels_for


@login_required
def home(request):
    """The user's cockpit (panels registered by the apps: what is late, what waits, the next report)
    and their roles. The menu already lists what they may open, so no buttons repeat it here."""
    memberships = sorted(subject(request.user).memberships, key=lambda m: m.org_unit.name)
    return render(
        request,
        "home.html",
        {
            "memberships": memberships,
            "n_units": visible_units(request.user).count(),
            "panels": home_panels_for(request.user),
        },
    )


def healthz(request):
    """For load balancers: 200 when the database answers *and can be written*, else 503 with why.

    A database that only reads (a disk remounted read-only, a replica after a failover) would let
    pages show while every login fails; the probe writes one row in a transaction it rolls back."""
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE django_migrations SET app = app WHERE id = (SELECT MIN(id) FROM django_migrations)"
                )
            transaction.set_rollback(True)
    except DatabaseError as exc:
        detail = (
            "cơ sở dữ liệu chỉ đọc, không ghi được" if is_read_only(exc) else "không ghi được cơ sở dữ liệu"
        )
        return JsonResponse({"status": "error", "detail": f"{detail}: {str(exc)[:200]}"}, status=503)
    return JsonResponse({"status": "ok"})


def admin_login(request):
    """The admin site's login page sends people to the one throttled login (then back)."""
    from urllib.parse import urlencode

    from django.shortcuts import redirect
    from django.urls import reverse
    from django.utils.http import url_has_allowed_host_and_scheme

    wanted = request.GET.get("next", "/admin/")
    if not url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        wanted = "/admin/"
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': wanted})}")


def forbidden(request, exception=None):
    message = str(exception) if exception and str(exception) else "Bạn không có quyền truy cập trang này."
    return render(request, "403.html", {"message": message}, status=403)


def not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page, in Vietnamese and without the database (which may be what failed)."""
    from cchc.middleware import error_page

    return error_page(
        500,
        "Đã có lỗi",
        "Đã có lỗi trong hệ thống; thao tác của bạn chưa hoàn tất. Vui lòng thử lại, "
        "nếu vẫn lỗi hãy báo cho bộ phận kỹ thuật (thời điểm xảy ra giúp tìm nguyên nhân).",
    )
