"""One cache for all workers: anonymous pages cached per content generation, conditional
requests answered with 304, no cookie for visitors, compressed responses."""

import gzip

import pytest
from django.test import Client

from events.models import Event
from networks.models import Network
from tests.events.factories import EventFactory
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db

OUTPUTS = [
    "/veranstaltungen/alle.ics",
    "/veranstaltungen/feed.rss",
    "/offene-daten/veranstaltungen.csv",
    "/sitemap.xml",
    "/sitemap-netzwerke.xml",
    "/offene-daten/katalog.rdf",
]


@pytest.mark.parametrize("url", ["/", "/netzwerke/", "/veranstaltungen/", "/aktuelles/", *OUTPUTS])
def test_visitors_get_no_cookie(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert not response.cookies, url


@pytest.mark.parametrize("url", OUTPUTS)
def test_a_client_that_has_the_current_output_gets_304(client, url):
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]

    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=modified)

    assert again.status_code == 304 and not again.content
    assert since.status_code == 304


def test_a_change_of_content_is_a_new_version_of_every_output(client):
    etag = client.get("/veranstaltungen/alle.ics")["ETag"]
    EventFactory(title="Neu angekündigt")

    response = client.get("/veranstaltungen/alle.ics", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert "Neu angekündigt" in response.getvalue().decode()


def test_anonymous_pages_are_cached_until_content_changes(client, django_assert_max_num_queries):
    network = Network.objects.get(slug="branek")
    client.get(network.get_absolute_url())  # the first view creates the content placeholder
    client.get(network.get_absolute_url())
    # Only django-cms' check whether an apphook changed (one row) reaches the database.
    with django_assert_max_num_queries(1):
        cached = client.get(network.get_absolute_url())
    assert cached.status_code == 200

    network.summary = "Eine neue Kurzbeschreibung."
    network.save()

    assert "Eine neue Kurzbeschreibung." in client.get(network.get_absolute_url()).content.decode()


def test_logged_in_staff_get_fresh_pages_with_their_toolbar(admin_user):
    client = Client()
    client.get("/netzwerke/")  # cached for visitors
    client.force_login(admin_user)
    assert "cms-toolbar" in client.get("/netzwerke/?toolbar_on").content.decode()


def test_pages_and_outputs_are_compressed_for_clients_that_accept_it(client):
    response = client.get("/netzwerke/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "Netzwerke" in gzip.decompress(response.content).decode()


def test_the_subscribed_calendars_cover_a_window_and_the_archive_all(client, settings):
    old = EventFactory(title="Lange vorbei", start="2015-03-01T10:00:00+01:00")
    assert old in Event.objects.public()

    window = client.get("/veranstaltungen/alle.ics").getvalue().decode()
    archive = client.get("/veranstaltungen/archiv.ics")

    assert "Lange vorbei" not in window
    assert archive["Content-Disposition"].startswith("attachment")
    assert "Lange vorbei" in archive.getvalue().decode()


def test_the_start_page_with_record_plugins_is_cached_for_visitors(
    client, django_assert_max_num_queries
):
    """The start page shows upcoming events and the latest news (plugins that follow the
    clock): it is still kept in the page cache, and a news item published later shows on it
    at once."""
    first = client.get("/")
    assert first.status_code == 200
    assert "no-store" not in first.get("Cache-Control", "")
    with django_assert_max_num_queries(1):  # the generation, when the cache is a table
        assert client.get("/").status_code == 200
    NewsItemFactory(title="Frisch veröffentlichte Meldung", public=True)
    assert "Frisch veröffentlichte Meldung" in client.get("/").content.decode()
