"""Forms of the PAR INDEX pages. Points and rates accept "1,5" as well as "1.5"."""

from __future__ import annotations

from datetime import date

from django import forms

from core.scoring.framework import LEVEL_LABELS, parse_number
from core.scoring.rounds import STEP_LABELS, Deadlines


class PointsField(forms.CharField):
    """A number as officials type it: "1,5", "0.75", "" (empty)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 12)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "class": "points"})

    def clean(self, value):
        value = super().clean(value)
        try:
            return parse_number(value)
        except ValueError:
            raise forms.ValidationError(f"“{value}” không phải là số.") from None


class SelfScoreForm(forms.Form):
    points = PointsField(label="Điểm tự chấm")
    rate = PointsField(label="Tỷ lệ đạt (%)")
    na = forms.BooleanField(label="Không áp dụng", required=False)
    note = forms.CharField(
        label="Giải thích", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AppraiseForm(forms.Form):
    points = PointsField(label="Điểm thẩm định")
    na = forms.BooleanField(label="Không áp dụng", required=False)
    reason = forms.CharField(
        label="Lý do", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ExplainForm(forms.Form):
    text = forms.CharField(
        label="Giải trình", required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecideForm(forms.Form):
    note = forms.CharField(
        label="Kết luận của Hội đồng",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReopenForm(forms.Form):
    step = forms.ChoiceField(
        label="Bước mở lại", choices=[(k, v.capitalize()) for k, v in STEP_LABELS.items()]
    )
    until = forms.DateField(label="Mở đến hết ngày (dd/mm/yyyy)")
    reason = forms.CharField(label="Lý do", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class DeadlinesForm(forms.Form):
    self_due = forms.DateField(label="Hạn tự đánh giá, gửi kết quả")
    appraisal1_due = forms.DateField(label="Hạn thẩm định lần 1")
    explanation_due = forms.DateField(label="Hạn giải trình")
    appraisal2_due = forms.DateField(label="Hạn thẩm định lần 2")
    decision_due = forms.DateField(label="Hạn Hội đồng quyết định")

    def deadlines(self) -> Deadlines:
        return Deadlines(**{name: self.cleaned_data[name] for name in Deadlines.__dataclass_fields__})


class RoundForm(DeadlinesForm):
    title = forms.CharField(label="Tên đợt đánh giá", max_length=300)
    field_order = ["title"]


class FrameworkImportForm(forms.Form):
    file = forms.FileField(label="Tệp bộ chỉ số (.xlsx theo mẫu)")
    year = forms.IntegerField(label="Năm áp dụng", min_value=2000, max_value=2100, initial=date.today().year)
    level = forms.ChoiceField(label="Cấp áp dụng", choices=list(LEVEL_LABELS.items()))
    province = forms.ModelChoiceField(label="Tỉnh ban hành", queryset=None, empty_label=None)

    def __init__(self, *args, provinces=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces


class CopyForm(forms.Form):
    year = forms.IntegerField(label="Sao chép sang năm", min_value=2000, max_value=2100)


class PublishForm(forms.Form):
    number = forms.CharField(label="Số quyết định công bố", max_length=40)
    day = forms.DateField(label="Ngày quyết định (dd/mm/yyyy)")
    signer = forms.CharField(label="Người ký", max_length=150, required=False)


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")
