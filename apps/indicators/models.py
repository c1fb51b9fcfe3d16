"""Indicator figures that dossiers cannot give, entered by an officer or imported, per unit and period.

QĐ 766 indicators 1.1-1.4 need the national catalogue and reporting counts, 4.4-4.6 the national data
stores, 5.x petitions and ratings. When nothing in CCHC computes them, an officer enters the
numerator and denominator (or the value) with its source; the dashboard marks them as entered.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class IndicatorFigure(models.Model):
    class Kind(models.TextChoices):
        ENTERED = "entered", _("Nhập tay")
        IMPORTED = "imported", _("Nhập từ tệp")

    org_unit = models.ForeignKey(
        "orgs.OrgUnit", verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="indicator_figures"
    )
    code = models.CharField(_("chỉ số"), max_length=60)
    period_code = models.CharField(_("kỳ"), max_length=12)
    numerator = models.DecimalField(_("tử số"), max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=14, decimal_places=2, null=True, blank=True)
    value = models.DecimalField(_("giá trị (%)"), max_digits=7, decimal_places=2, null=True, blank=True)
    source = models.CharField(_("nguồn số liệu"), max_length=300)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ENTERED)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("số liệu chỉ số nhập ngoài")
        verbose_name_plural = _("số liệu chỉ số nhập ngoài")
        ordering = ["org_unit", "code", "period_code"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "code", "period_code"], name="indicator_figure_once"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | models.Q(denominator__gt=0),
                name="indicator_figure_has_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.period_code}: {self.value}"
