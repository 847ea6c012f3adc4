"""RSS and Atom feeds of the news, newest first: all, per network, per municipality."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from networks.models import Municipality, Network
from news.models import NewsItem
from portal.feeds import FEED_LIMIT, AtomFeed, PortalFeed


class NewsFeed(PortalFeed):
    title = _("Aktuelles aus den Städte- und Gemeindenetzwerken in Brandenburg")
    description = _("Meldungen der Netzwerke und ihrer Städte und Gemeinden, die neuesten zuerst.")
    description_template = "news/news_feed_item.html"

    def link(self):
        return self.absolute(reverse("news:list"))

    def items(self):
        return self.selected(NewsItem.objects.public().prefetch_related("networks"))

    def selected(self, items):
        return items.newest_first()[:FEED_LIMIT]

    def item_title(self, item):
        return item.title

    def item_pubdate(self, item):
        return item.published

    def item_authors(self, item):
        return [network.name for network in item.networks.all()]

    def get_context_data(self, **kwargs):
        return {"item": kwargs["item"]}


class NewsAtomFeed(NewsFeed):
    feed_type = AtomFeed
    subtitle = NewsFeed.description


class NetworkNewsFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Network.objects.public(), slug=slug)

    def title(self, network):
        return _("Aktuelles: %(name)s") % {"name": network.display_name}

    def description(self, network):
        return _("Meldungen des Netzwerks %(name)s, die neuesten zuerst.") % {
            "name": network.display_name
        }

    def link(self, network):
        return self.absolute(network.get_absolute_url())

    def items(self, network):
        items = NewsItem.objects.public().in_network(network).prefetch_related("networks")
        return self.selected(items)


class NetworkNewsAtomFeed(NetworkNewsFeed):
    feed_type = AtomFeed
    subtitle = NetworkNewsFeed.description


class MunicipalityNewsFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Municipality.objects.public(), slug=slug)

    def title(self, municipality):
        return _("Aktuelles aus %(name)s") % {"name": municipality.name}

    def description(self, municipality):
        return _("Meldungen über %(name)s, die neuesten zuerst.") % {"name": municipality.name}

    def link(self, municipality):
        return self.absolute(municipality.get_absolute_url())

    def items(self, municipality):
        items = NewsItem.objects.public().about(municipality).prefetch_related("networks")
        return self.selected(items)


class MunicipalityNewsAtomFeed(MunicipalityNewsFeed):
    feed_type = AtomFeed
    subtitle = MunicipalityNewsFeed.description
