from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "apps.indicators"
    verbose_name = "Chỉ số QĐ 766"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import can
        from apps.audit.recorder import track
        from apps.dossiers.signals import imported
        from apps.indicators import measures
        from apps.indicators import models as m
        from apps.indicators.engine import bump_version
        from cchc.navigation import register

        imported.connect(lambda **kwargs: bump_version(), dispatch_uid="indicators-bump", weak=False)
        track(m.IndicatorFigure, org_unit=lambda o: o.org_unit_id)
        measures.register_all()
        register("Chỉ số TTHC", "indicators:dashboard", lambda user: can(user, "indicators.view"), order=46)
