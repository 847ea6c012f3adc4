from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "notices"
    verbose_name = _("Benachrichtigungen")

    def ready(self):
        from django.core import checks as django_checks

        from notices import checks

        django_checks.register(checks.mail_server_configured, "mail", deploy=True)
