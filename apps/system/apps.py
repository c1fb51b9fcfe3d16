from django.apps import AppConfig


class SystemConfig(AppConfig):
    """Project-wide operations: demo data, the embedded server."""

    name = "apps.system"
    verbose_name = "Vận hành"
