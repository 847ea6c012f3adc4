from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Offene Daten")

    def ready(self):
        from opendata import checks  # noqa: F401  (registers the deploy checks)
