"""Every public page runs a number of SQL queries that does not grow with the data."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import timezone

from contacts.models import Contact
from events.models import Event
from initiatives.models import Initiative
from networks.models import Membership, Municipality, Network
from news.models import NewsItem
from tests import helpers
from tests.helpers import count_queries
from tests.networks.factories import NetworkFactory, TopicFactory
from tests.news.factories import NewsItemFactory

# The counts are measured once for the module (query_counts); the marker has pytest-django
# set up the database.
pytestmark = pytest.mark.django_db


PAGES = {
    "network list": lambda n: "/netzwerke/",
    "network detail": lambda n: n.get_absolute_url(),
    "municipality list": lambda n: "/staedte/",
    "municipality detail": lambda n: Municipality.objects.in_network(n).first().get_absolute_url(),
    "initiative list": lambda n: "/initiativen/",
    "initiative detail": lambda n: Initiative.objects.filter(network=n).first().get_absolute_url(),
    "event list": lambda n: "/veranstaltungen/",
    "event list filtered": lambda n: f"/veranstaltungen/?network={n.slug}&when=all",
    "event detail": lambda n: Event.objects.in_network(n).first().get_absolute_url(),
    "news list": lambda n: "/aktuelles/",
    "news list filtered": lambda n: f"/aktuelles/?network={n.slug}",
    "news detail": lambda n: NewsItem.objects.public().in_network(n).first().get_absolute_url(),
    "contact list": lambda n: "/kontakte/",
    "contact detail": lambda n: Contact.objects.filter(networks=n).first().get_absolute_url(),
    "search": lambda n: "/suche/?q=Test",
    "start page": lambda n: "/",
}


def grow(network, count):
    """tests.helpers.grow, and `count` public news items of the network, each about one of its
    new municipalities, with a topic."""
    helpers.grow(network, count)
    topic = TopicFactory()
    municipalities = Municipality.objects.in_network(network).order_by("-pk")[:count]
    for number, municipality in enumerate(municipalities):
        NewsItemFactory(
            status=NewsItem.Status.PUBLISHED,
            published=timezone.now() - timedelta(hours=number + 1),
            networks=[network],
            municipalities=[municipality],
            topics=[topic],
        )


@pytest.fixture(scope="module")
def query_counts(django_db_setup, django_db_blocker):
    """The SQL queries of every page type with 5 and with 100 rows of every kind, measured
    once for the module; the rows are rolled back afterwards."""
    client = Client()
    with django_db_blocker.unblock(), transaction.atomic():
        network = NetworkFactory(slug="mengentest")
        grow(network, 5)
        for url in PAGES.values():
            client.get(url(network))  # warm the caches of the process (menus, sites, CMS)
        with_5 = {page: count_queries(client, url(network)) for page, url in PAGES.items()}
        grow(network, 95)
        with_100 = {page: count_queries(client, url(network)) for page, url in PAGES.items()}
        assert Membership.objects.filter(network=network).count() == 100
        assert NewsItem.objects.public().in_network(network).count() == 100
        assert Network.objects.filter(pk=network.pk).exists()
        transaction.set_rollback(True)
    cache.clear()
    return with_5, with_100


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_from_5_to_100_rows(query_counts, page):
    with_5, with_100 = query_counts
    # Fewer are allowed: a filter choosing among many records is a text field, whose options
    # are not queried (portal.filters.CHOICE_LIMIT); among five, a select.
    assert with_100[page] <= with_5[page], (
        f"{page}: {with_5[page]} queries with 5 rows, {with_100[page]} with 100"
    )
