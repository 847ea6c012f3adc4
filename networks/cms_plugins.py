from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.maps import municipality_map
from networks.models import Municipality, Network, NetworkMembersPluginModel
from portal.sections import first

# A page shows a bounded part of what it links to: the first networks and members, and the
# list of all of them (two hundred networks and two thousand members of one at full size).
NETWORKS_SHOWN = 12
MEMBERS_SHOWN = 60


@plugin_pool.register_plugin
class NetworkListPlugin(CMSPluginBase):
    model = CMSPlugin
    name = _("Übersicht der Netzwerke")
    module = _("Netzwerke")
    render_template = "networks/network_list_plugin.html"

    def render(self, context, instance, placeholder):
        context["networks"], context["more_networks"] = first(
            Network.objects.public().select_related("image"),
            reverse("networks:list"),
            limit=NETWORKS_SHOWN,
        )
        return context


@plugin_pool.register_plugin
class NetworkMembersPlugin(CMSPluginBase):
    model = NetworkMembersPluginModel
    name = _("Mitgliedskommunen eines Netzwerks")
    module = _("Netzwerke")
    render_template = "networks/network_members_plugin.html"
    autocomplete_fields = ["network"]

    def render(self, context, instance, placeholder):
        municipalities, more = first(
            Municipality.objects.public().in_network(instance.network_id),
            f"{reverse('municipalities:list')}?network={instance.network.slug}",
            limit=MEMBERS_SHOWN,
        )
        context.update(
            {
                "municipalities": municipalities,
                "more_municipalities": more,
                "map": municipality_map(municipalities),
            }
        )
        return context
