"""One scheduler for periodic work, however many processes tick it.

Every worker (the thread in `cchc serve`, each `cchc worker`) calls ``tick`` every few seconds. For
each periodic entry whose time of day has come, the slot it falls in (a business day) is claimed by
inserting a ``ScheduledRun`` row; the unique constraint lets exactly one process win and submit the
slot's job, in the same transaction. A process started late still runs today's slot (catch-up);
slots of days when nothing ran are not replayed (the jobs themselves catch up: reminders look at
everything due or late, not at one day).
"""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.jobs import registry
from apps.jobs.models import Job, ScheduledRun
from apps.jobs.services import submit


def tick(now: datetime | None = None) -> list[Job]:
    """Submit the job of every periodic entry that is due and not yet claimed; returns those jobs."""
    local = timezone.localtime(now or timezone.now())
    submitted = []
    for entry in registry.periodic():
        if local.time() < entry.at:
            continue
        day = entry.slot(local)
        if day is None:
            continue
        slot = day.isoformat()
        if ScheduledRun.objects.filter(name=entry.name, slot=slot).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(name=entry.name, slot=slot)
                run.job = submit(entry.kind, key=f"{entry.name}:{slot}", params={"day": slot})
                run.save(update_fields=["job"])
        except IntegrityError:  # another process claimed this slot first
            continue
        submitted.append(run.job)
    return submitted
