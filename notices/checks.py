from django.conf import settings
from django.core import checks

# Backends that never reach anybody.
_NOT_SENDING = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}


def mail_server_configured(app_configs, **kwargs):
    """`check --deploy`: without EMAIL_URL, notices would be marked sent and reach nobody."""
    if settings.DEBUG or settings.EMAIL_BACKEND not in _NOT_SENDING:
        return []
    return [
        checks.Warning(
            "Es ist kein Mailserver eingestellt: Benachrichtigungen erreichen niemanden.",
            hint="EMAIL_URL setzen, z. B. smtp://benutzer:passwort@mail.example.org:587?tls=1",
            id="notices.W001",
        )
    ]
