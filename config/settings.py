"""Settings for Opvangregister, read from the environment.

Development gets safe defaults (SQLite file, DEBUG on); production differs only by
environment variables: DATABASE_URL, SECRET_KEY, DEBUG=0 and ALLOWED_HOSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_list, env_mapping

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DEBUG", True)
# Production is DEBUG off as configured; test runners switch settings.DEBUG off at run
# time, but this stays as the environment says (gemeenten.checks uses it).
PRODUCTION = not DEBUG

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY moet gezet zijn als DEBUG uit staat.")
    # Development only: a fixed, clearly insecure key so that sessions survive restarts.
    SECRET_KEY = "django-insecure-alleen-voor-ontwikkeling"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

# Shown as a banner on every page, so nobody mistakes demo figures for real ones.
DEMO_MODE = env_bool("DEMO_MODE", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_tables2",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    # Floors, bottom to top (see docs/architecture.md); kern is a plain package.
    "gemeenten",
    # After django_otp, axes and auth: accounts.admin re-registers their admins.
    "accounts",
    "opvang",
    "ontheemden",
    "huisvesting",
    "uitruil",
    "rapportage",
    "meldingen",
    "scenarios",
    "landelijk",
    "portaal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "accounts.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.OTPRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that it turns the lockout flag set during authentication into the
    # lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "gemeenten.context_processors.app",
                "meldingen.context_processors.meldingen",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Take the write lock when a transaction starts, so that the version check of a
    # location and its save cannot interleave with another request's (as
    # SELECT ... FOR UPDATE does on PostgreSQL).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # Tests use a file, not Django's shared in-memory database: there a second
    # connection gets "database table is locked" instead of waiting for the write lock,
    # so the concurrency tests (threads with connections of their own) could not run.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test-db.sqlite3")}

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "gemeenten.User"

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out username and IP is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, loading the user's gemeente and provincie with the user.
    "accounts.backends.UserScopeBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Dutch for third-party words that ship none (django-axes in the beheer screens).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Behind one reverse proxy the client IP is the last address in X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Brute-force protection (django-axes): five failures for one username from one IP
# lock that combination out for AXES_COOLOFF_MINUTES. The IP comes from the same
# function as the audit trail's, so both trust the same number of proxies.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_CLIENT_IP_CALLABLE = "kern.security_log.request_ip"

# Two-factor login (django-otp, TOTP with backup codes). On by default in production;
# off by default in development, where every page then says so.
OTP_REQUIRED = env_bool("OTP_REQUIRED", not DEBUG)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Opvangregister")
# Failed codes (accounts.otp_throttle): at most OTP_IP_FAILURE_LIMIT per account from one
# IP and OTP_ACCOUNT_FAILURE_LIMIT per account from all IPs in OTP_FAILURE_WINDOW_MINUTES;
# reaching a limit refuses every code, from that IP or from all, for OTP_COOLOFF_MINUTES.
OTP_FAILURE_WINDOW_MINUTES = int(os.environ.get("OTP_FAILURE_WINDOW_MINUTES", "15"))
OTP_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("OTP_ACCOUNT_FAILURE_LIMIT", "10"))
OTP_IP_FAILURE_LIMIT = int(os.environ.get("OTP_IP_FAILURE_LIMIT", "5"))
OTP_COOLOFF_MINUTES = int(os.environ.get("OTP_COOLOFF_MINUTES", "5"))
# django-otp's throttle per device doubles its delay after every failure, without bound:
# whoever knows the password could block the user's codes for days. The limit above
# replaces it.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# The counts of failed codes must be shared by every worker process, so the cache is a
# database table (created by migrate, see accounts.apps). One entry per account.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "opvangregister_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
    "rapporten": None,  # set below
}


def rapport_cache(waarde):
    """Return the cache of computed reports and rendered pages (docs/snelheid.md).

    Its keys hold the province's data version (kern.dataversie), so an entry is never
    stale and any backend is safe. 'locmem' (default): each worker process keeps its
    own, the fastest to read. 'db': one table shared by the workers. 'redis://…':
    Redis, shared and fast, for several machines.
    """
    if waarde == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "opvangregister-rapporten",
            "TIMEOUT": 3600,
            # Room for a row per gemeente (rapportage.rijcache) beside reports and pages.
            "OPTIONS": {"MAX_ENTRIES": 4000},
        }
    if waarde == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "opvangregister_rapportcache",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    if waarde.startswith(("redis://", "rediss://")):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": waarde,
            "TIMEOUT": 3600,
        }
    raise ImproperlyConfigured(f"RAPPORT_CACHE moet locmem, db of redis://… zijn, niet {waarde!r}.")


CACHES["rapporten"] = rapport_cache(os.environ.get("RAPPORT_CACHE", "locmem"))

# Background tasks (django-tasks, the backport of Django 6's django.tasks): the PDFs
# of the verslag and plan are rendered by a task (rapportage.tasks), off the request.
# TASKS_BACKEND=db: stored in the database and run by `manage.py db_worker`
# (django-tasks-db), the production recipe and `make run`. 'immediate': run inside the
# request that asks, as before (tests, and a development server without a worker).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "immediate" if DEBUG else "db")
if TASKS_BACKEND not in ("db", "immediate"):
    raise ImproperlyConfigured(f"TASKS_BACKEND moet db of immediate zijn, niet {TASKS_BACKEND!r}.")
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "db"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}
# The beheer screens never show a device's key, QR code or backup codes: whoever sees
# them could log in as that user.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after
# login, whichever comes first (accounts.middleware.SessionTimeoutMiddleware). The
# cookie itself lives no longer than the absolute limit and not past the browser.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_MINUTES", "30")) * 60
SESSION_ABSOLUTE_TIMEOUT = int(os.environ.get("SESSION_MAX_HOURS", "8")) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# A refused CSRF check: the Dutch "page expired" page, and a line in the security log.
CSRF_FAILURE_VIEW = "accounts.views_errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# No inline script or style anywhere: templates load only our own files; the QR code of
# the two-factor enrolment is an inline data: image.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "img-src": ["'self'", "data:"],
    }
}

if not DEBUG:
    # Off only for the demo on http://127.0.0.1 (make run); production serves https.
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DJANGO_TABLES2_TEMPLATE = "django_tables2/table.html"

# Mail, for the links with which users set their own password (accounts.services):
# printed on the console in development, sent through EMAIL_HOST in production.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Opvangregister <noreply@localhost>")
# The app's address in links sent by mail; by default the first allowed host over HTTPS.
SITE_URL = os.environ.get(
    "SITE_URL", "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}"
).rstrip("/")
# The file backend (EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend, as
# `make run` sets) writes every mail to a file in this folder.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / ".mail"))
# Notifications (meldingen): Reply-To of their mails, the PRT's address: one for every
# province, or per province code ("PV26=prt@provincie-utrecht.nl,PV27=…"); empty: none.
PRT_REPLY_TO = env_mapping("PRT_REPLY_TO")
# Reminders before an uitvraag's deadline, in days, unless the PRT sets others for it.
HERINNERING_DAGEN = [int(d) for d in env_list("HERINNERING_DAGEN", ["7", "2"])]
# A link to set one's password works once, and no longer than this.
# Who users contact with questions: shown in every page's footer and in the
# toegankelijkheidsverklaring. Empty values are left out (the footer then refers to
# the province's beheerder); the deploy check warns when no address is set.
HELPDESK = {
    "naam": os.environ.get("HELPDESK_NAAM", ""),
    "email": os.environ.get("HELPDESK_EMAIL", ""),
    "telefoon": os.environ.get("HELPDESK_TELEFOON", ""),
    "bereikbaar": os.environ.get("HELPDESK_BEREIKBAAR", ""),
}
# The organisation that offers this installation, as the toegankelijkheidsverklaring
# names it (e.g. "Provincie Utrecht").
ORGANISATIE = os.environ.get("ORGANISATIE", "")
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_LINK_HOURS", "72")) * 3600

# Security events (BIO 8.15) are JSON lines on their own logger, to a file when
# SECURITY_LOG_FILE is set (for log shipping), else to stderr; see kern.security_log.
SECURITY_LOG_FILE = os.environ.get("SECURITY_LOG_FILE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json_line": {"format": "%(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "security": (
            {
                "class": "logging.handlers.WatchedFileHandler",
                "filename": SECURITY_LOG_FILE,
                "formatter": "json_line",
            }
            if SECURITY_LOG_FILE
            else {"class": "logging.StreamHandler", "formatter": "json_line"}
        ),
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "opvangregister.security": {
            "handlers": ["security"],
            "level": "INFO",
            "propagate": False,
        },
    },
}

# Uploaded uitvraag workbooks (opvang/excel/): refused before parsing when larger than
# these limits. A normal workbook of 5.000 rows is well under 1 MB packed, 10 MB unpacked.
EXCEL_UPLOAD_MAX_BYTES = int(os.environ.get("EXCEL_UPLOAD_MAX_BYTES", 5 * 1024 * 1024))
EXCEL_UNPACKED_MAX_BYTES = int(os.environ.get("EXCEL_UNPACKED_MAX_BYTES", 50 * 1024 * 1024))
EXCEL_MAX_COMPRESSION_RATIO = int(os.environ.get("EXCEL_MAX_COMPRESSION_RATIO", 100))
EXCEL_MAX_ROWS = int(os.environ.get("EXCEL_MAX_ROWS", 5000))
