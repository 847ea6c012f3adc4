from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from networks.models import Network


@plugin_pool.register_plugin
class NetworkListPlugin(CMSPluginBase):
    model = CMSPlugin
    name = _("Übersicht der Netzwerke")
    module = _("Netzwerke")
    render_template = "networks/network_list_plugin.html"
    cache = True

    def render(self, context, instance, placeholder):
        context["networks"] = Network.objects.order_by("name")
        return context
