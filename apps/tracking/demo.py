from apps.system.demo import demo_step  # noqa: F401
