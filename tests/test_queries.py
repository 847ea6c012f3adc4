"""Every public page runs a number of SQL queries that does not grow with the data."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from contacts.models import Contact
from events.models import Event
from initiatives.models import Initiative
from networks.models import Membership, Municipality, Network
from tests.helpers import count_queries, grow
from tests.networks.factories import NetworkFactory

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
    "contact list": lambda n: "/kontakte/",
    "contact detail": lambda n: Contact.objects.filter(networks=n).first().get_absolute_url(),
    "search": lambda n: "/suche/?q=Test",
    "start page": lambda n: "/",
}


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
        assert Network.objects.filter(pk=network.pk).exists()
        transaction.set_rollback(True)
    cache.clear()
    return with_5, with_100


@pytest.mark.parametrize("page", PAGES)
def test_query_count_is_the_same_with_5_and_100_rows(query_counts, page):
    with_5, with_100 = query_counts
    assert with_100[page] == with_5[page], (
        f"{page}: {with_5[page]} queries with 5 rows, {with_100[page]} with 100"
    )
