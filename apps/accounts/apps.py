from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    verbose_name = "Tài khoản và phân quyền"
    default_auto_field = "django.db.models.BigAutoField"
