"""``{% load citizen %}{% rating_box dossier %}``: the rating code and QR code of a dossier, for any
receipt template (the one-stop receipt of apps.dossiers, the printable slip here)."""

from __future__ import annotations

from django import template

from apps.citizen import qr, rating_codes

register = template.Library()


@register.inclusion_tag("citizen/_rating_box.html", takes_context=True)
def rating_box(context, dossier) -> dict:
    request = context.get("request")
    path = rating_codes.rating_path(dossier.code)
    link = qr.absolute(request, path) if request is not None else path
    return {
        "dossier": dossier,
        "check": rating_codes.check_code(dossier.code),
        "link": link,
        "qr": qr.svg(link, "Mã QR đánh giá hồ sơ"),
    }
