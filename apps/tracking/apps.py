from django.apps import AppConfig


class TrackingConfig(AppConfig):
    name = "apps.tracking"
    verbose_name = "Theo dõi, đôn đốc"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import can, subject
        from apps.audit.recorder import track
        from apps.tracking import calendar, demo, remind  # noqa: F401 - signals and the demo step
        from apps.tracking import models as m
        from apps.tracking.home import cockpit_panel
        from cchc.navigation import register, register_home_panel

        track(m.CalendarDay)
        track(m.TrackingSettings, org_unit=lambda o: o.org_unit_id)
        track(m.NotificationPreference)
        track(m.ProgressReport, org_unit=lambda o: o.agency.org_unit_id)
        track(m.Contribution, org_unit=lambda o: o.agency.org_unit_id)
        track(m.Evidence, org_unit=lambda o: o.report.agency.org_unit_id)
        register("Việc của tôi", "tracking:workspace", lambda user: user.is_authenticated, order=5)
        register_home_panel("tracking/_home.html", cockpit_panel, order=10)
        register(
            "Theo dõi tiến độ",
            "tracking:dashboard",
            lambda user: subject(user).is_root or bool(subject(user).units_for()),
            order=20,
        )
        register(
            "Lịch làm việc", "tracking:calendar_days", lambda user: can(user, "tracking.calendar"), order=90
        )
        from apps.tracking import measures  # noqa: F401 - registers its figures in core.measures
