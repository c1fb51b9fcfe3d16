"""Security settings and behaviour: CSRF, response headers, cookies, password hashing,
production mode refusing an insecure configuration, the generated secret key, no committed secrets.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from apps.orgs.models import Agency
from tests.apps.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


# --- CSRF --------------------------------------------------------------------------------------


def test_login_post_without_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "admin_a1", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_login_post_with_csrf_token_is_accepted(world):
    """The control: the same post with the token logs in, so the refusal above is about the token."""
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("accounts:login"))
    token = client.cookies["csrftoken"].value
    response = client.post(
        reverse("accounts:login"),
        {"username": "admin_a1", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.admin_a1.pk)


def test_logged_in_write_without_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.admin_a1)
    response = client.post(
        reverse("orgs:agency_create", args=[world.a1.pk]),
        {"name": "Phòng Giả mạo", "kind": "phong", "is_active": "on"},
    )
    assert response.status_code == 403
    assert not Agency.objects.filter(name="Phòng Giả mạo").exists()


def test_logout_needs_a_post_with_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.staff_a1)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 403
    assert "_auth_user_id" in client.session


# --- headers and cookies -----------------------------------------------------------------------


@pytest.mark.parametrize("who", [None, "officer_a1"])
@pytest.mark.parametrize("page", ["accounts:login", "home", "orgs:unit_list"])
def test_security_headers(world, client, who, page):
    if who:
        client.force_login(getattr(world, who))
    response = client.get(reverse(page))
    csp = response.headers.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_session_cookie_is_httponly_and_samesite(world, client):
    response = client.post(reverse("accounts:login"), {"username": "officer_a1", "password": PASSWORD})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


TEMPLATES = [*sorted((ROOT / "templates").rglob("*.html")), *sorted(ROOT.glob("apps/*/templates/**/*.html"))]
INLINE_CODE = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+\s*=", re.IGNORECASE)


def test_templates_have_no_inline_code():
    """The CSP forbids inline scripts, styles and handlers; a template using one breaks in the browser."""
    assert TEMPLATES
    offenders = [
        f"{p.relative_to(ROOT)}: {m.group(0)}" for p in TEMPLATES for m in INLINE_CODE.finditer(p.read_text())
    ]
    assert offenders == []
    assert INLINE_CODE.search('<button onclick="x()">') and INLINE_CODE.search("<script>alert(1)</script>")


# --- password hashing --------------------------------------------------------------------------


def _settings_env(**extra: str) -> dict[str, str]:
    """A clean environment for a settings subprocess: nothing inherited that changes the mode."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CCHC_", "DJANGO_"))}
    for name in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "SECURE_SSL_REDIRECT"):
        env.pop(name, None)
    env["DJANGO_SETTINGS_MODULE"] = "cchc.settings"
    env.update(extra)
    return env


def _run(code: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "-c", code], cwd=ROOT, env=_settings_env(**extra), capture_output=True, text=True, timeout=60
    )


def test_argon2_is_the_production_hasher(tmp_path):
    """Read the settings module as it loads outside the test suite (which swaps in MD5 for speed)."""
    result = _run(
        "from cchc import settings as s; "
        "from django.conf import settings; settings.configure(PASSWORD_HASHERS=s.PASSWORD_HASHERS); "
        "from django.contrib.auth.hashers import make_password; "
        "print(s.PASSWORD_HASHERS[0]); h = make_password('mật khẩu thử').split('$'); print(h[0], h[1], h[3])",
        CCHC_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    first, algorithm, variety, params = result.stdout.split()
    assert first == "apps.accounts.hashers.CchcArgon2PasswordHasher"
    assert (algorithm, variety, params) == ("argon2", "argon2id", "m=19456,t=2,p=1")  # OWASP's Argon2id


def test_old_argon2_hashes_still_log_in_and_are_upgraded(db, client, settings):
    """Accounts hashed with Django's heavier defaults keep working; their first login re-hashes."""
    from django.contrib.auth.hashers import Argon2PasswordHasher

    from apps.accounts.models import User

    settings.PASSWORD_HASHERS = [
        "apps.accounts.hashers.CchcArgon2PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]
    old = Argon2PasswordHasher().encode("mat-khau-cu-123", Argon2PasswordHasher().salt())
    assert "m=102400" in old
    user = User.objects.create(username="cu", password=old)
    response = client.post("/tai-khoan/dang-nhap/", {"username": "cu", "password": "mat-khau-cu-123"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert "m=19456,t=2,p=1" in user.password


# --- production mode ---------------------------------------------------------------------------

SETUP = "import django; django.setup(); from django.conf import settings as s; "


def _strong_key() -> str:
    return secrets.token_urlsafe(50)


def _one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_production_without_secret_key_refuses_in_one_line(tmp_path):
    result = _run(
        SETUP + "print('started')",
        CCHC_PRODUCTION="1",
        ALLOWED_HOSTS="cchc.example.vn",
        CCHC_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert "SECRET_KEY" in _one_line(result.stderr)
    assert not (tmp_path / "secret_key").exists()  # production never invents a key


def test_production_with_short_secret_key_refuses(tmp_path):
    result = _run(
        SETUP + "print('started')",
        CCHC_PRODUCTION="1",
        ALLOWED_HOSTS="cchc.example.vn",
        SECRET_KEY="ngan-qua",
        CCHC_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in _one_line(result.stderr)


def test_production_with_debug_refuses_in_one_line(tmp_path):
    result = _run(
        SETUP + "print('started')",
        CCHC_PRODUCTION="1",
        DEBUG="1",
        ALLOWED_HOSTS="cchc.example.vn",
        SECRET_KEY=_strong_key(),
        CCHC_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    line = _one_line(result.stderr)
    assert "DEBUG" in line and "SECRET_KEY" not in line


def test_production_without_allowed_hosts_refuses(tmp_path):
    result = _run(
        SETUP + "print('started')", CCHC_PRODUCTION="1", SECRET_KEY=_strong_key(), CCHC_VAR_DIR=str(tmp_path)
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in _one_line(result.stderr)


def test_secure_production_config_starts_with_secure_cookies_and_hsts(tmp_path):
    result = _run(
        SETUP
        + "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT)",
        CCHC_PRODUCTION="1",
        ALLOWED_HOSTS="cchc.example.vn",
        SECRET_KEY=_strong_key(),
        CCHC_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    debug, session_secure, csrf_secure, hsts, ssl_redirect = result.stdout.split()
    assert (debug, session_secure, csrf_secure, ssl_redirect) == ("False", "True", "True", "True")
    assert int(hsts) >= 31536000


def test_secure_production_config_passes_the_deploy_check(tmp_path):
    """Django's own deployment checklist; HSTS preload is a decision left to the operator."""
    env = _settings_env(
        CCHC_PRODUCTION="1",
        ALLOWED_HOSTS="cchc.example.vn",
        SECRET_KEY=_strong_key(),
        CCHC_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [PYTHON, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    issues = set(re.findall(r"\((security\.\w+)\)", result.stdout + result.stderr))
    assert issues <= {"security.W021"}, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_development_mode_is_not_secure_cookie_only(tmp_path):
    """The control for the production test: outside production the flags are off (http://127.0.0.1)."""
    result = _run(
        SETUP + "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)",
        CCHC_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "0"]


# --- the generated secret key ------------------------------------------------------------------


def test_secret_key_is_generated_once_and_reused(tmp_path):
    var = tmp_path / "var"
    code = SETUP + "print(s.SECRET_KEY)"
    first = _run(code, CCHC_VAR_DIR=str(var))
    assert first.returncode == 0, first.stderr
    stored = var / "secret_key"
    assert stored.exists()
    assert stored.stat().st_mode & 0o777 == 0o600
    key = first.stdout.strip()
    assert len(key) >= 50 and stored.read_text().strip() == key
    second = _run(code, CCHC_VAR_DIR=str(var))
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip() == key
    other = _run(code, CCHC_VAR_DIR=str(tmp_path / "other"))
    assert other.stdout.strip() != key  # generated, not a constant


def test_secret_key_from_environment_wins_and_is_not_written(tmp_path):
    key = _strong_key()
    result = _run(SETUP + "print(s.SECRET_KEY)", CCHC_VAR_DIR=str(tmp_path), SECRET_KEY=key)
    assert result.stdout.strip() == key
    assert not (tmp_path / "secret_key").exists()


# --- no secrets in the repository -------------------------------------------------------------

SECRET_ASSIGNMENT = re.compile(
    r"""(?:^|\s|["'{,])(?:export\s+)?(?:DJANGO_)?SECRET_KEY\s*[:=]\s*["']?(?P<value>[^\s"'#]+)""",
    re.MULTILINE,
)
PLACEHOLDER = re.compile(
    r"^(?:<.*|\$\{?\w+\}?|\.\.\.|change-?me.*|x+|_secret_key\(\)|env\(.*|os\.environ.*)$", re.I
)
PRIVATE_KEY = re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----")


def secrets_in(text: str) -> list[str]:
    found = [
        m.group("value") for m in SECRET_ASSIGNMENT.finditer(text) if not PLACEHOLDER.match(m.group("value"))
    ]
    return found + PRIVATE_KEY.findall(text)


def test_the_secret_detector_finds_what_it_should():
    assert secrets_in("SECRET_KEY=django-insecure-abc123\n") == ["django-insecure-abc123"]
    assert secrets_in("export SECRET_KEY='Zt8q9-real'\n") == ["Zt8q9-real"]
    assert secrets_in('SECRET_KEY = "hardcoded-value-1234567890"') == ["hardcoded-value-1234567890"]
    assert secrets_in("-----BEGIN RSA PRIVATE KEY-----\nMIIE...") == ["-----BEGIN RSA PRIVATE KEY-----"]
    assert (
        secrets_in("SECRET_KEY = _secret_key()\nSECRET_KEY=<chuỗi ngẫu nhiên>\nSECRET_KEY=${SECRET_KEY}")
        == []
    )


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def test_no_secrets_committed():
    """Grep the committed tree (HEAD), not the working copy: what is pushed is what leaks."""
    listing = _git("ls-tree", "-r", "-z", "--name-only", "HEAD")
    if listing.returncode != 0:
        pytest.skip("không phải bản git (tải dạng nén): không có cây đã commit để kiểm tra")
    names = [n for n in listing.stdout.split("\0") if n]
    assert names
    hits = _git(
        "grep", "-I", "-n", "-E", "SECRET_KEY|PRIVATE KEY", "HEAD", "--", ".", ":!tests/apps/test_security.py"
    )
    assert hits.returncode in (0, 1), hits.stderr
    offenders = [line[:80] for line in hits.stdout.splitlines() if secrets_in(line.split(":", 3)[-1])]
    assert offenders == []
    key_files = [
        n for n in names if Path(n).name in {".env", "secret_key"} or n.endswith((".pem", ".key", ".p12"))
    ]
    assert key_files == []


@pytest.mark.parametrize(
    "env, word",
    [
        ({"ALLOWED_HOSTS": "*", "SECRET_KEY": _strong_key()}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "cchc.example.vn, *", "SECRET_KEY": _strong_key()}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "cchc.example.vn", "SECRET_KEY": "a" * 36}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": "cchc.example.vn", "SECRET_KEY": "ab" * 40}, "SECRET_KEY"),
        (
            {"ALLOWED_HOSTS": "cchc.example.vn", "SECRET_KEY": "django-insecure-" + _strong_key()},
            "SECRET_KEY",
        ),
    ],
)
def test_production_refuses_wildcard_hosts_and_weak_keys(tmp_path, env, word):
    """Issue 10, defect 8: ``ALLOWED_HOSTS=*`` and a 36-character ``aaaa…`` key were accepted."""
    result = _run(SETUP + "print('started')", CCHC_PRODUCTION="1", CCHC_VAR_DIR=str(tmp_path), **env)
    assert result.returncode != 0 and "started" not in result.stdout
    assert word in _one_line(result.stderr)
