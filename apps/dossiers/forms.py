from django import forms

from apps.dossiers.models import ColumnMapping
from apps.dossiers.pipeline.source import column_key
from core.dossiers.fields import ALL_COLUMNS, COLUMN_HELP, REQUIRED_COLUMNS


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp hồ sơ (CSV hoặc Excel .xlsx)")
    mapping = forms.ModelChoiceField(
        label="Nguồn dữ liệu (ánh xạ cột đã khai báo)",
        queryset=ColumnMapping.objects.all(),
        required=False,
        empty_label="Mẫu chuẩn (tên cột quốc gia)",
    )
    dry_run = forms.BooleanField(label="Chạy thử: chỉ kiểm tra, chưa ghi hồ sơ", required=False)


class MappingForm(forms.Form):
    """One select per canonical column, offering the file's headers; the guess is preselected."""

    name = forms.CharField(label="Tên nguồn dữ liệu (để dùng lại lần sau)", max_length=120)

    def __init__(self, *args, header: list[str], initial_columns: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", "— không có —")] + [(h, h) for h in header if h]
        guessed = dict(initial_columns or {})
        by_key = {column_key(h): h for h in header if h}
        for column in ALL_COLUMNS:
            guess = guessed.get(column) or by_key.get(column_key(column), "")
            self.fields[f"col_{column}"] = forms.ChoiceField(
                label=column, help_text=COLUMN_HELP[column], choices=choices, required=column in REQUIRED_COLUMNS,
                initial=guess,
            )  # fmt: skip

    def columns(self) -> dict[str, str]:
        return {c: self.cleaned_data.get(f"col_{c}") or "" for c in ALL_COLUMNS}


class CatalogueForm(forms.Form):
    file = forms.FileField(label="Tệp danh mục TTHC (.xlsx)")
