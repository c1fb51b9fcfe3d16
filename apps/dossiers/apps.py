from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "apps.dossiers"
    verbose_name = "Hồ sơ TTHC"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import can
        from apps.audit.recorder import track
        from apps.dossiers import demo  # noqa: F401 - registers the demo step
        from apps.dossiers import models as m
        from cchc.navigation import register

        track(m.Sector)
        track(m.Procedure)
        track(m.ColumnMapping)
        track(m.Dossier, org_unit=lambda o: o.org_unit_id)
        track(m.DossierImport, org_unit=lambda o: o.org_unit_id)
        register("Hồ sơ TTHC", "dossiers:index", lambda user: can(user, "dossiers.view"), order=45)
