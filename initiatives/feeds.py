"""RSS and Atom feeds of the initiatives and model projects."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from networks.models import Network
from portal.feeds import FEED_LIMIT, AtomFeed, PortalFeed


def latest_initiatives():
    return (
        Initiative.objects.public()
        .select_related("network")
        .prefetch_related("municipalities")
        .latest_entered()
    )


class InitiativeFeed(PortalFeed):
    title = _("Initiativen und Modellprojekte der Städte und Gemeinden in Brandenburg")
    description = _(
        "Modellprojekte, Modellvorhaben, Wettbewerbsbeiträge und Studien der Netzwerke."
    )
    description_template = "initiatives/initiative_feed_item.html"

    def link(self):
        return self.absolute(reverse("initiatives:list"))

    def items(self):
        return latest_initiatives()[:FEED_LIMIT]

    def item_title(self, initiative):
        return initiative.title

    def item_categories(self, initiative):
        return [initiative.get_kind_display()]

    def item_authors(self, initiative):
        return [initiative.network.display_name] if initiative.network_id else []

    def get_context_data(self, **kwargs):
        return {"initiative": kwargs["item"]}


class InitiativeAtomFeed(InitiativeFeed):
    feed_type = AtomFeed
    subtitle = InitiativeFeed.description


class NetworkInitiativeFeed(InitiativeFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Network, slug=slug)

    def title(self, network):
        return _("Initiativen: %(name)s") % {"name": network.display_name}

    def description(self, network):
        return _("Initiativen und Modellprojekte im Netzwerk %(name)s.") % {
            "name": network.display_name
        }

    def link(self, network):
        return self.absolute(network.get_absolute_url())

    def items(self, network):
        return latest_initiatives().of_network(network)[:FEED_LIMIT]


class NetworkInitiativeAtomFeed(NetworkInitiativeFeed):
    feed_type = AtomFeed
    subtitle = NetworkInitiativeFeed.description
