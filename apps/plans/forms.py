from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.plans.models import AREA_CHOICES, Plan, Target, Task
from cchc.concurrency import VersionField
from core.bounds import plan_period_problem, year_problem

DATE = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
ALLOWED_EXTENSIONS = {
    "txt",
    "md",
    "docx",
    "pdf",
    "doc",
    "odt",
    "rtf",
    "png",
    "jpg",
    "jpeg",
    "tif",
    "tiff",
    "xlsx",
}


def _lines(text: str) -> list[str]:
    return [line.strip(" -\t") for line in (text or "").splitlines() if line.strip(" -\t")]


class UploadForm(forms.Form):
    org_unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None)
    file = forms.FileField(
        label=_("Tệp kế hoạch (.docx, .doc, .odt, .pdf, .txt, ảnh quét, hoặc .xlsx theo mẫu)"),
        error_messages={
            "empty": _("Tệp tải lên trống, không có nội dung."),
            "required": _("Chọn tệp kế hoạch."),
        },
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        from apps.orgs.models import OrgUnit

        self.fields["org_unit"].queryset = OrgUnit.objects.filter(pk__in=[u.pk for u in units])
        if len(units) == 1:
            self.fields["org_unit"].initial = units[0].pk

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in ALLOWED_EXTENSIONS:
            raise forms.ValidationError(
                "Chỉ nhận tệp .docx, .doc, .odt, .rtf, .pdf, .txt, .md, ảnh quét (.png, .jpg, .tif) "
                "hoặc .xlsx (theo mẫu)."
            )
        return upload


class PlanHeaderForm(forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Plan
        fields = [
            "title",
            "issuer",
            "decision_number",
            "signed_date",
            "signer",
            "period_start",
            "period_end",
            "parent",
        ]
        widgets = {"signed_date": DATE, "period_start": DATE, "period_end": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance
        self.fields["version"].initial = plan.version
        ancestors = [u.pk for u in plan.org_unit.ancestors()] if plan.org_unit_id else []
        self.fields["parent"].queryset = Plan.objects.filter(org_unit_id__in=ancestors).exclude(
            status=Plan.Status.SUPERSEDED
        )
        self.fields["parent"].required = False

    def clean(self):
        data = super().clean()
        if data.get("signed_date") and (problem := year_problem(data["signed_date"], "Ngày ký")):
            self.add_error("signed_date", problem)
        if problem := plan_period_problem(data.get("period_start"), data.get("period_end")):
            self.add_error("period_end", problem)
        return data

    def cleaned_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class TaskForm(forms.Form):
    version = VersionField()
    area = forms.ChoiceField(label=_("Lĩnh vực"), choices=AREA_CHOICES)
    no = forms.CharField(label=_("Số TT"), max_length=20, required=False)
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 4}))
    products = forms.CharField(
        label=_("Sản phẩm (mỗi dòng một sản phẩm)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    lead = forms.CharField(
        label=_("Cơ quan chủ trì (mỗi dòng một cơ quan)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    coordinating = forms.CharField(
        label=_("Cơ quan phối hợp (mỗi dòng một cơ quan)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    deadline_text = forms.CharField(label=_("Thời hạn"), max_length=500, required=False)
    notes = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, task: Task, **kwargs):
        links = list(task.agencies.all())
        initial = {
            "version": task.version,
            "area": task.area,
            "no": task.no,
            "content": task.content,
            "products": "\n".join(task.products),
            "deadline_text": task.deadline_text,
            "notes": task.notes,
            "lead": "\n".join(a.printed for a in links if a.role == "lead"),
            "coordinating": "\n".join(a.printed for a in links if a.role == "coordinating"),
        }
        super().__init__(*args, initial=initial, **kwargs)

    def clean_products(self):
        return _lines(self.cleaned_data["products"])

    def clean_lead(self):
        return _lines(self.cleaned_data["lead"])

    def clean_coordinating(self):
        return _lines(self.cleaned_data["coordinating"])

    def task_fields(self) -> dict:
        return {
            k: self.cleaned_data[k] for k in ("area", "no", "content", "products", "deadline_text", "notes")
        }


class ConfirmForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do vẫn xác nhận"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(
            attrs={
                "rows": 3,
                "placeholder": _(
                    "Ví dụ: lỗi đúng như văn bản đã ký, sẽ sửa khi ban hành kế hoạch điều chỉnh"
                ),
            }
        ),
    )


class TaskCancelForm(forms.Form):
    version = VersionField()
    reason = forms.CharField(label=_("Lý do dừng thực hiện"), max_length=2000, required=False)


class TargetForm(forms.ModelForm):
    version = VersionField()

    class Meta:
        model = Target
        fields = ["area", "text", "indicator", "comparator", "value", "unit", "year"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.fields["version"].initial = self.instance.version

    def target_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PasteForm(forms.Form):
    """Rows copied from Excel: tab-separated text, with or without the header row."""

    kind = forms.ChoiceField(
        label=_("Dán"), choices=[("tasks", _("Nhiệm vụ")), ("targets", _("Chỉ tiêu"))], initial="tasks"
    )
    text = forms.CharField(
        label=_("Các dòng sao chép từ Excel"),
        widget=forms.Textarea(
            attrs={
                "rows": 6,
                "placeholder": _("Chọn các ô trong Excel, Ctrl+C, rồi Ctrl+V vào đây"),
                "spellcheck": "false",
            }
        ),
        error_messages={"required": _("Dán các dòng sao chép từ Excel vào ô này.")},
    )


class WorkbookForm(forms.Form):
    """An XLSX of tasks and targets (the template, or any sheet whose header row names the columns)."""

    file = forms.FileField(
        label=_("Tệp Excel đã điền (.xlsx)"),
        error_messages={
            "empty": _("Tệp tải lên trống, không có nội dung."),
            "required": _("Chọn tệp Excel."),
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError("Chỉ nhận tệp Excel .xlsx (tải tệp mẫu để điền).")
        return upload


def grid_values(data, kind: str) -> list[dict[str, str]]:
    """The cells of the review grid as posted (``row-3-content`` …), rows marked "bỏ" left out."""
    from core.plandoc.sheets.paste import COLUMNS, MAX_PASTE_ROWS

    try:
        count = min(int(data.get("rows", 0)), MAX_PASTE_ROWS)
    except (TypeError, ValueError):
        count = 0
    names = [name for name, _label in COLUMNS[kind]]
    return [
        {name: data.get(f"row-{i}-{name}", "") for name in names}
        for i in range(count)
        if not data.get(f"row-{i}-drop")
    ]
