"""Who is acting right now: set by the middleware for web requests, by ``acting_as`` elsewhere.

A context variable (not a thread-local) so it stays correct under ASGI and in worker threads.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

_actor: ContextVar = ContextVar("cchc_audit_actor", default=None)


def current_actor():
    return _actor.get()


@contextmanager
def acting_as(user):
    """Attribute every change made inside the block to ``user`` (a service call, a command)."""
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)
