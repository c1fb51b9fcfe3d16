from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "apps.orgs"
    verbose_name = "Đơn vị hành chính và cơ quan"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.audit.recorder import track
        from apps.orgs import models as m

        track(m.OrgUnit, org_unit=lambda o: o.pk)
        track(m.OrgUnitChange, org_unit=lambda o: o.result_id)
        track(m.Agency, org_unit=lambda o: o.org_unit_id)
        track(m.AgencyGroup, org_unit=lambda o: o.org_unit_id)
        track(m.Alias, org_unit=lambda o: o.org_unit_id)
        from apps.accounts.policy import can
        from cchc.navigation import register

        register("Đơn vị, cơ quan", "orgs:unit_list", lambda user: True, order=80)
        register("Người dùng", "accounts:user_list", lambda user: can(user, "accounts.manage"), order=90)
