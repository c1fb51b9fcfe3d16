"""Optimistic locking, one rule for every editable object: the editor says which version they opened.

A form carries the version of the row it was opened on (0 for a row that does not exist yet, such as
the first report of a milestone); the service compares it with the row locked in its transaction
and refuses a stale one. A missing version is refused too, never taken as "skip the check": a client
that leaves it out would otherwise overwrite whatever another person saved in between.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

MISSING_VERSION = (
    "Thiếu số phiên bản của nội dung đang sửa (trang đã cũ hoặc biểu mẫu không đầy đủ). "
    "Vui lòng tải lại trang rồi sửa tiếp; thay đổi của bạn chưa được lưu."
)


def require_version(expected: int | None) -> int:
    """The version the editor opened, or a Vietnamese ValidationError when it is missing."""
    if expected is None or isinstance(expected, bool) or not isinstance(expected, int) or expected < 0:
        raise ValidationError(MISSING_VERSION, code="missing_version")
    return expected


class VersionField(forms.IntegerField):
    """The hidden version field of an edit form: required, never negative, explained in Vietnamese."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault(
            "error_messages",
            {"required": MISSING_VERSION, "invalid": MISSING_VERSION, "min_value": MISSING_VERSION},
        )
        super().__init__(required=True, **kwargs)
