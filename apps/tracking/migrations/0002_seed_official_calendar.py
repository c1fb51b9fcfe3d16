"""Seed the official nghỉ bù / làm bù schedules of 2024-2026 (core.workdays.OFFICIAL_OVERRIDES).

Existing rows are left alone, so an admin's correction survives a re-run."""

from django.db import migrations


def seed(apps, schema_editor):
    from core.workdays import OFFICIAL_OVERRIDES

    CalendarDay = apps.get_model("tracking", "CalendarDay")
    existing = set(CalendarDay.objects.values_list("day", flat=True))
    CalendarDay.objects.bulk_create(
        CalendarDay(day=o.day, kind=o.kind, note=o.note)
        for year in sorted(OFFICIAL_OVERRIDES)
        for o in OFFICIAL_OVERRIDES[year]
        if o.day not in existing
    )


class Migration(migrations.Migration):
    dependencies = [("tracking", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
