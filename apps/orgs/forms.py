from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from apps.orgs.models import Agency, AgencyGroup, OrgUnit

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})


class OrgUnitForm(forms.ModelForm):
    class Meta:
        model = OrgUnit
        fields = ["name", "level", "parent", "code", "valid_from", "valid_to"]
        widgets = {"valid_from": DATE_WIDGET, "valid_to": DATE_WIDGET}

    def __init__(self, *args, parents=None, **kwargs):
        super().__init__(*args, **kwargs)
        if parents is not None:
            self.fields["parent"].queryset = parents.exclude(level=OrgUnit.Level.COMMUNE)


class AgencyForm(forms.ModelForm):
    class Meta:
        model = Agency
        fields = ["name", "short_name", "kind", "email", "is_active"]


class AgencyGroupForm(forms.ModelForm):
    class Meta:
        model = AgencyGroup
        fields = ["name", "members", "member_units"]
        widgets = {"members": forms.CheckboxSelectMultiple, "member_units": forms.CheckboxSelectMultiple}

    def __init__(self, *args, org_unit: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Agency.objects.filter(org_unit=org_unit)
        self.fields["member_units"].queryset = OrgUnit.objects.filter(parent=org_unit)


class AliasForm(forms.Form):
    text = forms.CharField(label=_("Tên gọi khác"), max_length=200)


class MergeForm(forms.Form):
    predecessors = forms.ModelMultipleChoiceField(
        label=_("Các đơn vị được sáp nhập"),
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    effective_date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Căn cứ (nghị quyết, quyết định)"), max_length=300, required=False)

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["predecessors"].queryset = candidates


class RenameForm(forms.Form):
    new_name = forms.CharField(label=_("Tên mới"), max_length=200)
    effective_date = forms.DateField(label=_("Ngày hiệu lực"), widget=DATE_WIDGET)
    note = forms.CharField(label=_("Căn cứ"), max_length=300, required=False)


class XlsxUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp Excel (.xlsx)"))
