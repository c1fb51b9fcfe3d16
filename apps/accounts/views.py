from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from apps.accounts import services, throttle
from apps.accounts.forms import LoginForm, MembershipForm, UserForm
from apps.accounts.models import Membership, User
from apps.accounts.policy import require
from apps.accounts.selectors import manageable_unit_ids, may_edit_user, users_for
from apps.orgs.models import OrgUnit
from cchc.web import attempt


class LoginView(auth_views.LoginView):
    """Django's login, throttled: the attempt is recorded before the password is checked
    (``throttle.reserve``), so a burst of concurrent guesses gets at most the limit of checks."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        if throttle.reserve(username, throttle.client_ip(request)) is None:
            # An unbound form: validating the posted one would check the password.
            form = self.get_form_class()(request)
            return render(
                request,
                self.template_name,
                {"form": form, "locked": True, "site_name": "CCHC"},
                status=429,
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        throttle.succeeded(form.cleaned_data.get("username") or form.get_user().get_username())
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):
        messages.success(self.request, "Đã đổi mật khẩu.")
        return super().form_valid(form)


def _admin_units(user):
    ids = manageable_unit_ids(user)
    return OrgUnit.objects.all() if ids is None else OrgUnit.objects.filter(pk__in=ids)


@login_required
def user_list(request):
    require(request.user, "accounts.manage")
    qs = users_for(request.user)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(username__icontains=q) | qs.filter(full_name__icontains=q)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page, "q": q})


@login_required
def user_create(request):
    require(request.user, "accounts.manage")
    units = _admin_units(request.user)
    user_form = UserForm(request.POST or None, prefix="u")
    member_form = MembershipForm(request.POST or None, prefix="m", units=units)
    if request.method == "POST" and user_form.is_valid() and member_form.is_valid():
        person, membership = user_form.save(commit=False), member_form.save(commit=False)
        try:
            services.create_user(request.user, person, membership)
        except ValidationError as exc:
            member_form.add_error(None, exc)
        else:
            messages.success(request, f"Đã tạo người dùng {person.username}.")
            return redirect("accounts:user_detail", pk=person.pk)
    return render(
        request, "accounts/user_form.html", {"form": user_form, "member_form": member_form, "creating": True}
    )


def _editable_user(request, pk: int) -> User:
    require(request.user, "accounts.manage")
    person = get_object_or_404(users_for(request.user), pk=pk)
    if not may_edit_user(request.user, person):
        raise PermissionDenied("Người dùng này có vai trò ngoài phạm vi bạn quản trị.")
    return person


@login_required
def user_detail(request, pk: int):
    person = _editable_user(request, pk)
    form = UserForm(request.POST or None, instance=person, prefix="u")
    member_form = MembershipForm(prefix="m", units=_admin_units(request.user))
    if request.method == "POST" and form.is_valid():
        services.save_user(request.user, form.save(commit=False))
        messages.success(request, "Đã lưu thông tin người dùng.")
        return redirect("accounts:user_detail", pk=person.pk)
    return render(
        request, "accounts/user_form.html", {"form": form, "member_form": member_form, "person": person}
    )


@login_required
@require_POST
def membership_add(request, pk: int):
    person = _editable_user(request, pk)
    form = MembershipForm(request.POST, prefix="m", units=_admin_units(request.user))
    if form.is_valid():
        membership = form.save(commit=False)
        attempt(
            request, lambda: services.add_membership(request.user, person, membership), "Đã thêm vai trò."
        )
    else:
        messages.error(
            request, "Không thêm được vai trò: " + "; ".join(e for errs in form.errors.values() for e in errs)
        )
    return redirect("accounts:user_detail", pk=person.pk)


@login_required
@require_POST
def membership_remove(request, pk: int, membership_id: int):
    person = _editable_user(request, pk)
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=membership_id, user=person)
    attempt(request, lambda: services.remove_membership(request.user, membership), "Đã bỏ vai trò.")
    return redirect("accounts:user_detail", pk=person.pk)
