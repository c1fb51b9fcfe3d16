"""Login, throttling of repeated failures, logout and password change."""

from django.urls import reverse

from tests.apps.conftest import PASSWORD


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_login_succeeds_and_lands_home(client, world):
    response = _login(client, "officer_a1", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert "Chuyên viên CCHC" in client.get(reverse("home")).content.decode()


def test_wrong_password_says_so_in_vietnamese(client, world):
    response = _login(client, "officer_a1", "sai")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_repeated_failures_lock_the_username_even_with_right_password(client, world, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        _login(client, "officer_a1", "sai")
    response = _login(client, "officer_a1", PASSWORD)
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lock_is_per_username(client, world, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        _login(client, "officer_a1", "sai")
    assert _login(client, "staff_a1", PASSWORD).status_code == 302


def test_success_clears_earlier_failures(client, world, settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    _login(client, "officer_a1", "sai")
    _login(client, "officer_a1", "sai")
    assert _login(client, "officer_a1", PASSWORD).status_code == 302
    client.post(reverse("accounts:logout"))
    _login(client, "officer_a1", "sai")
    _login(client, "officer_a1", "sai")
    assert _login(client, "officer_a1", PASSWORD).status_code == 302


def test_logout_requires_post_and_ends_session(client, world):
    _login(client, "officer_a1", PASSWORD)
    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_change(client, world):
    _login(client, "officer_a1", PASSWORD)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "Mat-khau-moi-2025",
            "new_password2": "Mat-khau-moi-2025",
        },
    )
    assert response.status_code == 302
    world.officer_a1.refresh_from_db()
    assert world.officer_a1.check_password("Mat-khau-moi-2025")


def test_interface_stays_vietnamese_for_an_english_browser(client, world):
    """Django's own messages too: an English Accept-Language must not switch the interface."""
    client.force_login(world.officer_a1)
    response = client.post(reverse("accounts:password_change"), {}, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    body = response.content.decode()
    assert "Trường này là bắt buộc" in body
    assert "This field is required" not in body
