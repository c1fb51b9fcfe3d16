"""ProgressReport.waiting_since: the business day a report reached its reviewer (queue's days waiting).

Reports already waiting get the best day known: the approval day for those waiting for the CCHC
officer, the first submission day for those waiting for the head."""

from django.db import migrations, models
from django.utils import timezone


def fill(apps, schema_editor):
    ProgressReport = apps.get_model("tracking", "ProgressReport")
    waiting = ProgressReport.objects.filter(milestone__report_status__in=["submitted", "approved"])
    for report in waiting.select_related("milestone").iterator():
        stamp = report.approved_at if report.milestone.report_status == "approved" else report.submitted_at
        day = timezone.localdate(stamp) if stamp else report.milestone.submitted_on
        if day:
            ProgressReport.objects.filter(pk=report.pk).update(waiting_since=day)


class Migration(migrations.Migration):
    dependencies = [("tracking", "0002_seed_official_calendar")]

    operations = [
        migrations.AddField(
            model_name="progressreport",
            name="waiting_since",
            field=models.DateField(blank=True, null=True, verbose_name="chờ xử lý từ ngày"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
