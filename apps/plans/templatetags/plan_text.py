"""Template filters for a plan's source document: its readable text, a name people recognise, and
what the OCR of a scan was unsure of."""

from __future__ import annotations

import re

from django import template
from django.utils.safestring import mark_safe

from core.plandoc.confidence import review_note
from core.plandoc.readable import readable_html

register = template.Library()

# Names a machine gave the file (a corpus id, a hash, a scanner's counter) say nothing to a reader.
_GENERATED = re.compile(
    r"^(\d+_)?[0-9a-f]{12,}$|^\d+$|^(scan|img|document|file|tmp)[-_ ]?\d*$", re.IGNORECASE
)


@register.filter
def readable(text: str) -> str:
    """The stored text as HTML with the same characters (spans stay exact); escaped by the helper."""
    return mark_safe(readable_html(text or ""))  # noqa: S308 - every piece escaped in core.plandoc.readable


@register.filter
def source_label(plan) -> str:
    """What to call the plan's source document: the original file name when it means something,
    else the plan's title with the file type ("Kế hoạch CCHC năm 2025 (tệp .txt)")."""
    source = plan.source
    if source is None:
        return ""
    stem, dot, ext = source.filename.rpartition(".")
    if not dot:
        stem, ext = source.filename, ""
    if _GENERATED.match(stem.strip()):
        return f"{plan.title} (tệp .{ext.lower()})" if ext else plan.title
    return source.filename


@register.filter
def ocr_review(review) -> str:
    """The fields of a row to compare with the paper (from a scan), or "" when there are none."""
    return review_note(review) if review else ""
