from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    verbose_name = "Tài khoản và phân quyền"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts import models as m
        from apps.audit.recorder import track

        track(m.User)
        track(m.Membership, org_unit=lambda o: o.org_unit_id)
