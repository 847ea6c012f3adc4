"""RSS and Atom feeds of the initiatives, overall and per network."""

import pytest

from tests.helpers import atom, rss

pytestmark = pytest.mark.django_db


def test_initiative_feeds(client, feed_network):
    _, items = rss(client, "/initiativen/feed.rss")
    assert {"Feedprojekt", "Fremdes Projekt"} <= set(items)
    assert "Feedstadt" in items["Feedprojekt"].findtext("description")
    _, entries = atom(client, "/initiativen/feed.atom")
    assert {"Feedprojekt", "Fremdes Projekt"} <= set(entries)
    _, items = rss(client, "/netzwerke/feednetz/initiativen.rss")
    assert set(items) == {"Feedprojekt"}
    _, entries = atom(client, "/netzwerke/feednetz/initiativen.atom")
    assert set(entries) == {"Feedprojekt"}


@pytest.mark.parametrize("feed", ["initiativen.atom"])
def test_feeds_of_an_unknown_network_are_a_404(client, feed):
    assert client.get(f"/netzwerke/gibt-es-nicht/{feed}").status_code == 404


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        ("/initiativen/", ["/initiativen/feed.rss", "/initiativen/feed.atom"]),
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
