"""Forms of follow-up pages; the rules themselves are in services (one place)."""

from __future__ import annotations

from django import forms

from apps.tracking.models import ProgressReport
from cchc.concurrency import VersionField


class ReportForm(forms.Form):
    text = forms.CharField(label="Kết quả thực hiện", widget=forms.Textarea(attrs={"rows": 5}))
    percent = forms.IntegerField(label="Tiến độ (%)", min_value=0, max_value=100, initial=0)
    progress = forms.ChoiceField(label="Tình trạng", choices=ProgressReport.Progress.choices)
    reason = forms.CharField(
        label="Lý do (khi chưa triển khai hoặc không thực hiện được)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = VersionField()  # 0 when the milestone has no report yet


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
