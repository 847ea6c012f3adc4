from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Login: throttling (django-axes), password reset by e-mail, a second factor
    (django-otp, TOTP) for staff."""

    name = "accounts"
    verbose_name = _("Anmeldung")
