from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "apps.audit"
    verbose_name = "Nhật ký thay đổi"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import can
        from cchc.navigation import register

        register("Nhật ký", "audit:list", lambda user: can(user, "audit.view"), order=95)
