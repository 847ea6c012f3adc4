"""What every calendar, feed, sitemap, JSON-LD and open-data output shares: only public events
and news items appear, and the number of SQL queries does not grow with the rows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from news.models import NewsItem
from tests.events.factories import EventFactory
from tests.helpers import count_queries, grow
from tests.networks.factories import MunicipalityFactory, NetworkFactory, TopicFactory
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden():
    """A network, town and topic with one public event and three that the public may not see;
    one public news item about them and four that the public may not see, three of them with a
    date that has come."""
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
    earlier = timezone.now() - timedelta(hours=2)
    news = {
        "news_public": ("Sichtbare Meldung", "sichtbar-meldung", NewsItem.Status.PUBLISHED, None),
        "news_draft": ("Meldung im Entwurfsstand", "verborgen-meldung-entwurf", None, earlier),
        "news_submitted": (
            "Meldung zur Prüfung",
            "verborgen-meldung-eingereicht",
            NewsItem.Status.SUBMITTED,
            earlier,
        ),
        "news_withdrawn": (
            "Zurückgezogene Meldung",
            "verborgen-meldung-zurueckgezogen",
            NewsItem.Status.WITHDRAWN,
            earlier,
        ),
        "news_scheduled": (
            "Vorgemerkte Meldung",
            "verborgen-meldung-geplant",
            NewsItem.Status.PUBLISHED,
            timezone.now() + timedelta(days=2),
        ),
    }
    for key, (title, slug, status, published) in news.items():
        news[key] = NewsItemFactory(
            title=title,
            slug=slug,
            teaser="Eine Sichtprobe für alle Ausgaben.",
            status=status or NewsItem.Status.DRAFT,
            published=published or timezone.now() - timedelta(hours=1),
            networks=[network],
            municipalities=[town],
            topics=[topic],
        )
    return {"network": network, "town": town, "topic": topic, "soon": soon, **events, **news}


def year_of(item):
    return timezone.localtime(item.published).year


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
    "sitemap of events": lambda h: "/sitemap-veranstaltungen.xml",
    "sitemap of news": lambda h: "/sitemap-aktuelles.xml",
    "events csv": lambda h: "/offene-daten/veranstaltungen.csv?when=all",
    "events json": lambda h: "/offene-daten/veranstaltungen.json?when=all",
    "events geojson": lambda h: "/offene-daten/veranstaltungen.geojson?when=all",
    "news list": lambda h: "/aktuelles/",
    "news list of the network": lambda h: f"/aktuelles/?network={h['network'].slug}",
    "news list of the municipality": lambda h: f"/aktuelles/?municipality={h['town'].slug}",
    "news list of the topic": lambda h: f"/aktuelles/?topic={h['topic'].slug}",
    "news list of the year": lambda h: f"/aktuelles/?year={year_of(h['news_public'])}",
    "news detail": lambda h: h["news_public"].get_absolute_url(),
    "news rss": lambda h: "/aktuelles/feed.rss",
    "news atom": lambda h: "/aktuelles/feed.atom",
    "network news rss": lambda h: f"/netzwerke/{h['network'].slug}/aktuelles.rss",
    "network news atom": lambda h: f"/netzwerke/{h['network'].slug}/aktuelles.atom",
    "municipality news rss": lambda h: f"/staedte/{h['town'].slug}/aktuelles.rss",
    "municipality news atom": lambda h: f"/staedte/{h['town'].slug}/aktuelles.atom",
    "news search": lambda h: "/suche/?q=Sichtprobe",
    "start page": lambda h: "/",
}
# The public records each output must show: the public event, unless named here.
SHOWN = {
    "network page": ("public", "news_public"),
    "municipality page": ("public", "news_public"),
    "sitemap of news": ("news_public",),
    **{
        output: ("news_public",)
        for output in OUTPUTS
        if output.startswith(("news", "network news", "municipality news", "start"))
    },
}
UNPUBLISHED = ("draft", "submitted", "scheduled")
UNPUBLISHED_NEWS = ("news_draft", "news_submitted", "news_withdrawn", "news_scheduled")


def body(response):
    """The text of a response, whether it was built at once or streamed (the calendars)."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


@pytest.mark.parametrize("output", OUTPUTS)
def test_unpublished_records_appear_in_no_output(client, hidden, output):
    response = client.get(OUTPUTS[output](hidden))
    assert response.status_code == 200
    content = body(response)
    for name in SHOWN.get(output, ("public",)):
        assert hidden[name].slug in content, name
    for name in UNPUBLISHED + UNPUBLISHED_NEWS:
        assert hidden[name].slug not in content, name
        assert hidden[name].title not in content, name


@pytest.mark.parametrize("name", UNPUBLISHED)
def test_unpublished_event_has_no_page_and_no_calendar_file(client, hidden, name):
    slug = hidden[name].slug
    assert client.get(f"/veranstaltungen/{slug}/").status_code == 404
    assert client.get(f"/veranstaltungen/{slug}/kalender.ics").status_code == 404


@pytest.mark.parametrize("name", UNPUBLISHED_NEWS)
def test_unpublished_news_item_has_no_page(client, hidden, name):
    assert client.get(f"/aktuelles/{hidden[name].slug}/").status_code == 404
    assert client.get(f"/en/aktuelles/{hidden[name].slug}/").status_code == 404


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
    "sitemap of events": lambda n: "/sitemap-veranstaltungen.xml",
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
def test_query_count_does_not_grow_from_5_to_100_rows(client, network, output):
    grow(network, 5)
    with_5 = count_queries(client, BULK_OUTPUTS[output](network))
    grow(network, 95)
    with_100 = count_queries(client, BULK_OUTPUTS[output](network))
    # Fewer are possible: the first measurement of a test may fill caches of the process
    # (django-cms' URLs and menus) that the second finds filled.
    assert with_100 <= with_5, f"{output}: {with_5} queries with 5 rows, {with_100} with 100"
