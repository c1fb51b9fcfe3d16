"""Plan review plugged into the plan life cycle through the signals of ``apps.plans.signals``."""

from __future__ import annotations

from django.dispatch import receiver

from apps.plans.signals import draft_saved, plan_activated
from apps.review.services import link_tasks, store_assignments


@receiver(draft_saved, dispatch_uid="review-keep-assignments")
def keep_assignments(sender, plan, draft, actor=None, **kwargs) -> None:
    store_assignments(plan, draft)


@receiver(plan_activated, dispatch_uid="review-align-on-confirm")
def align_on_confirm(sender, plan, actor=None, **kwargs) -> None:
    """A subordinate plan confirmed with its superior plan chosen is linked to it at once."""
    if plan.parent_id is not None:
        link_tasks(actor, plan, quiet=True)
