"""RSS and Atom feeds of the public events, by date descending.

An item's dates are those of its record (portal.feeds): when the event was announced on the
portal, and last changed; never its start, which often lies in the future. Each item's
description says when the event takes place."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.ical import listed_title
from events.models import Event
from networks.models import Network
from portal.feeds import FEED_LIMIT, AtomFeed, PortalFeed


class EventFeed(PortalFeed):
    title = _("Veranstaltungen der Städte- und Gemeindenetzwerke in Brandenburg")
    description = _(
        "Treffen, Fachveranstaltungen und Jubiläen der Netzwerke, nach Datum absteigend."
    )
    description_template = "events/event_feed_item.html"

    def link(self):
        return self.absolute(reverse("events:list"))

    def items(self):
        return self.selected(Event.objects.public())

    def selected(self, events):
        return events.with_host().prefetch_related("networks").newest_first()[:FEED_LIMIT]

    def item_title(self, event):
        return listed_title(event)

    def item_categories(self, event):
        return [event.get_kind_display()]

    def item_pubdate(self, event):
        # A scheduled event appeared at its publication time, not when it was entered.
        return event.publish_at or event.created

    def item_authors(self, event):
        return [network.display_name for network in event.networks.all()]

    def get_context_data(self, **kwargs):
        return {"event": kwargs["item"]}


class EventAtomFeed(EventFeed):
    feed_type = AtomFeed
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
        return self.selected(Event.objects.public().in_network(network))


class NetworkEventAtomFeed(NetworkEventFeed):
    feed_type = AtomFeed
    subtitle = NetworkEventFeed.description
