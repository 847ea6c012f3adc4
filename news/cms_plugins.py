from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from news.models import LatestNewsPluginModel
from portal.caching import RecordPluginCache


@plugin_pool.register_plugin
class LatestNewsPlugin(RecordPluginCache, CMSPluginBase):
    model = LatestNewsPluginModel
    name = _("Aktuelle Meldungen")
    module = _("Netzwerke")
    render_template = "news/latest_news_plugin.html"
    autocomplete_fields = ["network", "municipality"]

    def render(self, context, instance, placeholder):
        context["items"] = instance.items()
        return context
