"""What every calendar, feed, sitemap, JSON-LD and open-data output shares: only public events
appear, and the number of SQL queries does not grow with the rows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
from tests.helpers import count_queries, grow
from tests.networks.factories import MunicipalityFactory, NetworkFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden():
    """A network, town and topic with one public event and three that the public may not see."""
    network = NetworkFactory(slug="verborgen-netz")
    town = MunicipalityFactory(slug="verborgen-stadt")
    topic = TopicFactory(slug="verborgen-thema")
    soon = timezone.now() + timedelta(days=4)
    events = {
        "public": EventFactory(
            title="Öffentliche Sitzung", slug="sichtbar-oeffentlich", start=soon
        ),
        "draft": EventFactory(
            title="Geheimer Entwurf",
            slug="verborgen-entwurf",
            status=Event.Status.DRAFT,
            start=soon,
        ),
        "submitted": EventFactory(
            title="Geheime Einreichung",
            slug="verborgen-eingereicht",
            status=Event.Status.SUBMITTED,
            start=soon,
        ),
        "scheduled": EventFactory(
            title="Geheim Geplante",
            slug="verborgen-geplant",
            start=soon,
            publish_at=timezone.now() + timedelta(days=2),
        ),
    }
    for event in events.values():
        event.networks.set([network])
        event.topics.set([topic])
        event.host_municipality = town
        event.save()
    return {"network": network, "town": town, "topic": topic, "soon": soon, **events}


OUTPUTS = {
    "event list": lambda h: "/veranstaltungen/?when=all",
    "filtered calendar": lambda h: "/veranstaltungen/kalender.ics?when=all",
    "calendar of all events": lambda h: "/veranstaltungen/alle.ics",
    "network calendar": lambda h: f"/netzwerke/{h['network'].slug}/kalender.ics",
    "municipality calendar": lambda h: f"/staedte/{h['town'].slug}/kalender.ics",
    "topic calendar": lambda h: f"/veranstaltungen/themen/{h['topic'].slug}/kalender.ics",
    "month": lambda h: f"/veranstaltungen/monat/{h['soon'].year}/{h['soon'].month}/",
    "event rss": lambda h: "/veranstaltungen/feed.rss",
    "event atom": lambda h: "/veranstaltungen/feed.atom",
    "network event rss": lambda h: f"/netzwerke/{h['network'].slug}/veranstaltungen.rss",
    "network event atom": lambda h: f"/netzwerke/{h['network'].slug}/veranstaltungen.atom",
    "network page": lambda h: h["network"].get_absolute_url(),
    "municipality page": lambda h: h["town"].get_absolute_url(),
    "sitemap": lambda h: "/sitemap.xml",
    "events csv": lambda h: "/offene-daten/veranstaltungen.csv?when=all",
    "events json": lambda h: "/offene-daten/veranstaltungen.json?when=all",
    "events geojson": lambda h: "/offene-daten/veranstaltungen.geojson?when=all",
}
UNPUBLISHED = ("draft", "submitted", "scheduled")


@pytest.mark.parametrize("output", OUTPUTS)
def test_unpublished_events_appear_in_no_output(client, hidden, output):
    response = client.get(OUTPUTS[output](hidden))
    assert response.status_code == 200
    content = response.content.decode()
    assert hidden["public"].slug in content
    for name in UNPUBLISHED:
        assert hidden[name].slug not in content, name
        assert hidden[name].title not in content, name


@pytest.mark.parametrize("name", UNPUBLISHED)
def test_unpublished_event_has_no_page_and_no_calendar_file(client, hidden, name):
    slug = hidden[name].slug
    assert client.get(f"/veranstaltungen/{slug}/").status_code == 404
    assert client.get(f"/veranstaltungen/{slug}/kalender.ics").status_code == 404


@pytest.fixture
def network():
    return NetworkFactory(slug="mengentest")


def month_of(network):
    start = timezone.localtime(Event.objects.in_network(network).first().start)
    return f"/veranstaltungen/monat/{start.year}/{start.month}/"


BULK_OUTPUTS = {
    "filtered calendar": lambda n: f"/veranstaltungen/kalender.ics?network={n.slug}&when=all",
    "calendar of all events": lambda n: "/veranstaltungen/alle.ics",
    "network calendar": lambda n: f"/netzwerke/{n.slug}/kalender.ics",
    "month": month_of,
    "event rss": lambda n: f"/netzwerke/{n.slug}/veranstaltungen.rss",
    "initiative atom": lambda n: f"/netzwerke/{n.slug}/initiativen.atom",
    "sitemap": lambda n: "/sitemap.xml",
    "municipalities csv": lambda n: f"/offene-daten/kommunen.csv?network={n.slug}",
    "municipalities geojson": lambda n: "/offene-daten/kommunen.geojson",
    "memberships csv": lambda n: f"/offene-daten/mitgliedschaften.csv?network={n.slug}",
    "initiatives csv": lambda n: f"/offene-daten/initiativen.csv?network={n.slug}",
    "initiatives geojson": lambda n: "/offene-daten/initiativen.geojson",
    "events csv": lambda n: f"/offene-daten/veranstaltungen.csv?network={n.slug}&when=all",
    "events json": lambda n: "/offene-daten/veranstaltungen.json?when=all",
    "open data page": lambda n: "/offene-daten/",
    "catalogue": lambda n: "/offene-daten/katalog.rdf",
}


@pytest.mark.parametrize("output", BULK_OUTPUTS)
def test_query_count_is_the_same_with_5_and_100_rows(client, network, output):
    grow(network, 5)
    with_5 = count_queries(client, BULK_OUTPUTS[output](network))
    grow(network, 95)
    with_100 = count_queries(client, BULK_OUTPUTS[output](network))
    assert with_100 == with_5, f"{output}: {with_5} queries with 5 rows, {with_100} with 100"
