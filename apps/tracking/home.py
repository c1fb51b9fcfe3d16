"""The home-page card of follow-up: what the user's agency owes now, what waits for their review."""

from __future__ import annotations

from django.db.models import Count

from apps.accounts.policy import subject
from apps.tracking.selectors import (
    bounds_for,
    milestones_of_agencies,
    review_queue,
    state_q,
    unread_count,
    user_agencies,
)
from core.tracking import State

URGENT = (State.OVERDUE, State.RETURNED, State.DUE_SOON)


def todo_panel(user) -> dict | None:
    """Counts in one query per source; None when the user has nothing to follow (hides the card)."""
    agencies = user_agencies(user)
    counts = {}
    if agencies:
        unit_id = next((m.org_unit_id for m in subject(user).memberships if m.agency_id in agencies), None)
        bounds = bounds_for(unit_id)
        qs = milestones_of_agencies(agencies, "lead").order_by()
        counts = qs.aggregate(**{s.value: Count("pk", filter=state_q(s.value, bounds)) for s in URGENT})
    to_review = len(review_queue(user))
    unread = unread_count(user)
    if not agencies and not to_review and not unread:
        return None
    return {
        "overdue": counts.get(State.OVERDUE.value, 0),
        "returned": counts.get(State.RETURNED.value, 0),
        "due_soon": counts.get(State.DUE_SOON.value, 0),
        "to_review": to_review,
        "unread": unread,
        "has_agency": bool(agencies),
    }
