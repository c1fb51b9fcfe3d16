"""Signals other apps hook into without apps.plans knowing about them.

``draft_saved`` carries the extracted ``PlanDraft`` (parts of it, like the "Tổ chức thực hiện"
assignments, have no table here); ``plan_activated`` fires when a draft becomes the unit's plan,
inside the confirming transaction. Receivers get ``plan`` and ``actor`` (None at the command line).
"""

from __future__ import annotations

from django.dispatch import Signal

draft_saved = Signal()  # plan, draft, actor
plan_activated = Signal()  # plan, actor
