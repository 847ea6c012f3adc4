from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Synthetic data at full size and the benchmark of the running portal (docs/performance.md).
    Nothing in the portal imports this app."""

    name = "bench"
    verbose_name = _("Lasttests und Leistungsmessung")
