"""QR codes drawn here (segno, pure Python), as inline SVG: no image service, no script, nothing
for the Content-Security-Policy to refuse, sharp when printed on a receipt."""

from __future__ import annotations

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe


def absolute(request, path: str) -> str:
    """The full address a phone camera opens: CCHC_BASE_URL when set, else this request's host."""
    base = getattr(settings, "CCHC_BASE_URL", "")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def svg(url: str, title: str = "Mã QR") -> SafeString:
    """The QR code of ``url`` as an <svg> element that scales to its container (viewBox, no size).
    segno writes only path data and the escaped title, so the markup is safe to inline."""
    code = segno.make(url, error="m")
    return mark_safe(code.svg_inline(scale=1, border=2, omitsize=True, title=title, dark="#000"))  # noqa: S308
