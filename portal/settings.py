"""Settings of the portal, driven by environment variables (see README.md)."""

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONCE, NONE, REPORT_SAMPLE, SELF, UNSAFE_HASHES, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from PIL import features as _pillow_features

from portal.database import database_config
from portal.error_reporting import init_error_reporting
from portal.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# pytest sets PYTEST_VERSION; tests get a throwaway database server.
TESTING = "PYTEST_VERSION" in os.environ
DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not (DEBUG or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY ist nicht gesetzt. Ohne DEBUG startet das Portal nur mit einem "
            "geheimen Schlüssel aus der Umgebungsvariablen SECRET_KEY."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug-or-tests"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "djangocms_text",
    "djangocms_versioning",
    "filer",
    "easy_thumbnails",
    "reversion",
    "django_filters",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    # The base first, then each app after the apps it builds on.
    "portal",
    "accounts",
    "media",
    "notices",
    "networks",
    "contacts",
    "initiatives",
    "events",
    "news",
    "opendata",
]

MIDDLEWARE = [
    # /healthz and /readyz for load balancers: before host checks, HTTPS redirects and cookies.
    "portal.health.HealthChecks",
    "portal.logs.RequestId",
    # Database unreachable: 503 with Retry-After; before everything that touches the database.
    "portal.faults.DatabaseFaults",
    "cms.middleware.utils.ApphookReloadMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.request_guard.ControlCharacterGuard",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.caching.PublicPageCache",
    # Inside the page cache: a cached page keeps the headers it was rendered with.
    "portal.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The second factor: who owes it reaches nothing else (accounts.middleware).
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "cms.middleware.toolbar.ToolbarMiddleware",
    "portal.draft_access.DraftAccessMiddleware",
    # Turns a refused login of a locked account into the lockout page; django-axes wants it last.
    "axes.middleware.AxesMiddleware",
    # No cms LanguageCookieMiddleware: the language is in the path, and a visitor who did not
    # choose one gets no cookie (which would also keep shared caches from storing pages).
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
            ],
        },
    },
]

DATABASES = {"default": database_config(BASE_DIR, testing=TESTING)}

# One cache for all workers (portal.caching): a table in the portal's PostgreSQL, created by
# a migration, or Redis/Valkey, e.g. CACHE_URL=redis://cache.example.org:6379/0.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "portal_cache"}
    )
}
if TESTING and not CACHE_URL:
    # Each test starts with an empty cache; the shared caches are tested with real servers
    # (tests/portal/test_caching.py).
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
# How long anonymous visitors' pages stay cached; a change of content replaces them at once,
# a record that becomes public at a set time appears within this time.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "120"))
PAGE_CACHE_SKIP = ("/admin/", "/en/admin/", "/i18n/", "/media/", "/static/")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login (accounts; README, "Login and second factor").
# The admin's login form serves everyone: CMS pages that require a login send visitors there.
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    # django-axes refuses a locked account before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Throttling (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one account from one
# address, that account is locked for that address for LOGIN_COOLOFF_MINUTES, the right password
# too; an administrator lifts it earlier (admin: Axes, access attempts), and so does a reset of
# the password by e-mail.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_COOLOFF_MESSAGE = _("Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es später.")
# Behind reverse proxies the address is read from X-Forwarded-For (accounts.throttling): set the
# number of proxies in front of the portal that append to it (compose.yaml: 1).
LOGIN_TRUSTED_PROXIES = int(os.environ.get("LOGIN_TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_address"
# The link in the password reset mail holds for this long, and only once.
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_HOURS", "24")) * 3600
# A second factor (TOTP, django-otp) for "superusers" (default), all "staff", or "none"; staff
# who set one up give it in any case. Tests turn it on where they test it.
PORTAL_REQUIRE_2FA_FOR = os.environ.get(
    "PORTAL_REQUIRE_2FA_FOR", "none" if TESTING else "superusers"
)
if PORTAL_REQUIRE_2FA_FOR not in {"superusers", "staff", "none"}:
    raise ImproperlyConfigured("PORTAL_REQUIRE_2FA_FOR muss superusers, staff oder none sein.")
# The name under which authenticator apps list the portal.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Netzwerke Brandenburg")
# The admin of TOTP devices never shows a key or its QR code: a lost device is deleted there.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "de"
# Each language is named in itself, as a language switcher should show it.
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

SITE_ID = 1
# The portal's name and domain, for the CMS toolbar and everything that names the site (the
# Sites framework's record is set from these after every migrate).
SITE_NAME = os.environ.get("SITE_NAME", "Netzwerke der Städte und Gemeinden in Brandenburg")
SITE_DOMAIN = os.environ.get(
    "SITE_DOMAIN", next((host for host in ALLOWED_HOSTS if "*" not in host), "localhost")
)

# django-cms 5.1 pins django-treebeard<6; this warning is about treebeard 6 and harmless here.
SILENCED_SYSTEM_CHECKS = ["treebeard.E001"]

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))

# Images and documents: django-filer with easy-thumbnails. Files go through Django's storage
# API (STORAGES["default"], which filer's public storage follows), so S3-compatible storage is
# a setting (README). Uploads are checked by their content in media/validation.py.
FILER_IMAGE_MODEL = "media.Image"
FILER_ENABLE_PERMISSIONS = True
UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_MB", "20")) * 1024 * 1024
# Against decompression bombs: larger images are refused on upload.
FILER_MAX_IMAGE_PIXELS = int(os.environ.get("UPLOAD_MAX_MEGAPIXELS", "50")) * 1_000_000
THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)
THUMBNAIL_EXTENSION = THUMBNAIL_TRANSPARENCY_EXTENSION = (
    "webp" if _pillow_features.check("webp") else "jpg"
)
THUMBNAIL_QUALITY = 82
# Photos lose their metadata on upload (GPS position, camera, owner): filer re-encodes them.
# Not GIF: re-encoding would keep only the first frame of an animation.
_PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"]
# What may be uploaded. Filer takes the type from the file name; media.validation checks that
# the content is of that type. SVG and HTML are listed only to be refused there with a reason
# of their own (they can carry scripts); filer refuses everything else before that.
_UPLOAD_TYPES = [
    *_PHOTO_TYPES,
    "image/gif",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "text/csv",
    "text/plain",
]
FILER_MIME_TYPE_WHITELIST = [*_UPLOAD_TYPES, "image/svg+xml", "text/html"]
# Filer's own validators of these types would answer first, or sanitise an SVG and keep it.
FILER_REMOVE_FILE_VALIDATORS = ["image/svg+xml", "text/html"]
FILER_ADD_FILE_VALIDATORS = {
    mime_type: ["media.validation.validate_upload"]
    + (["filer.validation.strip_exif"] if mime_type in _PHOTO_TYPES else [])
    for mime_type in FILER_MIME_TYPE_WHITELIST
}
# Uploaded files are served by the web server or proxy in production; by Django in development
# and tests.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG or TESTING)

CMS_TEMPLATES = [
    ("cms/page.html", _("Standardseite")),
    ("cms/home.html", _("Startseite")),
]
CMS_LANGUAGES = {
    SITE_ID: [
        {"code": "de", "name": "Deutsch", "public": True},
        {"code": "en", "name": "English", "public": True, "fallbacks": ["de"]},
    ],
    "default": {"fallbacks": ["de"], "redirect_on_fallback": False, "hide_untranslated": False},
}
DJANGOCMS_VERSIONING_ALLOW_DELETING_VERSIONS = False

# The domain in the events' iCalendar UIDs. Keep it once set: calendar programs recognise an
# event by its UID, so a new domain would show every subscribed event twice.
CALENDAR_UID_DOMAIN = os.environ.get(
    "CALENDAR_UID_DOMAIN", next((host for host in ALLOWED_HOSTS if "*" not in host), "localhost")
).lstrip(".")
# The subscribed calendars hold the events not over longer than this many days ago; the
# archive /veranstaltungen/archiv.ics holds all.
CALENDAR_WINDOW_DAYS = int(os.environ.get("CALENDAR_WINDOW_DAYS", "365"))
# Who publishes the open data (named in the DCAT catalogue and in the licence attribution).
OPEN_DATA_PUBLISHER = os.environ.get(
    "OPEN_DATA_PUBLISHER", "Portal der Städte- und Gemeindenetzwerke in Brandenburg"
)
# The office's address for questions about the open data, the catalogue's contact point (a
# shared mailbox, not a person's); empty: the catalogue has none, and check --deploy warns.
OPEN_DATA_CONTACT_EMAIL = os.environ.get("OPEN_DATA_CONTACT_EMAIL", "").strip()
# The portal's contributor ID that GovData assigns (http://dcat-ap.de/def/contributors/…, or
# the ID alone); harvesters need it on every dataset. Empty: check --deploy warns.
OPEN_DATA_CONTRIBUTOR_ID = os.environ.get("OPEN_DATA_CONTRIBUTOR_ID", "").strip()

# Page permissions: city editors edit only the page subtrees granted to them (portal.permissions).
CMS_PERMISSION = True
# The toolbar's help leads to the portal's own guide for staff (portal.cms_toolbars).
CMS_ENABLE_HELP = False

# The text plugin's HTML is cleaned with nh3 on save: its allow-list has no script, style or
# iframe, no event-handler or style attributes (portal.sanitize.keep_no_style_in_rich_text)
# and no javascript: URLs. Nothing is added to it.
TEXT_HTML_SANITIZE = True
TEXT_ADDITIONAL_TAGS = ()
TEXT_ADDITIONAL_ATTRIBUTES = {}
TEXT_ADDITIONAL_PROTOCOLS = ()

SESSION_COOKIE_SECURE = not DEBUG and not TESTING
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SESSION_COOKIE_SECURE)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"

# Security headers (README, "Security headers"): HSTS outside DEBUG, a Content-Security-Policy
# with nonces (django-csp) strict for visitors and relaxed for logged-in staff only as far as
# the CMS toolbar, structure mode and the admin need it (portal.security), Permissions-Policy.
# Browsers send HSTS only over HTTPS: SecurityMiddleware sets it on secure requests only.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS += [
    # The CMS toolbar shows the admin in frames of the portal's own pages (side frame, plugin
    # dialogs): X-Frame-Options SAMEORIGIN and frame-ancestors 'self', not DENY.
    "security.W019",
    # Preloading is decided per registered domain (example.org), not by the portal on a host
    # name below it; SECURE_HSTS_PRELOAD=1 sends it where the domain's owner wants it.
    "security.W021",
]
_CSP_BASE = {
    "default-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    # The CMS toolbar's style sheet inlines its logo and icons as data: images (its login form
    # shows on any page with ?toolbar_on).
    "img-src": [SELF, "data:"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_BASE,
        # 'report-sample' only adds the start of what was blocked to a violation report.
        "script-src": [SELF, NONCE, REPORT_SAMPLE],
        "style-src": [SELF, NONCE],
    }
}
# What the CMS toolbar, structure mode, the text editor and the admin (django-filer's
# included) need beyond the visitors' policy; each relaxation is explained in README. The
# hashes are of django-filer's inline scripts and handlers (tests/portal/test_headers.py
# recomputes them from the installed templates).
CONTENT_SECURITY_POLICY_STAFF = {
    "DIRECTIVES": {
        **_CSP_BASE,
        "script-src": [
            SELF,
            NONCE,
            "'sha256-ljUXnbvEf+OosZoYV7dcz12iTLqMpaRC0P9Ddjogrm8='",  # new_folder_form.html
            "'sha256-c04RiOxxCpukT7oDQyqW2UGEroABTpCfxlVmwy2gkwQ='",  # dismiss_popup.html
            "'sha256-+Zyx4ctCLtIQ283OqcL9V/VXWgioV+mJxn59W1fM4IE='",  # image/expand.html
        ],
        "script-src-attr": [
            REPORT_SAMPLE,
            UNSAFE_HASHES,
            "'sha256-lvpv/2js/nmbdOjGFaxzqF6E1GZvBebuz6/XAxxp2NU='",  # showAddAnotherPopup
            "'sha256-QpWGkKquWI/J3cpvX793NKTB5KOTCfKmTu11V8t9vig='",  # image zoom
        ],
        "style-src": [SELF, UNSAFE_INLINE],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Logs to stderr, as text or (LOG_FORMAT=json) one JSON object per line, each with the id of
# its request (portal.logs).
LOGGING = logging_config(
    level=os.environ.get("LOG_LEVEL", "WARNING"), log_format=os.environ.get("LOG_FORMAT", "text")
)
# A request for a host name not in ALLOWED_HOSTS is a scanner's, answered 400; nobody needs to
# act on it, so it must not fill the log with errors.
LOGGING["loggers"]["django.security.DisallowedHost"] = {"handlers": ["null"], "propagate": False}

# E-mail
# EMAIL_URL names the SMTP server, e.g. smtp://user:password@mail.example.org:587?tls=1 (or
# ?ssl=1 for implicit TLS, usually port 465); characters such as @ or : in the user name or
# password are percent-encoded. Without it, mails are printed to the console (development).


def email_server(url):
    """The SMTP settings named by `url`, as {setting: value}."""
    from urllib.parse import parse_qs, unquote, urlsplit

    parts = urlsplit(url)
    if parts.scheme != "smtp" or not parts.hostname:
        raise ImproperlyConfigured(
            "EMAIL_URL muss die Form smtp://benutzer:passwort@server:port?tls=1 haben."
        )
    options = {key: values[-1].lower() for key, values in parse_qs(parts.query).items()}
    use_ssl = options.get("ssl") in {"1", "true", "yes", "on"}
    use_tls = options.get("tls") in {"1", "true", "yes", "on"}
    if use_ssl and use_tls:
        raise ImproperlyConfigured("EMAIL_URL: bitte nur eines von tls=1 und ssl=1 angeben.")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or (465 if use_ssl else 587 if use_tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }


_email_server = email_server(os.environ["EMAIL_URL"]) if os.environ.get("EMAIL_URL") else {}
EMAIL_BACKEND = _email_server.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = _email_server.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _email_server.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email_server.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email_server.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email_server.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email_server.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Portal der Netzwerke <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in e-mails: where the portal is reached, without a trailing slash.
PORTAL_BASE_URL = os.environ.get(
    "PORTAL_BASE_URL",
    "http://localhost:8000"
    if DEBUG or TESTING
    else f"https://{next((host for host in ALLOWED_HOSTS if '*' not in host), 'localhost')}",
).rstrip("/")

# Backups (manage.py backup / restore): dated directories under this one.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "var" / "backups"))

# Error reporting with Sentry's SDK when SENTRY_DSN is set, without personal data
# (portal.error_reporting); needs the extra: pip install ".[sentry]".
init_error_reporting(os.environ)
