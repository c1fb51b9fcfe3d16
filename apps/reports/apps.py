from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "apps.reports"
    verbose_name = "Báo cáo định kỳ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import subject
        from apps.audit.recorder import track
        from apps.reports import demo  # noqa: F401 - registers the demo step
        from apps.reports import models as m
        from apps.reports.home import deadline_panel
        from cchc.navigation import register, register_home_panel

        track(m.ReportingPeriod, org_unit=lambda o: o.org_unit_id)
        track(m.IndicatorValue, org_unit=lambda o: o.org_unit_id)
        track(m.PeriodicReport, org_unit=lambda o: o.org_unit_id)
        register(
            "Báo cáo định kỳ",
            "reports:index",
            lambda user: subject(user).is_root or bool(subject(user).units_for()),
            order=40,
        )
        register_home_panel("reports/_home.html", deadline_panel, order=30)
        from apps.reports import measures  # noqa: F401 - registers its figures in core.measures
