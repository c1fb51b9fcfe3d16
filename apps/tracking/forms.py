"""Forms of follow-up pages; the rules themselves are in services (one place)."""

from __future__ import annotations

from django import forms
from django.conf import settings

from apps.tracking.models import ProgressReport
from apps.tracking.services import MAX_FILES
from cchc.concurrency import VersionField


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the content checks are the service's (one place)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in items if item]


class ReportForm(forms.Form):
    text = forms.CharField(label="Kết quả thực hiện", widget=forms.Textarea(attrs={"rows": 5}))
    percent = forms.IntegerField(label="Tiến độ (%)", min_value=0, max_value=100, initial=0)
    progress = forms.ChoiceField(label="Tình trạng", choices=ProgressReport.Progress.choices)
    reason = forms.CharField(
        label="Lý do (khi chưa triển khai hoặc không thực hiện được)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    files = MultipleFileField(
        label="Tài liệu kiểm chứng",
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.webp"}),
    )
    link_url = forms.URLField(
        label="Hoặc đường dẫn văn bản đã ban hành", max_length=500, required=False, assume_scheme="https"
    )
    link_title = forms.CharField(label="Tên văn bản", max_length=300, required=False)
    version = VersionField()  # 0 when the milestone has no report yet

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.UPLOAD_MAX_BYTES / 1048576
        self.fields[
            "files"
        ].help_text = f"PDF, Word, Excel hoặc ảnh; chọn được nhiều tệp (tối đa {MAX_FILES} tệp, mỗi tệp đến {limit:.0f} MB)."


class EvidenceFileForm(forms.Form):
    file = forms.FileField(label="Tệp kiểm chứng (PDF, Word, Excel, ảnh)")


class EvidenceLinkForm(forms.Form):
    url = forms.URLField(label="Đường dẫn văn bản đã ban hành", max_length=500, assume_scheme="https")
    title = forms.CharField(label="Tên văn bản", max_length=300, required=False)


class ReviewForm(forms.Form):
    comment = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    version = VersionField()


class ContributionForm(forms.Form):
    text = forms.CharField(label="Nội dung phối hợp", widget=forms.Textarea(attrs={"rows": 3}))


class ScheduleForm(forms.Form):
    due = forms.DateField(label="Hạn (dd/mm/yyyy)")
