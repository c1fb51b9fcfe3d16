from django.contrib import admin

from apps.orgs.models import Agency, AgencyGroup, Alias, OrgUnit, OrgUnitChange


class AliasInline(admin.TabularInline):
    model = Alias
    fk_name = "agency"
    fields = ["text", "org_unit"]
    extra = 0


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
    raw_id_fields = ["parent", "successor"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "org_unit", "kind", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name", "org_unit__name"]
    raw_id_fields = ["org_unit"]
    inlines = [AliasInline]


@admin.register(AgencyGroup)
class AgencyGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "org_unit"]
    search_fields = ["name", "org_unit__name"]
    filter_horizontal = ["members", "member_units"]


@admin.register(Alias)
class AliasAdmin(admin.ModelAdmin):
    list_display = ["text", "agency", "group", "org_unit"]
    search_fields = ["text"]
    raw_id_fields = ["org_unit", "agency", "group", "created_by"]


@admin.register(OrgUnitChange)
class OrgUnitChangeAdmin(admin.ModelAdmin):
    list_display = ["kind", "result", "effective_date", "old_name"]
    filter_horizontal = ["predecessors"]
