from django.apps import AppConfig


class SystemConfig(AppConfig):
    """Project-wide operations: demo data, the embedded server, the system administrator's home card."""

    name = "apps.system"
    verbose_name = "Vận hành"

    def ready(self) -> None:
        from apps.system.home import admin_panel
        from cchc.navigation import register_home_panel

        register_home_panel("system/_home.html", admin_panel, order=40)
