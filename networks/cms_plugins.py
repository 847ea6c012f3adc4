from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from networks.maps import municipality_map
from networks.models import Municipality, Network, NetworkMembersPluginModel


@plugin_pool.register_plugin
class NetworkListPlugin(CMSPluginBase):
    model = CMSPlugin
    name = _("Übersicht der Netzwerke")
    module = _("Netzwerke")
    render_template = "networks/network_list_plugin.html"

    def render(self, context, instance, placeholder):
        context["networks"] = Network.objects.public().select_related("image")
        return context


@plugin_pool.register_plugin
class NetworkMembersPlugin(CMSPluginBase):
    model = NetworkMembersPluginModel
    name = _("Mitgliedskommunen eines Netzwerks")
    module = _("Netzwerke")
    render_template = "networks/network_members_plugin.html"
    autocomplete_fields = ["network"]

    def render(self, context, instance, placeholder):
        municipalities = Municipality.objects.public().in_network(instance.network_id)
        context.update({"municipalities": municipalities, "map": municipality_map(municipalities)})
        return context
