"""Error reporting with Sentry's SDK (or a compatible service such as GlitchTip), switched on
by the environment variable SENTRY_DSN, and sending no personal data: no IP addresses, user
names or e-mail addresses (the SDK's default), no cookies, headers, query strings or request
bodies, no local variables of the stack frames, no breadcrumbs (earlier log lines, which name
the recipients of notices), and e-mail addresses in error messages replaced.
SENTRY_ENVIRONMENT and SENTRY_RELEASE name the deployment, as the SDK reads them.
Imported by the settings; the SDK itself only when SENTRY_DSN is set (the extra "sentry").
"""

import re

from django.core.exceptions import ImproperlyConfigured

# What a request in an event may keep: the method and the address without its query string.
REQUEST_KEYS = {"method", "url"}
# Messages of errors and log lines can quote what was saved (a database error names the
# duplicate value): e-mail addresses and IP addresses are replaced.
PERSONAL = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|\b\d{1,3}(?:\.\d{1,3}){3}\b"  # IPv4 addresses
    r"|(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}"  # IPv6 addresses, full
    r"|(?:[0-9a-fA-F]{1,4}:)*[0-9a-fA-F]{0,4}::[0-9a-fA-F:]*[0-9a-fA-F]"  # and shortened
)
REPLACEMENT = "[entfernt]"


def _redact(value):
    return PERSONAL.sub(REPLACEMENT, value) if isinstance(value, str) else value


def scrub(event, hint=None):
    """before_send: remove what could identify a person from an event before it is sent."""
    for key in ("user", "breadcrumbs", "extra"):
        event.pop(key, None)
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = {key: value for key, value in request.items() if key in REQUEST_KEYS}
    for exception in (event.get("exception") or {}).get("values") or []:
        exception["value"] = _redact(exception.get("value"))
        for frame in (exception.get("stacktrace") or {}).get("frames") or []:
            frame.pop("vars", None)
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        for key in ("message", "formatted"):
            logentry[key] = _redact(logentry.get(key))
        if logentry.get("params"):
            logentry["params"] = [_redact(str(param)) for param in logentry["params"]]
    event["message"] = _redact(event.get("message"))
    return {key: value for key, value in event.items() if value is not None}


def sentry_options(environ):
    """The options for sentry_sdk.init, or None without SENTRY_DSN."""
    dsn = environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return None
    return {
        "dsn": dsn,
        # No send_default_pii: unset, the SDK collects no personal data and scrubs its events
        # (newer SDKs warn that setting it is deprecated).
        "include_local_variables": False,
        "max_request_body_size": "never",
        "max_breadcrumbs": 0,
        "before_send": scrub,
        # Errors only: no performance traces, no profiles.
        "traces_sample_rate": 0,
    }


def init_error_reporting(environ):
    """Start Sentry's SDK when SENTRY_DSN is set; returns whether it was started."""
    options = sentry_options(environ)
    if options is None:
        return False
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
    except ImportError as error:
        raise ImproperlyConfigured(
            'SENTRY_DSN ist gesetzt, aber Sentrys SDK fehlt: pip install ".[sentry]".'
        ) from error
    sentry_sdk.init(integrations=[DjangoIntegration()], **options)
    return True
