from django.apps import AppConfig


class CitizenConfig(AppConfig):
    name = "apps.citizen"
    verbose_name = "Tiếng nói người dân"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.citizen import wiring

        wiring.connect()
