# Province compilations move from ReportJob to the general job layer (apps.jobs.Job): the history of
# past runs is copied; a run that was waiting or running under the old thread runner had no way to
# finish (defect: a killed worker left it running forever), so it is copied as failed, with a reason.

from django.db import migrations

STATUS = {"done": "succeeded", "failed": "failed"}
STOPPED = (
    "Tác vụ bị dừng khi hệ thống được nâng cấp; bấm “Tổng hợp báo cáo cấp dưới” để chạy lại."
)


def copy_jobs(apps, schema_editor):
    ReportJob = apps.get_model("reports", "ReportJob")
    Job = apps.get_model("jobs", "Job")
    ContentType = apps.get_model("contenttypes", "ContentType")
    report_type, _ = ContentType.objects.get_or_create(app_label="reports", model="periodicreport")
    for old in ReportJob.objects.select_related("report").order_by("pk").iterator():
        status = STATUS.get(old.status, "failed")
        job = Job.objects.create(
            kind="reports.compile",
            org_unit_id=old.report.org_unit_id,
            created_by_id=old.created_by_id,
            subject_type=report_type,
            subject_id=old.report_id,
            status=status,
            done=old.done,
            total=old.total,
            message=old.message if status == "succeeded" else "",
            error="" if status == "succeeded" else (old.message if old.status == "failed" else STOPPED)[:500],
            attempts=1 if old.started_at else 0,
            worker=old.worker,
            started_at=old.started_at,
            finished_at=old.finished_at or old.started_at or old.created_at,
        )
        Job.objects.filter(pk=job.pk).update(created_at=old.created_at)


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0002_seed_periods_indicators"),
        ("jobs", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(copy_jobs, migrations.RunPython.noop),
        migrations.DeleteModel(
            name="ReportJob",
        ),
    ]
