"""What the public sees of the news: the list with its filters and pages, an item's page with
its schema.org description, the latest items on the pages of networks and municipalities and
on the start page, the feeds, the search and the English interface."""

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from news.models import NewsItem
from tests.helpers import ATOM, atom, json_ld, rss
from tests.networks.factories import MunicipalityFactory, NetworkFactory, TopicFactory
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
URL = "/aktuelles/"
Status = NewsItem.Status


def titles(response):
    return [item.title for item in response.context["object_list"]]


@pytest.fixture
def news():
    """Public items in 2003 and 2004 (the demo data has none before 2020) of two networks,
    a town and a topic, and a draft that matches every filter."""
    network = NetworkFactory(slug="nachrichtennetz", name="Nachrichtennetz")
    other = NetworkFactory(slug="anderes-nachrichtennetz")
    town = MunicipalityFactory(slug="nachrichtenstadt", name="Nachrichtenstadt")
    topic = TopicFactory(slug="nachrichtenthema")
    public = {"status": Status.PUBLISHED}
    NewsItemFactory(
        title="Radweg eröffnet",
        published=datetime(2003, 5, 4, 10, 0, tzinfo=BERLIN),
        networks=[network],
        municipalities=[town],
        topics=[topic],
        **public,
    )
    NewsItemFactory(
        title="Klimaplan beschlossen",
        published=datetime(2004, 3, 1, 9, 0, tzinfo=BERLIN),
        networks=[other],
        **public,
    )
    NewsItemFactory(
        title="Marktplatz saniert",
        published=datetime(2004, 9, 1, 9, 0, tzinfo=BERLIN),
        municipalities=[town],
        **public,
    )
    NewsItemFactory(
        title="Entwurf einer Meldung",
        published=datetime(2004, 6, 1, 9, 0, tzinfo=BERLIN),
        networks=[network],
        municipalities=[town],
        topics=[topic],
    )
    return {"network": network, "town": town}


def recent(title, minutes_ago, **fields):
    """A public item published `minutes_ago` minutes ago: newer than any of the demo data."""
    published = timezone.now() - timedelta(minutes=minutes_ago)
    return NewsItemFactory(title=title, status=Status.PUBLISHED, published=published, **fields)


# The list.


def every_page(client, params=None):
    """The rows of every page of the list, until the page past the end (404)."""
    rows, number = [], 1
    while (response := client.get(URL, {**(params or {}), "page": number})).status_code == 200:
        rows.extend(response.context["object_list"])
        number += 1
    assert response.status_code == 404
    return rows


def test_the_list_shows_public_items_newest_first(client, news):
    rows = every_page(client)

    shown = [item.title for item in rows]
    mine = [title for title in shown if title in {"Radweg eröffnet", "Marktplatz saniert"}]
    assert mine == ["Marktplatz saniert", "Radweg eröffnet"]
    assert "Entwurf einer Meldung" not in shown
    dates = [item.published for item in rows]
    assert dates == sorted(dates, reverse=True)
    assert "4. Mai 2003" in client.get(URL, {"year": "2003"}).content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"network": "nachrichtennetz"}, ["Radweg eröffnet"]),
        ({"municipality": "nachrichtenstadt"}, ["Marktplatz saniert", "Radweg eröffnet"]),
        ({"topic": "nachrichtenthema"}, ["Radweg eröffnet"]),
        ({"year": "2004"}, ["Marktplatz saniert", "Klimaplan beschlossen"]),
        ({"year": "2003"}, ["Radweg eröffnet"]),
        ({"year": "2004", "municipality": "nachrichtenstadt"}, ["Marktplatz saniert"]),
        ({"year": "2004", "network": "nachrichtennetz"}, []),
    ],
)
def test_each_filter_narrows_the_list(client, news, params, expected):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert not response.context["filter"].form.errors
    assert titles(response) == expected


def test_the_year_filter_offers_only_years_with_public_items(client, news):
    NewsItemFactory(published=datetime(2002, 1, 1, tzinfo=BERLIN))  # a draft

    form = client.get(URL).context["filter"].form

    years = [str(value) for value, _label in form.fields["year"].choices if value]
    assert {"2003", "2004"} <= set(years)
    assert "2002" not in years
    assert years == sorted(years, reverse=True)


@pytest.mark.parametrize(
    "params",
    [
        {"network": "gibt-es-nicht"},
        {"municipality": "gibt-es-nicht"},
        {"topic": "<script>"},
        {"year": "1800"},
        {"year": "zwanzig"},
        {"year": "2002"},  # only a draft has this year
        {"network": "nachrichtennetz", "year": "x" * 500},
    ],
)
def test_invalid_values_give_a_german_form_error_and_no_rows(client, news, params):
    NewsItemFactory(published=datetime(2002, 1, 1, tzinfo=BERLIN))
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["filter"].form.errors
    html = response.content.decode()
    assert "Bitte korrigieren Sie die markierten Angaben" in html
    assert "Bitte eine gültige Auswahl treffen" in html
    assert titles(response) == []


def test_the_list_has_pages_of_ten(client):
    network = NetworkFactory(slug="viele-meldungen")
    for number in range(25):
        NewsItemFactory(
            title=f"Meldung Nummer {number:02d}",
            status=Status.PUBLISHED,
            published=timezone.now() - timedelta(days=number),
            networks=[network],
        )

    first = client.get(URL, {"network": "viele-meldungen"})
    last = client.get(URL, {"network": "viele-meldungen", "page": 3})

    assert titles(first) == [f"Meldung Nummer {number:02d}" for number in range(10)]
    assert "?network=viele-meldungen&amp;page=2" in first.content.decode()
    assert titles(last) == [f"Meldung Nummer {number:02d}" for number in range(20, 25)]
    assert client.get(URL, {"network": "viele-meldungen", "page": 4}).status_code == 404


@pytest.mark.parametrize("page", ["999", "abc", "-1", "0"])
def test_a_page_past_the_end_is_a_404(client, news, page):
    assert client.get(URL, {"page": page}).status_code == 404


# An item's page.


@pytest.fixture
def article():
    network = NetworkFactory(name="Detailnetz", slug="detailnetz")
    town = MunicipalityFactory(name="Detailstadt", slug="detailstadt")
    return NewsItemFactory(
        title="Neue Bänke am Markt",
        slug="neue-baenke-am-markt",
        teaser="Der Markt hat zwölf neue Bänke.",
        text="<p>Gestiftet vom <strong>Heimatverein</strong>.</p>",
        sources="https://example.org/amtsblatt-7\nAmtsblatt der Detailstadt 7/2025",
        editorial_note="Intern: Fotos fehlen noch.",
        status=Status.PUBLISHED,
        published=datetime(2025, 7, 1, 10, 0, tzinfo=BERLIN),
        networks=[network],
        municipalities=[town],
    )


def test_the_item_page_shows_title_date_teaser_text_networks_and_sources(client, article):
    response = client.get("/aktuelles/neue-baenke-am-markt/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 lang="de">Neue Bänke am Markt</h1>' in html
    assert '<time datetime="2025-07-01T10:00:00+02:00">1. Juli 2025</time>' in html
    assert "Der Markt hat zwölf neue Bänke." in html
    assert "<p>Gestiftet vom <strong>Heimatverein</strong>.</p>" in html
    assert '<a href="/netzwerke/detailnetz/">Detailnetz</a>' in html
    assert '<a href="/staedte/detailstadt/">Detailstadt</a>' in html
    assert '<a href="https://example.org/amtsblatt-7">' in html
    assert "Amtsblatt der Detailstadt 7/2025" in html
    assert "Fotos fehlen noch" not in html


def test_the_item_page_describes_a_news_article(client, article):
    data = json_ld(client, article.get_absolute_url())

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Neue Bänke am Markt"
    assert data["datePublished"] == "2025-07-01T10:00:00+02:00"
    assert data["url"] == "http://testserver/aktuelles/neue-baenke-am-markt/"
    assert data["description"] == "Der Markt hat zwölf neue Bänke."
    assert [publisher["name"] for publisher in data["publisher"]] == ["Detailnetz"]
    assert data["publisher"][0]["url"] == "http://testserver/netzwerke/detailnetz/"
    assert data["publisher"][0]["@type"]
    assert data["about"] == [{"@type": "Place", "name": "Detailstadt"}]


def test_a_winter_date_has_the_winter_offset(client):
    item = NewsItemFactory(
        status=Status.PUBLISHED, published=datetime(2025, 1, 15, 18, 0, tzinfo=BERLIN)
    )
    assert json_ld(client, item.get_absolute_url())["datePublished"] == (
        "2025-01-15T18:00:00+01:00"
    )


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN])
def test_an_item_the_public_may_not_see_has_no_page(client, status):
    item = NewsItemFactory(status=status, published=timezone.now() - timedelta(days=1))
    assert client.get(item.get_absolute_url()).status_code == 404


def test_a_scheduled_item_has_no_page_until_due(client):
    item = NewsItemFactory(status=Status.PUBLISHED, published=timezone.now() + timedelta(hours=1))
    assert client.get(item.get_absolute_url()).status_code == 404


# The latest items on other pages.


@pytest.fixture
def latest():
    """Four public items of a network and a town (newest first), a newer draft and a newer
    item elsewhere."""
    network = NetworkFactory(slug="neuigkeitennetz")
    town = MunicipalityFactory(slug="neuigkeitenstadt")
    where = {"networks": [network], "municipalities": [town]}
    NewsItemFactory(title="Neuester Entwurf", **where)
    recent("Ganz woanders", 1)
    for number, title in enumerate(["Erste", "Zweite", "Dritte", "Vierte"], start=2):
        recent(f"{title} Neuigkeit", number, **where)
    return {"network": network, "town": town}


NEWEST = ["Erste Neuigkeit", "Zweite Neuigkeit", "Dritte Neuigkeit"]


def shown_in_order(html, candidates):
    found = [title for title in candidates if title in html]
    return sorted(found, key=html.index)


@pytest.mark.parametrize("record", ["network", "town"])
def test_the_latest_three_appear_on_the_network_and_municipality_page(client, latest, record):
    page = latest[record].get_absolute_url()
    candidates = [*NEWEST, "Vierte Neuigkeit", "Neuester Entwurf", "Ganz woanders"]

    html = client.get(page).content.decode()

    assert shown_in_order(html, candidates) == NEWEST
    parameter = "network" if record == "network" else "municipality"
    assert f'href="/aktuelles/?{parameter}={latest[record].slug}"' in html


def test_the_latest_items_appear_on_the_start_page(client, latest):
    candidates = ["Ganz woanders", *NEWEST, "Vierte Neuigkeit", "Neuester Entwurf"]

    html = client.get("/").content.decode()

    newest = ["Ganz woanders", "Erste Neuigkeit", "Zweite Neuigkeit"]
    assert shown_in_order(html, candidates) == newest
    assert 'href="/aktuelles/"' in html


# Feeds.


@pytest.fixture
def feed_news():
    network = NetworkFactory(slug="meldungsnetz")
    town = MunicipalityFactory(slug="meldungsstadt")
    recent("Feedmeldung Netz", 3, networks=[network])
    recent("Feedmeldung Stadt", 2, municipalities=[town])
    recent("Feedmeldung beides", 1, networks=[network], municipalities=[town])
    NewsItemFactory(title="Feedentwurf", networks=[network], municipalities=[town])
    NewsItemFactory(
        title="Feedgeplant",
        status=Status.PUBLISHED,
        published=timezone.now() + timedelta(days=1),
        networks=[network],
        municipalities=[town],
    )
    return {"network": network, "town": town}


HIDDEN = {"Feedentwurf", "Feedgeplant"}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/aktuelles/feed", ["Feedmeldung beides", "Feedmeldung Stadt", "Feedmeldung Netz"]),
        ("/netzwerke/meldungsnetz/aktuelles", ["Feedmeldung beides", "Feedmeldung Netz"]),
        ("/staedte/meldungsstadt/aktuelles", ["Feedmeldung beides", "Feedmeldung Stadt"]),
    ],
)
def test_rss_feeds_list_public_items_newest_first(client, feed_news, path, expected):
    channel, items = rss(client, f"{path}.rss")

    mine = [title for title in items if title.startswith("Feed")]
    assert mine == expected
    assert not HIDDEN & set(items)
    item = items[expected[0]]
    stored = NewsItem.objects.get(title=expected[0]).published
    assert parsedate_to_datetime(item.findtext("pubDate")) == stored.replace(microsecond=0)
    assert item.findtext("link").startswith("http://testserver/aktuelles/")
    assert "Worum es in dieser Meldung geht." in item.findtext("description")


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/aktuelles/feed", ["Feedmeldung beides", "Feedmeldung Stadt", "Feedmeldung Netz"]),
        ("/netzwerke/meldungsnetz/aktuelles", ["Feedmeldung beides", "Feedmeldung Netz"]),
        ("/staedte/meldungsstadt/aktuelles", ["Feedmeldung beides", "Feedmeldung Stadt"]),
    ],
)
def test_atom_feeds_list_public_items_newest_first(client, feed_news, path, expected):
    feed, entries = atom(client, f"{path}.atom")

    mine = [title for title in entries if title.startswith("Feed")]
    assert mine == expected
    assert not HIDDEN & set(entries)
    entry = entries[expected[0]]
    stored = NewsItem.objects.get(title=expected[0])
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == stored.published
    # Entered after its date: changed then.
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == stored.modified
    assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/aktuelles/")


@pytest.mark.parametrize(
    "path",
    [
        "/netzwerke/gibt-es-nicht/aktuelles.rss",
        "/netzwerke/gibt-es-nicht/aktuelles.atom",
        "/staedte/gibt-es-nicht/aktuelles.rss",
        "/staedte/gibt-es-nicht/aktuelles.atom",
    ],
)
def test_feeds_of_an_unknown_network_or_municipality_are_a_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("record", ["list", "network", "town"])
def test_pages_announce_their_news_feeds_in_the_head(client, feed_news, record):
    if record == "list":
        page, base = URL, "/aktuelles/feed"
    else:
        page = feed_news[record].get_absolute_url()
        base = f"{page}aktuelles"
    html = client.get(page).content.decode()
    head = html[: html.index("</head>")]
    for extension, kind in (("rss", "rss"), ("atom", "atom")):
        assert f'type="application/{kind}+xml"' in head
        assert f'href="{base}.{extension}"' in head
        assert client.get(f"{base}.{extension}").status_code == 200


# Search.


def test_the_search_finds_a_public_item_by_a_word_of_its_teaser_and_not_a_draft(client):
    item = recent("Öffentlich gepflegt", 5, teaser="Die Streuobstwiese wird gepflegt.")
    NewsItemFactory(title="Im Entwurf gepflegt", teaser="Die Streuobstwiese am Hang.")

    response = client.get("/suche/", {"q": "Streuobstwiese"})

    assert response.status_code == 200
    results = dict(response.context["results"])
    assert [hit.title for hit in results["Aktuelles"]] == ["Öffentlich gepflegt"]
    html = response.content.decode()
    assert item.get_absolute_url() in html
    assert "Im Entwurf gepflegt" not in html


# English.


def test_the_english_interface_shows_the_news(client, news):
    response = client.get("/en/aktuelles/", {"year": "2003"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Skip to content" in html
    assert "Filter and sort" in html
    assert titles(response) == ["Radweg eröffnet"]
    english_path = f"/en/aktuelles/{response.context['object_list'][0].slug}/"
    assert f'href="{english_path}"' in html
    detail = client.get(english_path)
    assert detail.status_code == 200
    assert '<html lang="en"' in detail.content.decode()
    assert '<h1 lang="de">Radweg eröffnet</h1>' in detail.content.decode()


def test_the_english_news_pages_speak_english(client, news):
    """Heading, title and links of the news in English, as the menu names them („News“)."""
    html = client.get("/en/aktuelles/").content.decode()

    assert '<a href="/en/aktuelles/" aria-current="page">News</a>' in html
    assert "<h1>News</h1>" in html
    assert "<title>News – Networks of towns and municipalities in Brandenburg</title>" in html
    assert "Meldungen als RSS-Feed" not in html
