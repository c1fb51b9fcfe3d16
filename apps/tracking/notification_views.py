"""The user's notices: the list (mark read by selection or all at once) and the email choice."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from apps.tracking import services
from apps.tracking.models import Notification, NotificationPreference
from apps.tracking.selectors import unread_count

PAGE_SIZE = 50


@login_required
def notifications(request):
    qs = Notification.objects.filter(user=request.user)
    only_unread = request.GET.get("loc") == "chua-doc"
    if only_unread:
        qs = qs.filter(read_at__isnull=True)
    page = Paginator(qs.only("pk", "text", "url", "created_at", "read_at"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "items": page.object_list,
        "only_unread": only_unread,
        "unread": unread_count(request.user),
    }
    return render(request, "tracking/notifications.html", context)


@login_required
def notification_open(request, pk: int):
    """Follow a notice's link and count it as read (the user's own notices only; 404 otherwise)."""
    note = get_object_or_404(Notification, pk=pk, user=request.user)
    if note.read_at is None:
        services.mark_notifications_read(request.user, [note.pk])
    safe = url_has_allowed_host_and_scheme(note.url, allowed_hosts={request.get_host()})
    return redirect(note.url if note.url and safe else "tracking:notifications")


@login_required
def unread_badge(request):
    """The top bar's count, fetched by HTMX after the page loads (and every two minutes), so no
    page pays a query for it and the count stays fresh while a page is open."""
    n = unread_count(request.user)
    html = (
        f'<span class="count" data-unread>{n}</span><span class="visually-hidden"> chưa đọc</span>'
        if n
        else ""
    )
    response = HttpResponse(html)
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def notifications_read(request):
    """``chon`` = "tat-ca": every unread notice; otherwise the ticked ``id`` values (the user's own)."""
    if request.POST.get("chon") == "tat-ca":
        done = services.mark_notifications_read(request.user)
    else:
        ids = [int(v) for v in request.POST.getlist("id") if v.isdigit()]
        if not ids:
            messages.error(
                request,
                "Chưa chọn thông báo nào: đánh dấu ô bên cạnh thông báo, hoặc bấm “Đánh dấu đã đọc tất cả”.",
            )
            return redirect(_back(request))
        done = services.mark_notifications_read(request.user, ids)
    messages.success(request, f"Đã đánh dấu {done} thông báo là đã đọc.")
    return redirect(_back(request))


def _back(request) -> str:
    from django.urls import reverse

    url = reverse("tracking:notifications")
    return url + "?loc=chua-doc" if request.POST.get("loc") == "chua-doc" else url


class PreferenceForm(forms.Form):
    email = forms.ChoiceField(
        label="Nhận thông báo qua thư điện tử",
        choices=NotificationPreference.Email.choices,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": "Chọn một trong ba cách nhận thư ở trên.",
            "required": "Chọn một trong ba cách nhận thư ở trên.",
        },
    )


@login_required
def notification_settings(request):
    current = NotificationPreference.objects.filter(user=request.user).first()
    initial = {"email": current.email if current else NotificationPreference.Email.DAILY}
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_notification_preference(request.user, form.cleaned_data["email"])
        messages.success(request, "Đã lưu cách nhận thông báo.")
        return redirect("tracking:notification_settings")
    return render(
        request, "tracking/notification_settings.html", {"form": form, "has_email": bool(request.user.email)}
    )
