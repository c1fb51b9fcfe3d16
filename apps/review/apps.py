from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "apps.review"
    verbose_name = "Rà soát kế hoạch"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from apps.accounts.policy import can
        from apps.review import demo, receivers  # noqa: F401 - register the demo step and receivers
        from cchc.navigation import register

        register("Rà soát", "review:index", lambda user: can(user, "review.coverage"), order=15)
