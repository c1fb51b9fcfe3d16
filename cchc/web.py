"""Small helpers shared by the views of every app."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError


def attempt(request, action: Callable[[], object], success: str = "") -> bool:
    """Run a service call; its Vietnamese ValidationError becomes a message, never a 500."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    if success:
        messages.success(request, success)
    return True
