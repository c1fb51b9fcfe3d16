from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "apps.plans"
    verbose_name = "Kế hoạch CCHC"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import subject
        from apps.audit.recorder import track
        from apps.plans import demo  # noqa: F401 - registers the demo step
        from apps.plans import models as m
        from cchc.navigation import register

        track(m.Plan, org_unit=lambda o: o.org_unit_id)
        track(m.Target, org_unit=lambda o: o.plan.org_unit_id)
        track(m.Task, org_unit=lambda o: o.plan.org_unit_id)
        track(m.TaskAgency, org_unit=lambda o: o.task.plan.org_unit_id)
        register(
            "Kế hoạch",
            "plans:list",
            lambda user: subject(user).is_root or bool(subject(user).units_for()),
            order=10,
        )
        from apps.plans import measures  # noqa: F401 - registers its figures in core.measures
