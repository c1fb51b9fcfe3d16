"""Forms of the report pages; the rules themselves live in services (one place)."""

from __future__ import annotations

from django import forms

from apps.reports.models import KIND_CHOICES, Indicator
from cchc.concurrency import VersionField
from core.plandoc.model import AREAS
from core.reporting.data import RESULT_AREAS


def _text(label: str, rows: int = 5, required: bool = False) -> forms.CharField:
    return forms.CharField(label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}))


class NarrativeForm(forms.Form):
    """The header details and the narrative of a draft report."""

    parent_body = forms.CharField(label="Cơ quan chủ quản (nếu có)", max_length=200, required=False)
    number = forms.CharField(label="Số (để trống để văn thư cấp số)", max_length=20, required=False)
    place = forms.CharField(label="Địa danh", max_length=100, required=False)
    report_date = forms.DateField(label="Ngày báo cáo (dd/mm/yyyy)", required=False)
    direction = _text("I. Công tác chỉ đạo, điều hành", 6)
    achievements = _text("III.1. Kết quả đạt được")
    limitations = _text("III.2. Tồn tại, hạn chế")
    causes = _text("III.3. Nguyên nhân", 3)
    next_tasks = _text("IV. Phương hướng, nhiệm vụ kỳ tới")
    proposals = _text("V. Đề xuất, kiến nghị", 3)
    recipients = _text("Nơi nhận (mỗi dòng một nơi)", 4)
    signer_authority = forms.CharField(label="Thẩm quyền ký", max_length=100)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=100)
    signer_name = forms.CharField(label="Họ tên người ký", max_length=150, required=False)
    revision = VersionField()

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for n, code in enumerate(RESULT_AREAS, 1):
            self.fields[f"area_{code}"] = _text(f"II.{n}. {AREAS[code]}", 6)

    def area_fields(self):
        return [self[f"area_{code}"] for code in RESULT_AREAS]

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data["area_texts"] = {code: data.pop(f"area_{code}", "") for code in RESULT_AREAS}
        data.pop("revision", None)
        return data


class SignForm(forms.Form):
    scan = forms.FileField(label="Bản scan báo cáo đã ký, đóng dấu (PDF)")


class IndicatorValueForm(forms.Form):
    indicator = forms.ModelChoiceField(label="Chỉ số", queryset=Indicator.objects.all())
    value = forms.CharField(label="Giá trị", max_length=20, help_text="Ví dụ: 97,5 (tỷ lệ % từ 0 đến 100)")
    source = forms.CharField(label="Nguồn số liệu", max_length=300)
    evidence_note = _text("Ghi chú, tài liệu kiểm chứng", 2)


class PeriodRuleForm(forms.Form):
    kind = forms.ChoiceField(label="Kỳ báo cáo", choices=KIND_CHOICES)
    start_month = forms.IntegerField(
        label="Tháng bắt đầu",
        min_value=-11,
        max_value=12,
        help_text="0 = tháng 12 năm trước; kỳ tháng: 0 = tháng báo cáo, -1 = tháng trước",
    )
    start_day = forms.IntegerField(label="Ngày bắt đầu", min_value=1, max_value=31)
    end_month = forms.IntegerField(label="Tháng chốt số liệu", min_value=-11, max_value=12)
    end_day = forms.IntegerField(label="Ngày chốt số liệu", min_value=1, max_value=31)
    due_month = forms.IntegerField(label="Tháng hạn gửi", min_value=-11, max_value=13)
    due_day = forms.IntegerField(label="Ngày hạn gửi", min_value=1, max_value=31)
    required = forms.BooleanField(label="Bắt buộc báo cáo", required=False)
    note = forms.CharField(label="Căn cứ", max_length=300, required=False)
