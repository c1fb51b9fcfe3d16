from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "apps.orgs"
    verbose_name = "Đơn vị hành chính và cơ quan"
    default_auto_field = "django.db.models.BigAutoField"
