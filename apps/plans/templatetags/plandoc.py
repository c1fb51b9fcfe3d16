"""``{% load plandoc %}``: how the plan pages show what the importer was unsure of."""

from __future__ import annotations

from django import template

from core.plandoc.confidence import review_note

register = template.Library()


@register.filter
def ocr_review(review) -> str:
    """The fields of a row to compare with the paper (from a scan), or "" when there are none."""
    return review_note(review) if review else ""
