from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "apps.assessment"
    verbose_name = "Chỉ số cải cách hành chính"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import subject
        from apps.assessment import demo  # noqa: F401 - registers the demo step
        from apps.assessment import models as m
        from apps.assessment.home import appraisal_panel
        from apps.audit.recorder import track
        from cchc.navigation import register, register_home_panel

        track(m.IndexFramework, org_unit=lambda o: o.province_id)
        track(m.AssessmentRound, org_unit=lambda o: o.province_id)
        track(m.Assessment, org_unit=lambda o: o.org_unit_id)
        track(m.Score, org_unit=lambda o: o.assessment.org_unit_id)
        track(m.Evidence, org_unit=lambda o: o.score.assessment.org_unit_id)
        track(m.Reopening, org_unit=lambda o: o.assessment.org_unit_id)
        register(
            "Chỉ số CCHC",
            "assessment:index",
            lambda user: subject(user).is_root or bool(subject(user).units_for()),
            order=50,
        )
        register_home_panel("assessment/_home.html", appraisal_panel, order=20)
