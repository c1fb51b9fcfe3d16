from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "apps.dossiers"
    verbose_name = "Hồ sơ TTHC"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.audit.recorder import track
        from apps.dossiers import models as m

        track(m.Sector)
        track(m.Procedure)
        track(m.ColumnMapping)
