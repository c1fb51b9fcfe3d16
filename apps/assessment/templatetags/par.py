"""Template filters of the PAR INDEX pages: points and rates as officials write them."""

from django import template

from core.reporting.targets import number
from core.scoring.rules import pts as points_text

register = template.Library()


@register.filter
def pts(value) -> str:
    """1.5 -> "1,5"; None -> "—"."""
    return "—" if value is None or value == "" else points_text(float(value))


@register.filter
def pct(value) -> str:
    return "—" if value is None else number(round(float(value), 2), "%")
