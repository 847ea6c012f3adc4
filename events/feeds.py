"""RSS and Atom feeds of the public events, by date descending.

Items carry no publication date: events record none, and their start often lies in the
future, where neither pubDate nor the Last-Modified header may point. Each item's description
says when the event takes place."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from events.ical import listed_title
from events.models import Event
from networks.models import Network
from portal.feeds import FEED_LIMIT, PortalFeed


class EventFeed(PortalFeed):
    title = _("Veranstaltungen der Städte- und Gemeindenetzwerke in Brandenburg")
    description = _(
        "Treffen, Fachveranstaltungen und Jubiläen der Netzwerke, nach Datum absteigend."
    )
    description_template = "events/event_feed_item.html"

    def link(self):
        return self.absolute(reverse("events:list"))

    def items(self):
        return Event.objects.public().with_host().newest_first()[:FEED_LIMIT]

    def item_title(self, event):
        return listed_title(event)

    def item_categories(self, event):
        return [event.get_kind_display()]

    def get_context_data(self, **kwargs):
        return {"event": kwargs["item"]}


class EventAtomFeed(EventFeed):
    feed_type = Atom1Feed
    subtitle = EventFeed.description


class NetworkEventFeed(EventFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Network, slug=slug)

    def title(self, network):
        return _("Veranstaltungen: %(name)s") % {"name": network.display_name}

    def description(self, network):
        return _("Veranstaltungen des Netzwerks %(name)s, nach Datum absteigend.") % {
            "name": network.display_name
        }

    def link(self, network):
        return self.absolute(network.get_absolute_url())

    def items(self, network):
        return Event.objects.public().with_host().in_network(network).newest_first()[:FEED_LIMIT]


class NetworkEventAtomFeed(NetworkEventFeed):
    feed_type = Atom1Feed
    subtitle = NetworkEventFeed.description
