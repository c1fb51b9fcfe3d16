from django import forms

from apps.indicators.services import ENTERABLE


class FigureForm(forms.Form):
    code = forms.ChoiceField(label="Chỉ số", choices=[(c, f"{d.key} {d.name}") for c, d in ENTERABLE.items()])
    numerator = forms.DecimalField(
        label="Tử số", required=False, min_value=0, max_digits=14, decimal_places=2
    )
    denominator = forms.DecimalField(
        label="Mẫu số", required=False, min_value=0, max_digits=14, decimal_places=2
    )
    value = forms.DecimalField(label="Hoặc giá trị (%)", required=False, min_value=0, max_value=100, max_digits=7,
                               decimal_places=2)  # fmt: skip
    source = forms.CharField(label="Nguồn số liệu", max_length=300)


class ApologyForm(forms.Form):
    sent_on = forms.DateField(label="Ngày gửi phiếu xin lỗi", input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    note = forms.CharField(label="Ghi chú (lý do trễ, ngày hẹn lại)", max_length=300, required=False)
