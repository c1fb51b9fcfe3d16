"""Login throttling holds (issue 10, defect 6): every spelling Django would log in with shares one
budget, a burst of concurrent wrong passwords gets at most the limit of real password checks, and
the table of attempts is pruned."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.accounts import throttle
from apps.accounts.models import LoginAttempt
from tests.apps.conftest import PASSWORD


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


@pytest.mark.parametrize("variant", ["officer_a1 ", " officer_a1", "ｏｆｆｉｃｅｒ_ａ１", "\tofficer_a1\n"])
def test_every_spelling_django_accepts_shares_the_budget(client, world, settings, variant):
    settings.LOGIN_FAILURE_LIMIT = 3
    assert _login(client, variant, PASSWORD).status_code == 302  # Django logs this spelling in
    client.post(reverse("accounts:logout"))
    for _ in range(3):
        _login(client, "officer_a1", "sai")
    response = _login(client, variant, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_under_a_variant_count_for_the_user(client, world, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for variant in ("officer_a1 ", "ｏｆｆｉｃｅｒ_a1", " officer_a1"):
        _login(client, variant, "sai")
    assert _login(client, "officer_a1", PASSWORD).status_code == 429


def test_normalisation_is_djangos(world):
    assert throttle.normalize("  ｃｖ.anhson ") == throttle.normalize("cv.anhson") == "cv.anhson"
    assert throttle.normalize("CV.AnhSon") == "cv.anhson"  # one budget for every case too


def test_old_attempts_are_pruned(client, world, settings):
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 60
    old = LoginAttempt.objects.create(username="officer_a1", ip="10.0.0.9")
    LoginAttempt.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(hours=2))
    _login(client, "staff_a1", "sai")
    assert not LoginAttempt.objects.filter(pk=old.pk).exists()
    assert LoginAttempt.objects.filter(username="staff_a1").count() == 1


def test_admin_login_goes_through_the_throttled_door(client, world, settings):
    settings.LOGIN_FAILURE_LIMIT = 2
    for _ in range(2):
        _login(client, "root", "sai")
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    client.post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert "_auth_user_id" not in client.session  # no way around the lock through the admin


def _bench():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "bench" / "login_burst.py"
    spec = importlib.util.spec_from_file_location("login_burst", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _database_url(backend: str, tmp_path) -> str:
    from django.db import connection

    if backend == "sqlite":  # a file, as deployed (the in-memory test database is not shared)
        return f"sqlite:///{tmp_path}/burst.sqlite3"
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL: run the suite with DATABASE_URL=postgres://...")
    s = connection.settings_dict  # the test database itself, committed to (transactional_db)
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_concurrent_burst_gets_at_most_the_limit_of_password_checks(backend, transactional_db, tmp_path):
    """40 concurrent wrong passwords through the real server (`cchc serve`, waitress, Argon2): at most
    LOGIN_FAILURE_LIMIT of them reach the password check, the rest are refused with 429 before it.
    Before the fix 12 of 40 reached it (and every refused request checked the password too)."""
    bench = _bench()
    checks, statuses = bench.measure(_database_url(backend, tmp_path), str(tmp_path))
    assert checks <= bench.LIMIT, (checks, statuses)
    assert statuses.count(429) == bench.N - checks, statuses
