"""Forms of citizen voice. They shape input; the rules (text limits, files, statuses) live in
``core.petitions`` and the services, so the public page and staff entry apply the same ones."""

from __future__ import annotations

from captcha.fields import CaptchaField
from django import forms

from apps.orgs.models import Agency, OrgUnit
from core.petitions import (
    CHANNEL_LABELS,
    MAX_TEXT,
    REDIRECT_LABELS,
    SUBJECT_LABELS,
    Channel,
    text_problems,
)
from core.satisfaction import FACTORS, LIKERT

SUBJECT_CHOICES = [(k.value, v) for k, v in SUBJECT_LABELS.items()]
STAFF_CHANNEL_CHOICES = [(k.value, v) for k, v in CHANNEL_LABELS.items() if k is not Channel.WEB]
REDIRECT_CHOICES = [(k.value, v) for k, v in REDIRECT_LABELS.items()]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the service checks each by content and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(d, initial) for d in items if d]


class Challenge(CaptchaField):
    """The self-hosted challenge (django-simple-captcha): a small multiplication drawn as an image."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", "Mã xác nhận: nhập kết quả phép tính trong ảnh")
        kwargs.setdefault(
            "error_messages", {"invalid": "Mã xác nhận chưa đúng hoặc đã hết hạn; vui lòng thử lại."}
        )
        super().__init__(**kwargs)


class Honeypot(forms.CharField):
    """A field people never see (hidden by the stylesheet) and robots fill in."""

    def __init__(self, **kwargs):
        super().__init__(required=False, label="Để trống ô này", **kwargs)


def active_units():
    return (
        OrgUnit.objects.filter(valid_to__isnull=True)
        .exclude(level=OrgUnit.Level.DISTRICT)
        .order_by("level", "name")
    )


class PetitionFields(forms.Form):
    """What a petition says, whoever types it (the citizen or an officer taking a call)."""

    org_unit = forms.ModelChoiceField(
        label="Gửi đến", queryset=OrgUnit.objects.none(), empty_label="— Chọn xã, phường, tỉnh —"
    )
    subject = forms.ChoiceField(
        label="Phản ánh, kiến nghị về", choices=SUBJECT_CHOICES, widget=forms.RadioSelect
    )
    procedure_name = forms.CharField(
        label="Thủ tục hành chính liên quan (nếu có)", max_length=300, required=False
    )
    dossier_code = forms.CharField(label="Mã hồ sơ (nếu có, in trên giấy hẹn)", max_length=60, required=False)
    official_name = forms.CharField(
        label="Cán bộ, công chức được phản ánh (nếu có)", max_length=200, required=False
    )
    text = forms.CharField(
        label="Nội dung",
        max_length=MAX_TEXT * 2,  # the service says how long is too long, in Vietnamese
        widget=forms.Textarea(attrs={"rows": 7}),
        required=False,
    )
    anonymous = forms.BooleanField(label="Không nêu tên", required=False)
    sender_name = forms.CharField(label="Họ và tên", max_length=150, required=False)
    sender_phone = forms.CharField(label="Điện thoại", max_length=20, required=False)
    sender_email = forms.EmailField(
        label="Thư điện tử (để nhận thông báo kết quả)",
        required=False,
        error_messages={"invalid": "Địa chỉ thư điện tử chưa đúng."},
    )
    sender_address = forms.CharField(label="Địa chỉ liên hệ", max_length=300, required=False)
    files = MultipleFileField(label="Tệp đính kèm")

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = units if units is not None else active_units()

    def clean_text(self) -> str:
        """The text rules of ``core.petitions`` shown beside the field, with every other error at
        once (the service applies the same rules again before saving)."""
        text = self.cleaned_data.get("text", "")
        problems = text_problems(text)
        if problems:
            raise forms.ValidationError(problems)
        return text


class PublicPetitionForm(PetitionFields):
    website = Honeypot()
    captcha = Challenge()


class StaffPetitionForm(PetitionFields):
    channel = forms.ChoiceField(label="Kênh tiếp nhận", choices=STAFF_CHANNEL_CHOICES)
    field_order = ["org_unit", "channel"]


class LookupForm(forms.Form):
    ma = forms.CharField(label="Mã tra cứu", max_length=40)


class SupplementForm(forms.Form):
    text = forms.CharField(
        label="Nội dung bổ sung", widget=forms.Textarea(attrs={"rows": 4}), max_length=MAX_TEXT * 2
    )
    files = MultipleFileField(label="Tệp bổ sung")
    captcha = Challenge()


class FeedbackForm(forms.Form):
    satisfied = forms.TypedChoiceField(
        label="Ông/Bà có hài lòng với kết quả trả lời?",
        choices=[("1", "Hài lòng"), ("0", "Không hài lòng")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )


# --- staff steps --------------------------------------------------------------------------------


class AgencyChoice(forms.ModelChoiceField):
    def __init__(self, unit, **kwargs):
        super().__init__(
            queryset=Agency.objects.filter(org_unit=unit, is_active=True).order_by("name"),
            label=kwargs.pop("label", "Cơ quan xử lý"),
            **kwargs,
        )


class ClassifyForm(forms.Form):
    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = AgencyChoice(
            unit, required=False, label="Giao ngay cho cơ quan (không bắt buộc)"
        )


class RedirectForm(forms.Form):
    kind = forms.ChoiceField(label="Loại đơn", choices=REDIRECT_CHOICES)
    reason = forms.CharField(label="Lý do và hướng dẫn người gửi", widget=forms.Textarea(attrs={"rows": 3}))


class TextForm(forms.Form):
    text = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 4}))


class AssignForm(forms.Form):
    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = AgencyChoice(unit)


class TransferForm(forms.Form):
    org_unit = forms.ModelChoiceField(label="Chuyển đến đơn vị", queryset=OrgUnit.objects.none())
    reason = forms.CharField(label="Lý do chuyển", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, exclude=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org_unit"].queryset = active_units().exclude(pk=exclude)


class AnswerForm(forms.Form):
    text = forms.CharField(label="Nội dung trả lời", widget=forms.Textarea(attrs={"rows": 7}))
    files = MultipleFileField(label="Văn bản trả lời kèm theo (nếu có)")


class PublishForm(forms.Form):
    summary = forms.CharField(
        label="Tóm tắt nội dung phản ánh để công khai (không ghi thông tin cá nhân)",
        widget=forms.Textarea(attrs={"rows": 4}),
    )


# --- surveys ------------------------------------------------------------------------------------

FACTOR_CHOICES = list(FACTORS.items())
LIKERT_CHOICES = [(str(k), v) for k, v in LIKERT.items()]


class RoundForm(forms.Form):
    title = forms.CharField(label="Tên đợt khảo sát", max_length=200)
    opens_on = forms.DateField(label="Từ ngày (dd/mm/yyyy)")
    closes_on = forms.DateField(label="Đến ngày (dd/mm/yyyy)")
    units = forms.ModelMultipleChoiceField(
        label="Đơn vị được khảo sát",
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = active_units().filter(pk__in=unit.subtree_ids())


class QuestionForm(forms.Form):
    factor = forms.ChoiceField(label="Yếu tố", choices=FACTOR_CHOICES)
    text = forms.CharField(label="Câu hỏi", max_length=300)


class ResponseForm(forms.Form):
    """One questionnaire: a 1-5 scale per question (left blank: không ý kiến), the unit, a comment."""

    def __init__(self, *args, questions, units, paper=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.fields["org_unit"] = forms.ModelChoiceField(
            label="Cơ quan, đơn vị Ông/Bà đã liên hệ", queryset=units
        )
        if units.count() == 1:
            self.fields["org_unit"].initial = units.first().pk
        for q in self.questions:
            self.fields[f"q{q.pk}"] = forms.ChoiceField(
                label=q.text, choices=LIKERT_CHOICES, widget=forms.RadioSelect, required=False
            )
        self.fields["comment"] = forms.CharField(
            label="Ý kiến khác (nếu có)",
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )
        if paper:
            self.fields["form_number"] = forms.CharField(
                label="Số phiếu (in trên phiếu giấy)", max_length=30, required=False
            )
        else:
            self.fields["website"] = Honeypot()
            self.fields["captcha"] = Challenge()

    def answers(self) -> dict[str, str]:
        return {str(q.pk): self.cleaned_data.get(f"q{q.pk}") for q in self.questions}

    def grouped(self):
        """The question fields grouped by SIPAS factor, in the official order, for the template."""
        groups = []
        for code, name in FACTORS.items():
            fields = [self[f"q{q.pk}"] for q in self.questions if q.factor == code]
            if fields:
                groups.append((name, fields))
        return groups


class SipasImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel kết quả SIPAS (.xlsx)")
    source = forms.CharField(
        label="Nguồn (quyết định, báo cáo công bố)",
        max_length=300,
        help_text="Ví dụ: Báo cáo SIPAS 2024 của Bộ Nội vụ",
    )


class RatingCodeForm(forms.Form):
    ma = forms.CharField(label="Mã hồ sơ (in trên giấy hẹn trả kết quả)", max_length=60)
    kt = forms.CharField(label="Mã đánh giá (10 ký tự, ví dụ ABCDE-FGHJK)", max_length=20)


class RatingForm(forms.Form):
    score = forms.ChoiceField(
        label="Ông/Bà hài lòng thế nào với việc giải quyết hồ sơ này?",
        choices=[(str(k), v) for k, v in sorted(LIKERT.items(), reverse=True)],
        widget=forms.RadioSelect,
        error_messages={"required": "Vui lòng chọn một mức hài lòng."},
    )
    comment = forms.CharField(
        label="Góp ý thêm (nếu có)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
