"""RSS and Atom feeds of the events, overall and per network."""

from datetime import datetime
from email.utils import parsedate_to_datetime

import pytest

from events.models import Event
from tests.helpers import ATOM, atom, rss

pytestmark = pytest.mark.django_db

HIDDEN = {"Feedentwurf", "Feedeingereicht", "Feedgeplant"}


def test_event_rss_feed(client, feed_network):
    channel, items = rss(client, "/veranstaltungen/feed.rss")
    assert channel.findtext("link") == "http://testserver/veranstaltungen/"
    assert {"Feedsitzung", "Abgesagt: Feedabsage", "Fremde Sitzung"} <= set(items)
    assert not HIDDEN & set(items)
    item = items["Feedsitzung"]
    assert item.findtext("link").startswith("http://testserver/veranstaltungen/")
    # When the event was announced, not when it takes place.
    created = Event.objects.get(title="Feedsitzung").created
    assert parsedate_to_datetime(item.findtext("pubDate")) == created.replace(microsecond=0)
    assert item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Feednetz"
    assert "<time" in item.findtext("description")
    assert "Feedstadt" in item.findtext("description")


def test_event_atom_feed(client, feed_network):
    feed, entries = atom(client, "/veranstaltungen/feed.atom")
    assert feed.findtext(f"{ATOM}subtitle")
    assert {"Feedsitzung", "Abgesagt: Feedabsage"} <= set(entries)
    assert not HIDDEN & set(entries)
    link = entries["Feedsitzung"].find(f"{ATOM}link").get("href")
    assert link.startswith("http://testserver/veranstaltungen/")
    event = Event.objects.get(title="Feedsitzung")
    entry = entries["Feedsitzung"]
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == event.created
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == event.modified
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Feednetz"


def test_network_event_feeds(client, feed_network):
    _, items = rss(client, "/netzwerke/feednetz/veranstaltungen.rss")
    assert set(items) == {"Feedsitzung", "Abgesagt: Feedabsage"}
    _, entries = atom(client, "/netzwerke/feednetz/veranstaltungen.atom")
    assert set(entries) == {"Feedsitzung", "Abgesagt: Feedabsage"}


@pytest.mark.parametrize("feed", ["veranstaltungen.rss", "kalender.ics"])
def test_feeds_of_an_unknown_network_are_a_404(client, feed):
    assert client.get(f"/netzwerke/gibt-es-nicht/{feed}").status_code == 404


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/veranstaltungen/", ["/veranstaltungen/feed.rss", "/veranstaltungen/feed.atom"]),
    ],
)
def test_pages_announce_their_feeds_in_the_head(client, feed_network, page, feeds):
    html = client.get(page).content.decode()
    head = html[: html.index("</head>")]
    for feed in feeds:
        kind = "atom" if feed.endswith(".atom") else "rss"
        assert f'<link rel="alternate" type="application/{kind}+xml"' in head
        assert f'href="{feed}"' in head
        assert client.get(feed).status_code == 200
