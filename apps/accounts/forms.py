from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from apps.accounts.models import AGENCY_ROLES, Membership, Role, User
from apps.orgs.models import Agency


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }


class UserForm(forms.ModelForm):
    password = forms.CharField(
        label=_("Mật khẩu ban đầu"),
        widget=forms.PasswordInput,
        required=False,
        help_text=_("Để trống khi sửa nếu không đổi mật khẩu."),
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "phone", "is_active"]

    def save(self, commit: bool = True):
        user = super().save(commit=False)
        if self.cleaned_data.get("password"):
            user.set_password(self.cleaned_data["password"])
        elif user.pk is None:
            user.set_unusable_password()
        if commit:
            user.save()
        return user


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["org_unit", "agency", "role"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["org_unit"].queryset = units
            self.fields["agency"].queryset = Agency.objects.filter(org_unit__in=units).select_related(
                "org_unit"
            )
        self.fields["agency"].label_from_instance = lambda a: f"{a.name} ({a.org_unit})"

    def clean(self):
        data = super().clean()
        agency, unit, role = data.get("agency"), data.get("org_unit"), data.get("role")
        if role in AGENCY_ROLES and agency is None:
            self.add_error("agency", _("Vai trò này cần chọn cơ quan."))
        if agency and unit and agency.org_unit_id != unit.pk:
            self.add_error("agency", _("Cơ quan không thuộc đơn vị đã chọn."))
        return data


ROLE_CHOICES = Role.choices
