"""Jobs in the Django admin, read-only: for system admins to see what ran, failed and why."""

from django.contrib import admin

from apps.jobs.models import Job, ScheduledRun


class ReadOnly(admin.ModelAdmin):
    """Workers write these rows; an admin edit would bypass the claims that keep a job run once."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Job)
class JobAdmin(ReadOnly):
    list_display = (
        "pk",
        "kind",
        "org_unit",
        "status",
        "done",
        "total",
        "attempts",
        "created_at",
        "finished_at",
    )
    list_filter = ("status", "kind")
    search_fields = ("kind", "key", "error")
    date_hierarchy = "created_at"


@admin.register(ScheduledRun)
class ScheduledRunAdmin(ReadOnly):
    list_display = ("name", "slot", "job", "created_at")
