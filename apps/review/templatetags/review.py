"""``{% load review %}``: policy questions the plan templates ask about review features."""

from __future__ import annotations

from django import template

from apps.accounts.policy import can

register = template.Library()


@register.filter
def may_compare_subordinates(user, plan) -> bool:
    """Whether ``user`` may open the coverage matrix of ``plan``'s subordinate plans."""
    return can(user, "review.coverage", plan.org_unit)
