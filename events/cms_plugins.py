from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from events.models import UpcomingEventsPluginModel
from portal.caching import RecordPluginCache


@plugin_pool.register_plugin
class UpcomingEventsPlugin(RecordPluginCache, CMSPluginBase):
    model = UpcomingEventsPluginModel
    name = _("Kommende Veranstaltungen")
    module = _("Netzwerke")
    render_template = "events/upcoming_events_plugin.html"
    autocomplete_fields = ["network", "topic", "municipality"]

    def render(self, context, instance, placeholder):
        context["events"] = instance.events()
        return context
