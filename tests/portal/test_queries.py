"""Every public page runs a number of SQL queries that does not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from contacts.models import Contact
from initiatives.models import Initiative
from networks.models import Event, Membership, Municipality, Network
from tests.contacts.factories import ContactFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import (
    EventFactory,
    MembershipFactory,
    MunicipalityFactory,
    NetworkFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(slug="mengentest")


def grow(network, count):
    """Add `count` rows of every kind around `network`."""
    topic = TopicFactory()
    for _ in range(count):
        municipality = MunicipalityFactory()
        MembershipFactory(network=network, municipality=municipality)
        initiative = InitiativeFactory(network=network)
        initiative.municipalities.set([municipality])
        initiative.topics.set([topic])
        event = EventFactory(host_municipality=municipality)
        event.networks.set([network])
        event.topics.set([topic])
        contact = ContactFactory()
        contact.networks.set([network])
        contact.municipalities.set([municipality])
    network.topics.add(topic)


def count_queries(client, url):
    client.get(url)  # warm the menu cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


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


@pytest.mark.parametrize("page", PAGES)
def test_query_count_is_the_same_with_5_and_100_rows(client, network, page):
    grow(network, 5)
    with_5 = count_queries(client, PAGES[page](network))
    grow(network, 95)
    with_100 = count_queries(client, PAGES[page](network))
    assert with_100 == with_5, f"{page}: {with_5} queries with 5 rows, {with_100} with 100"
    assert Membership.objects.filter(network=network).count() == 100
    assert Network.objects.filter(pk=network.pk).exists()
