"""The unread-notice count for the top bar, counted only when a page shows it."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from apps.tracking.selectors import unread_count


def notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
