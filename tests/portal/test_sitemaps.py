"""sitemap.xml and robots.txt."""

from datetime import timedelta
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from contacts.models import Contact, Organisation
from events.models import Event
from initiatives.models import Initiative
from networks.models import Municipality, Network
from tests.contacts.factories import ContactFactory
from tests.events.factories import EventFactory
from tests.helpers import sitemap_paths

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap(client, section="netzwerke"):
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ElementTree.fromstring(response.content)


def paths(root):
    return {urlsplit(loc.text).path for loc in root.iter(f"{NS}loc")}


def test_sitemap_lists_the_cms_pages_and_every_public_detail_page(client):
    found = sitemap_paths(client)
    assert {"/", "/netzwerke/", "/staedte/", "/veranstaltungen/", "/offene-daten/"} <= found
    assert {"/en/", "/en/netzwerke/"} <= found
    public = [
        *Network.objects.all(),
        *Municipality.objects.all(),
        *Initiative.objects.all(),
        *Event.objects.public(),
        *Contact.objects.public(),
        *Organisation.objects.all(),
    ]
    assert len(public) > 100
    for record in public:
        assert record.get_absolute_url() in found, record
        assert f"/en{record.get_absolute_url()}" in found, record


def test_sitemap_leaves_out_what_the_public_may_not_see(client):
    soon = timezone.now() + timedelta(days=3)
    hidden = [
        EventFactory(status=Event.Status.DRAFT, start=soon),
        EventFactory(status=Event.Status.SUBMITTED, start=soon),
        EventFactory(start=soon, publish_at=timezone.now() + timedelta(days=1)),
        ContactFactory(is_public=False),
    ]
    visible = EventFactory(start=soon)
    found = sitemap_paths(client)
    assert visible.get_absolute_url() in found
    for record in hidden:
        assert record.get_absolute_url() not in found


def test_sitemap_urls_are_absolute_with_language_alternates(client):
    root = sitemap(client)
    network = Network.objects.first().get_absolute_url()
    entry = next(url for url in root.iter(f"{NS}url") if url.findtext(f"{NS}loc").endswith(network))
    assert entry.findtext(f"{NS}loc") == f"http://testserver{network}"
    alternates = {link.get("hreflang"): link.get("href") for link in entry.iter(f"{XHTML}link")}
    assert alternates == {
        "de": f"http://testserver{network}",
        "en": f"http://testserver/en{network}",
    }


def test_sitemap_entries_respond(client):
    sample = sorted(sitemap_paths(client))[::15]
    for path in sample:
        assert client.get(path).status_code == 200, path


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_the_sitemap_is_an_index_of_files_with_dates(client):
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    files = {urlsplit(loc.text).path for loc in index.iter(f"{NS}loc")}
    expected = {"/sitemap-seiten.xml", "/sitemap-netzwerke.xml", "/sitemap-veranstaltungen.xml"}
    assert expected <= files
    network = Network.objects.first()
    entry = next(
        url
        for url in sitemap(client).iter(f"{NS}url")
        if url.findtext(f"{NS}loc").endswith(network.get_absolute_url())
    )
    assert entry.findtext(f"{NS}lastmod") == network.modified.date().isoformat()


def test_a_sitemap_file_holds_at_most_50000_addresses():
    from portal.sitemaps import DetailSitemap

    assert DetailSitemap.limit * 2 <= 50_000
