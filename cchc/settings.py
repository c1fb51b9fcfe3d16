"""Django settings, read from the environment (12-factor).

Defaults give the embedded mode a newcomer expects: SQLite under ``var/``, a secret key generated
there on first run, DEBUG off. ``CCHC_PRODUCTION=1`` turns on the strict mode that refuses to start
with an insecure configuration (see ``cchc.checks``).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

from cchc.env import env, envbool, envdate, envfloat, envint, envlist
from core.bounds import MAX_YEAR, MIN_YEAR

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env("CCHC_VAR_DIR", str(BASE_DIR / "var")))

PRODUCTION = envbool("CCHC_PRODUCTION")
DEBUG = envbool("DEBUG")


def _secret_key() -> str:
    """SECRET_KEY from the environment; in embedded mode, generated once into var/ and reused."""
    key = env("SECRET_KEY")
    if key or PRODUCTION:
        return key
    path = VAR_DIR / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    try:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        path.write_text(key)
        path.chmod(0o600)
        return key
    except OSError:
        # A read-only disk: run with a per-process key rather than crash; sessions will not survive
        # a restart, which the startup check reports.
        return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "apps.accounts",
    "apps.orgs",
    "apps.audit",
    "apps.system",
    "apps.plans",
    "apps.review",
    "apps.tracking",
    "apps.reports",
    "django_tasks",
    "django_tasks_db",
    "apps.jobs",
    "apps.assessment",
    "apps.dossiers",
    "apps.indicators",
    "apps.api",
    "apps.citizen",
    "apps.search",
    "captcha",
    # Last, as its documentation asks: deletes the files of deleted rows (on commit, storage API).
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "cchc.middleware.ContentSecurityPolicyMiddleware",
    "apps.audit.middleware.AuditActorMiddleware",
    "cchc.middleware.DatabaseErrorMiddleware",
    "cchc.middleware.MeasuresSessionMiddleware",
]

ROOT_URLCONF = "cchc.urls"
WSGI_APPLICATION = "cchc.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cchc.context.navigation",
            ],
        },
    },
]

DEFAULT_SQLITE = f"sqlite:///{VAR_DIR / 'cchc.sqlite3'}"
DATABASE_URL = env("DATABASE_URL", DEFAULT_SQLITE)
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=envint("DB_CONN_MAX_AGE", 60, 0, 86400))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the in-process reminder job and web requests share the file.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A file, not memory, for the test database: worker processes started by tests must open it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-cchc.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "apps.accounts.hashers.CchcArgon2PasswordHasher",  # Argon2id, OWASP parameters (see the module)
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Login throttling: after this many failures for one username or one address within the window,
# further attempts are refused until the window passes.
LOGIN_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5, 1, 1000)
LOGIN_FAILURE_WINDOW_SECONDS = envint("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60, 1, 7 * 86400)

# The interface is Vietnamese whatever the browser asks for (no LocaleMiddleware): an official on an
# English-language browser must still see Vietnamese messages and weekdays.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["cchc.formats"]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))  # outside the web root, served by views
# Uploaded files (evidence, signed report scans, plan documents) go through Django's storage API:
# on disk under MEDIA_ROOT by default, on S3-compatible object storage (django-storages) when
# S3_BUCKET is set. Either way they are private and served only by views that check permissions.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env("S3_BUCKET"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("S3_BUCKET"),
            "endpoint_url": env("S3_ENDPOINT_URL") or None,  # MinIO, Ceph, a provider's S3 endpoint
            "region_name": env("S3_REGION") or None,
            # Empty: boto3's own chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, an instance role).
            "access_key": env("S3_ACCESS_KEY_ID") or None,
            "secret_key": env("S3_SECRET_ACCESS_KEY") or None,
            "location": env("S3_PREFIX"),
            "addressing_style": env("S3_ADDRESSING_STYLE") or None,  # "path" for most MinIO set-ups
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
WHITENOISE_USE_FINDERS = True
try:  # WhiteNoise warns at every start when the collected-static folder is missing
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
except OSError:
    pass
WHITENOISE_AUTOREFRESH = DEBUG

UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024)
# Dossier exports (CSV/XLSX of a one-stop system) are larger: a province's year is ~200 MB.
DOSSIER_IMPORT_MAX_BYTES = envint("CCHC_DOSSIER_IMPORT_MAX_MB", 1024, 1, 16 * 1024) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if env("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25, 1, 65535)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "cchc@localhost")

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env("REDIS_URL"):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
    }

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000, 0, 2 * 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The level is set on the handler too: Django's own loggers pass records up without filtering.
    "handlers": {"console": {"class": "logging.StreamHandler", "level": env("LOG_LEVEL", "WARNING")}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Background work (apps.jobs): Django's Tasks API (DEP 14, the django-tasks backport). The database
# backend is the embedded default; with REDIS_URL the RQ backend. CCHC_INLINE_JOBS runs a worker thread
# inside `cchc serve` (database backend only); at scale turn it off and run `cchc worker` processes.
TESTING = bool(os.environ.get("CCHC_TESTING"))
CCHC_INLINE_JOBS = envbool("CCHC_INLINE_JOBS", True)
CCHC_TASK_BACKEND = env("CCHC_TASK_BACKEND", "immediate" if TESTING else ("rq" if env("REDIS_URL") else "db"))
TASK_BACKENDS = {
    "db": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if CCHC_TASK_BACKEND not in TASK_BACKENDS:
    raise SystemExit(f"cchc: CCHC_TASK_BACKEND phải là một trong {', '.join(TASK_BACKENDS)}.")
CCHC_JOB_QUEUES = envlist("CCHC_JOB_QUEUES", ["default"])
TASKS = {"default": {"BACKEND": TASK_BACKENDS[CCHC_TASK_BACKEND], "QUEUES": CCHC_JOB_QUEUES}}
if CCHC_TASK_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {
        name: {
            "URL": env("CCHC_RQ_URL", env("REDIS_URL", "redis://127.0.0.1:6379/0")),
            "DEFAULT_TIMEOUT": 4 * 3600,
        }
        for name in CCHC_JOB_QUEUES
    }
# The pinned business date (cchc.clock) is checked here, once, so a typo stops the start-up.
CCHC_TODAY = envdate("CCHC_TODAY", MIN_YEAR, MAX_YEAR)


# A running job renews its lease every third of this; a job whose lease ran out (its worker was killed)
# is run again by the next worker's sweep, which runs every CCHC_JOB_SWEEP_SECONDS.
CCHC_JOB_LEASE_SECONDS = envfloat("CCHC_JOB_LEASE_SECONDS", 60, 1, 86400)
CCHC_JOB_SWEEP_SECONDS = envfloat("CCHC_JOB_SWEEP_SECONDS", 15, 0.1, 86400)
# Fault testing only: pause this long after each progress report, so a harness can kill a worker
# in the middle of a job (apps/jobs/testing.py).
CCHC_JOB_STEP_DELAY = envfloat("CCHC_JOB_STEP_DELAY", 0, 0, 86400)

# Citizen voice (apps.citizen): public pages without login. Limits are "hits/seconds" per client
# address, counted in the database so they hold across web processes.
CITIZEN_UPLOAD_MAX_BYTES = envint("CITIZEN_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
CITIZEN_MAX_FILES = envint("CITIZEN_MAX_FILES", 3)
CITIZEN_RATE_LIMITS = {
    "petition": env("CITIZEN_LIMIT_PETITION", "5/3600"),
    "lookup": env("CITIZEN_LIMIT_LOOKUP", "30/600"),
    "rating": env("CITIZEN_LIMIT_RATING", "20/3600"),
    "survey": env("CITIZEN_LIMIT_SURVEY", "30/3600"),
}
# The challenge (django-simple-captcha, self-hosted): a small sum drawn as an image, one use only.
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
CAPTCHA_MATH_CHALLENGE_OPERATOR = "x"
CAPTCHA_TIMEOUT = 20  # minutes: time to write a petition on a phone
CAPTCHA_FONT_SIZE = 30
CAPTCHA_IMAGE_SIZE = (130, 46)
CAPTCHA_2X_IMAGE = False

if TESTING:
    # Argon2 is deliberately slow; the test suite hashes hundreds of passwords.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _refuse_insecure_production() -> None:
    """In production mode, refuse to start with an insecure configuration, in one line."""
    problems = []
    # The thresholds of Django's own check (security.W009): 50 characters, 5 different ones.
    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
        problems.append(
            "SECRET_KEY chưa đặt hoặc yếu (cần ngẫu nhiên, ít nhất 50 ký tự; tạo bằng: "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    if DEBUG:
        problems.append("DEBUG đang bật")
    if not ALLOWED_HOSTS:
        problems.append("ALLOWED_HOSTS chưa đặt")
    elif any(host == "*" or host.startswith("*") for host in ALLOWED_HOSTS):
        problems.append("ALLOWED_HOSTS không được dùng * (ghi rõ tên miền của hệ thống)")
    if problems:
        raise SystemExit("cchc: CCHC_PRODUCTION=1 nhưng cấu hình không an toàn: " + "; ".join(problems) + ".")


if PRODUCTION:
    _refuse_insecure_production()
