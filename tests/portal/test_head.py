"""The head of every page: canonical address, the page in the other languages (hreflang),
Open Graph, a real description; and the icons."""

from html.parser import HTMLParser

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from PIL import Image

from events.models import Event
from news.models import NewsItem
from portal.head import portal_description, shortened
from portal.management.commands.draw_icons import RED, WHITE
from tests.events.factories import EventFactory
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

SERVER = "http://testserver"


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements = []
        self.title = ""
        self._in_title = False
        self._done = False

    def handle_starttag(self, tag, attrs):
        if self._done:
            return
        self.elements.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False
        self._done = self._done or tag == "head"

    def handle_data(self, data):
        if self._in_title:
            self.title += data


class Head:
    def __init__(self, html):
        parser = HeadParser()
        parser.feed(html)
        self.elements = parser.elements
        self.title = parser.title

    def all(self, tag, **attrs):
        return [
            found
            for name, found in self.elements
            if name == tag and all(found.get(key) == value for key, value in attrs.items())
        ]

    def link(self, rel):
        links = self.all("link", rel=rel)
        assert len(links) == 1, (rel, links)
        return links[0]["href"]

    def meta(self, **attrs):
        metas = self.all("meta", **attrs)
        assert len(metas) == 1, (attrs, metas)
        return metas[0]["content"]

    @property
    def alternates(self):
        return {
            link["hreflang"]: link["href"]
            for link in self.all("link", rel="alternate")
            if "hreflang" in link
        }

    @property
    def description(self):
        return self.meta(name="description")

    def og(self, name):
        return self.meta(property=f"og:{name}")


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return Head(response.content.decode())


LIST_PAGES = [
    "/netzwerke/",
    "/staedte/",
    "/initiativen/",
    "/veranstaltungen/",
    "/aktuelles/",
    "/kontakte/",
]


@pytest.mark.parametrize(
    "url", ["/", *LIST_PAGES, "/suche/", "/impressum/", "/en/", "/en/veranstaltungen/"]
)
def test_every_page_has_a_real_description_and_open_graph(client, url):
    head = head_of(client, url)
    description = head.description
    assert description and description != "None"
    assert head.og("description") == description
    assert head.og("url") == head.link("canonical")
    assert head.og("title") and head.og("title") != "None"
    assert head.og("type") == "website"
    assert head.og("site_name") == "Netzwerke der Städte und Gemeinden in Brandenburg"
    assert head.og("image") == f"{SERVER}/static/img/share.png"
    assert head.og("image:width") == "1200"
    assert head.og("image:alt")


def test_the_start_page(client):
    head = head_of(client, "/")
    assert head.link("canonical") == f"{SERVER}/"
    assert head.alternates == {
        "de": f"{SERVER}/",
        "en": f"{SERVER}/en/",
        "x-default": f"{SERVER}/",
    }
    assert head.description.startswith("Wer in Brandenburg zu welchem Netzwerk")
    assert head.og("locale") == "de_DE"
    assert head.meta(property="og:locale:alternate") == "en_GB"
    # og:title is the page's title, <title> adds the portal's name.
    assert head.title == f"{head.og('title')} – Netzwerke der Städte und Gemeinden in Brandenburg"


def test_the_english_version_names_itself_and_the_german_one(client):
    head = head_of(client, "/en/netzwerke/")
    assert head.link("canonical") == f"{SERVER}/en/netzwerke/"
    assert head.alternates == {
        "de": f"{SERVER}/netzwerke/",
        "en": f"{SERVER}/en/netzwerke/",
        "x-default": f"{SERVER}/netzwerke/",
    }
    assert head.og("locale") == "en_GB"
    assert head.description.startswith("City networks, alliances")


@pytest.mark.parametrize("url", LIST_PAGES)
def test_a_list_page_is_described_by_its_cms_page(client, url):
    description = head_of(client, url).description
    assert description != portal_description()
    assert len(description) <= 160


def test_a_cms_page_without_a_description_gets_the_portal_s(client):
    assert head_of(client, "/impressum/").description == portal_description()


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        # Filters, sorting and tracking parameters: the bare list.
        ("/veranstaltungen/?when=all&utm_source=newsletter", "/veranstaltungen/"),
        ("/staedte/?district=kreisfrei&page=1", "/staedte/"),
        ("/suche/?q=Innenstadt", "/suche/"),
        # The pages of an unfiltered list are pages of their own; the first is the bare list.
        ("/staedte/?page=2", "/staedte/?page=2"),
        ("/staedte/?page=1", "/staedte/"),
    ],
)
def test_the_canonical_address_of_a_list(client, url, canonical):
    head = head_of(client, url)
    assert head.link("canonical") == f"{SERVER}{canonical}"
    assert head.alternates["de"] == f"{SERVER}{canonical}"
    assert head.alternates["en"] == f"{SERVER}/en{canonical}"


def test_an_event_page(client):
    event = Event.objects.public().exclude(summary="").first()
    head = head_of(client, event.get_absolute_url())
    url = f"{SERVER}{event.get_absolute_url()}"
    assert head.link("canonical") == url
    english = f"{SERVER}/en{event.get_absolute_url()}"
    assert head.alternates == {"de": url, "en": english, "x-default": url}
    assert head.description == shortened(event.summary)
    assert head.og("title") == event.title


def test_a_record_page_in_english(client):
    path = Event.objects.public().first().get_absolute_url()
    head = head_of(client, f"/en{path}")
    assert head.link("canonical") == f"{SERVER}/en{path}"
    assert head.alternates["de"] == f"{SERVER}{path}"


def test_a_long_text_is_shortened_without_markup(client):
    event = EventFactory(summary="", description="<p>Erster   Satz.</p>\n" + "Wort " * 80)
    description = head_of(client, event.get_absolute_url()).description
    assert description.startswith("Erster Satz. Wort Wort")
    assert len(description) <= 160
    assert description.endswith("…")


def test_a_record_without_text_says_what_it_is(client):
    event = EventFactory(title="Stille Sitzung", summary="", description="")
    description = head_of(client, event.get_absolute_url()).description
    assert description.startswith("Veranstaltung: Stille Sitzung.")


def test_a_news_item_is_an_article(client):
    item = NewsItem.objects.public().first() or NewsItemFactory(public=True)
    head = head_of(client, item.get_absolute_url())
    assert head.og("type") == "article"
    published = timezone.localtime(item.published).date().isoformat()
    assert head.meta(property="article:published_time").startswith(published)
    assert head.meta(property="article:modified_time")


def test_an_error_page_names_no_canonical_address(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    head = Head(response.content.decode())
    assert not head.all("link", rel="canonical")
    assert not head.all("meta", property="og:url")
    assert head.all("link", rel="icon")


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/img/favicon.ico"
    assert finders.find("img/favicon.ico")


def test_the_icons(client):
    head = head_of(client, "/")
    assert head.all("link", rel="icon", type="image/svg+xml")[0]["href"] == (
        "/static/img/favicon.svg"
    )
    assert head.link("apple-touch-icon") == "/static/img/apple-touch-icon.png"
    with Image.open(finders.find("img/favicon.ico")) as icon:
        assert {(16, 16), (32, 32), (48, 48)} <= icon.info["sizes"]
    with Image.open(finders.find("img/apple-touch-icon.png")) as touch:
        assert touch.size == (180, 180)
        assert touch.mode == "RGB"  # no transparency: iOS would fill it with black
    with Image.open(finders.find("img/share.png")) as share:
        assert share.size == (1200, 630)
    svg = open(finders.find("img/favicon.svg"), encoding="utf-8").read()
    assert svg.startswith("<svg") and RED in svg


def _luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_mark_has_aa_contrast():
    lighter, darker = sorted([_luminance(WHITE), _luminance(RED)], reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5
