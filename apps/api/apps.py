from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "apps.api"
    verbose_name = "API"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import can
        from apps.api import models as m
        from apps.audit.recorder import track
        from cchc.navigation import register

        track(m.ApiToken, org_unit=lambda o: o.org_unit_id)
        register("API", "api:index", lambda user: can(user, "api.tokens"), order=95)
