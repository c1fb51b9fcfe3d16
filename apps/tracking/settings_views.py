"""A unit's follow-up settings (reminder days, escalation, "due soon"), edited by its officers."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from apps.accounts.policy import require, visible_units
from apps.tracking import services
from apps.tracking.models import TrackingSettings
from core.tracking import parse_days_list


class TrackingSettingsForm(forms.ModelForm):
    class Meta:
        model = TrackingSettings
        fields = [
            "remind_before",
            "overdue_every",
            "escalate_head_after",
            "escalate_leader_after",
            "due_soon_days",
        ]

    def clean_remind_before(self):
        text = self.cleaned_data["remind_before"]
        try:
            days = parse_days_list(text)
        except ValueError as exc:
            raise forms.ValidationError(
                f"Ghi các số ngày cách nhau bởi dấu phẩy, ví dụ 5, 1 ({exc})."
            ) from exc
        return ", ".join(str(d) for d in days)

    def clean(self):
        data = super().clean()
        head, leader = data.get("escalate_head_after"), data.get("escalate_leader_after")
        if head is not None and leader is not None and leader < head:
            self.add_error(
                "escalate_leader_after", "Báo lãnh đạo UBND phải sau (hoặc cùng lúc) báo lãnh đạo cơ quan."
            )
        for name in ("overdue_every", "due_soon_days"):
            if data.get(name) == 0:
                self.add_error(name, "Phải lớn hơn 0.")
        return data


@login_required
def unit_settings(request, unit_pk: int):
    unit = get_object_or_404(visible_units(request.user), pk=unit_pk)
    require(request.user, "tracking.settings", unit)
    instance = TrackingSettings.objects.filter(org_unit=unit).first() or TrackingSettings(org_unit=unit)
    form = TrackingSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_tracking_settings(request.user, unit, form.cleaned_data)
        messages.success(request, "Đã lưu cấu hình đôn đốc.")
        return redirect("tracking:settings", unit_pk=unit.pk)
    return render(request, "tracking/settings.html", {"form": form, "unit": unit})
