from django.contrib import admin

from apps.plans.models import Plan, SourceDocument, Target, Task, TaskAgency


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["title", "org_unit", "status", "period_start", "period_end"]
    list_filter = ["status"]
    search_fields = ["title", "decision_number", "org_unit__name"]
    raw_id_fields = ["org_unit", "parent", "replaces", "source", "created_by", "confirmed_by"]


class TaskAgencyInline(admin.TabularInline):
    model = TaskAgency
    extra = 0
    raw_id_fields = ["agency", "group"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan", "area", "deadline_text"]
    list_filter = ["area"]
    search_fields = ["content"]
    raw_id_fields = ["plan", "parent_task"]
    inlines = [TaskAgencyInline]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["text", "plan", "indicator", "value", "year"]
    raw_id_fields = ["plan"]


@admin.register(SourceDocument)
class SourceDocumentAdmin(admin.ModelAdmin):
    list_display = ["filename", "org_unit", "format", "size", "uploaded_at"]
    exclude = ["text"]
    raw_id_fields = ["org_unit", "uploaded_by"]
