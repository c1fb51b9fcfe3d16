from __future__ import annotations

from apps.audit.context import _actor


class AuditActorMiddleware:
    """Makes the logged-in user the actor of every change recorded during the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = _actor.set(user if user is not None and user.is_authenticated else None)
        try:
            return self.get_response(request)
        finally:
            _actor.reset(token)
