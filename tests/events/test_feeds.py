"""RSS and Atom feeds of events and initiatives, overall and per network."""

from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import MunicipalityFactory, NetworkFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ElementTree.fromstring(response.content).find("channel")
    items = {item.findtext("title"): item for item in channel.findall("item")}
    return channel, items


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ElementTree.fromstring(response.content)
    entries = {entry.findtext(f"{ATOM}title"): entry for entry in feed.findall(f"{ATOM}entry")}
    return feed, entries


@pytest.fixture
def network():
    network = NetworkFactory(slug="feednetz", name="Feednetz")
    town = MunicipalityFactory(name="Feedstadt")
    soon = timezone.now() + timedelta(days=5)
    EventFactory(title="Feedsitzung", start=soon, host_municipality=town).networks.set([network])
    EventFactory(title="Feedabsage", start=soon, status=Event.Status.CANCELLED).networks.set(
        [network]
    )
    EventFactory(title="Fremde Sitzung", start=soon)
    for title, status, publish_at in [
        ("Feedentwurf", Event.Status.DRAFT, None),
        ("Feedeingereicht", Event.Status.SUBMITTED, None),
        ("Feedgeplant", Event.Status.PUBLISHED, timezone.now() + timedelta(days=1)),
    ]:
        EventFactory(title=title, start=soon, status=status, publish_at=publish_at).networks.set(
            [network]
        )
    initiative = InitiativeFactory(title="Feedprojekt", network=network, summary="Worum es geht.")
    initiative.municipalities.set([town])
    InitiativeFactory(title="Fremdes Projekt")
    return network


HIDDEN = {"Feedentwurf", "Feedeingereicht", "Feedgeplant"}


def test_event_rss_feed(client, network):
    response = client.get("/veranstaltungen/feed.rss")
    assert "Last-Modified" not in response
    channel, items = rss(client, "/veranstaltungen/feed.rss")
    assert channel.findtext("link") == "http://testserver/veranstaltungen/"
    assert {"Feedsitzung", "Abgesagt: Feedabsage", "Fremde Sitzung"} <= set(items)
    assert not HIDDEN & set(items)
    item = items["Feedsitzung"]
    assert item.findtext("link").startswith("http://testserver/veranstaltungen/")
    assert item.find("pubDate") is None  # events record no publication date
    assert "<time" in item.findtext("description")
    assert "Feedstadt" in item.findtext("description")


def test_event_atom_feed(client, network):
    feed, entries = atom(client, "/veranstaltungen/feed.atom")
    assert feed.findtext(f"{ATOM}subtitle")
    assert {"Feedsitzung", "Abgesagt: Feedabsage"} <= set(entries)
    assert not HIDDEN & set(entries)
    link = entries["Feedsitzung"].find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/veranstaltungen/")


def test_network_event_feeds(client, network):
    _, items = rss(client, "/netzwerke/feednetz/veranstaltungen.rss")
    assert set(items) == {"Feedsitzung", "Abgesagt: Feedabsage"}
    _, entries = atom(client, "/netzwerke/feednetz/veranstaltungen.atom")
    assert set(entries) == {"Feedsitzung", "Abgesagt: Feedabsage"}


def test_initiative_feeds(client, network):
    _, items = rss(client, "/initiativen/feed.rss")
    assert {"Feedprojekt", "Fremdes Projekt"} <= set(items)
    assert "Feedstadt" in items["Feedprojekt"].findtext("description")
    _, entries = atom(client, "/initiativen/feed.atom")
    assert {"Feedprojekt", "Fremdes Projekt"} <= set(entries)
    _, items = rss(client, "/netzwerke/feednetz/initiativen.rss")
    assert set(items) == {"Feedprojekt"}
    _, entries = atom(client, "/netzwerke/feednetz/initiativen.atom")
    assert set(entries) == {"Feedprojekt"}


@pytest.mark.parametrize("feed", ["veranstaltungen.rss", "initiativen.atom", "kalender.ics"])
def test_feeds_of_an_unknown_network_are_a_404(client, feed):
    assert client.get(f"/netzwerke/gibt-es-nicht/{feed}").status_code == 404


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/veranstaltungen/", ["/veranstaltungen/feed.rss", "/veranstaltungen/feed.atom"]),
        ("/initiativen/", ["/initiativen/feed.rss", "/initiativen/feed.atom"]),
        (
            "/netzwerke/feednetz/",
            [
                "/netzwerke/feednetz/veranstaltungen.rss",
                "/netzwerke/feednetz/veranstaltungen.atom",
                "/netzwerke/feednetz/initiativen.rss",
                "/netzwerke/feednetz/initiativen.atom",
            ],
        ),
    ],
)
def test_pages_announce_their_feeds_in_the_head(client, network, page, feeds):
    html = client.get(page).content.decode()
    head = html[: html.index("</head>")]
    for feed in feeds:
        kind = "atom" if feed.endswith(".atom") else "rss"
        assert f'<link rel="alternate" type="application/{kind}+xml"' in head
        assert f'href="{feed}"' in head
        assert client.get(feed).status_code == 200
