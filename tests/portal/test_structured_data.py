"""schema.org JSON-LD on the detail pages: the script element every description is in."""

import json
from datetime import datetime, timedelta

import pytest

from contacts.models import Organisation
from events.models import Event
from networks.models import Network
from news.models import NewsItem
from tests.contacts.factories import OrganisationFactory
from tests.events.factories import EventFactory
from tests.helpers import SCRIPT, json_ld
from tests.networks.factories import NetworkFactory
from tests.news.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def test_text_cannot_end_the_script_element(client):
    event = EventFactory(title="</script><script>alert(1)</script> & mehr")
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    data = json.loads(SCRIPT.search(html).group(1))
    assert data["name"] == "</script><script>alert(1)</script> & mehr"


def test_every_demo_detail_page_has_valid_json_ld(client):
    for record in [*Network.objects.all(), *Event.objects.public()]:
        data = json_ld(client, record.get_absolute_url())
        assert data["name"] and data["url"].endswith(record.get_absolute_url())


# Events: Google requires a location (a place, or a virtual one for online events) and
# recommends the attendance mode and status.

PAGE = "http://testserver"


def test_an_event_hosted_by_a_municipality_takes_place_there(client, town):
    event = EventFactory(host_municipality=town)
    data = json_ld(client, event.get_absolute_url())
    assert data["location"] == {
        "@type": "Place",
        "name": "Ldstadt",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Ldstadt",
            "addressRegion": "Brandenburg",
            "addressCountry": "DE",
        },
    }
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_an_online_exchange_without_known_access_is_online_at_its_page(client, town):
    # Its host municipality hosts it, but it takes place online only.
    event = EventFactory(kind=Event.Kind.ONLINE, host_municipality=town)
    data = json_ld(client, event.get_absolute_url())
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": f"{PAGE}{event.get_absolute_url()}",
    }
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_an_online_exchange_with_a_registration_is_online_there(client):
    event = EventFactory(kind=Event.Kind.ONLINE, registration_url="https://example.org/anmelden")
    data = json_ld(client, event.get_absolute_url())
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/anmelden"}


def test_an_event_on_site_and_online_is_mixed(client, town):
    event = EventFactory(
        host_municipality=town, venue="Rathaus", online_url="https://example.org/stream"
    )
    data = json_ld(client, event.get_absolute_url())
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][1]["url"] == "https://example.org/stream"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_an_event_that_names_no_place_gets_none_invented(client):
    event = EventFactory(kind=Event.Kind.FOUNDING)
    data = json_ld(client, event.get_absolute_url())
    assert "location" not in data
    assert "eventAttendanceMode" not in data
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def test_every_demo_event_with_a_known_place_or_online_has_a_location(client):
    for event in Event.objects.public().with_host():
        data = json_ld(client, event.get_absolute_url())
        assert data["eventStatus"].startswith("https://schema.org/Event")
        known = event.host_municipality or event.venue or event.address or event.online_url
        if known or event.kind == Event.Kind.ONLINE:
            assert data["location"], event.title
            assert data["eventAttendanceMode"], event.title


# News: headline, dates, author and publisher.


def test_a_news_article_has_dates_author_and_publisher(client):
    network = NetworkFactory(name="Meldenetz", kind=Network.Kind.ALLIANCE)
    item = NewsItemFactory(public=True, networks=[network], title="Ein Titel " * 20)
    data = json_ld(client, item.get_absolute_url())
    assert data["@type"] == "NewsArticle"
    assert len(data["headline"]) <= 110
    assert datetime.fromisoformat(data["dateModified"]) >= datetime.fromisoformat(
        data["datePublished"]
    )
    assert data["author"] == [
        {
            "@type": "Organization",
            "name": "Meldenetz",
            "url": f"{PAGE}{network.get_absolute_url()}",
        }
    ]
    assert data["publisher"] == data["author"]
    assert data["mainEntityOfPage"] == f"{PAGE}{item.get_absolute_url()}"


def test_an_item_of_no_network_is_the_portal_s(client):
    item = NewsItemFactory(public=True)
    data = json_ld(client, item.get_absolute_url())
    assert data["author"] == [
        {
            "@type": "Organization",
            "name": "Netzwerke der Städte und Gemeinden in Brandenburg",
            "url": f"{PAGE}/",
            "logo": f"{PAGE}/static/img/apple-touch-icon.png",
        }
    ]


def test_an_item_changed_after_publication_says_so(client):
    item = NewsItemFactory(public=True)
    NewsItem.objects.filter(pk=item.pk).update(modified=item.published + timedelta(days=2))
    data = json_ld(client, item.get_absolute_url())
    assert datetime.fromisoformat(data["dateModified"]) == item.published + timedelta(days=2)


# Organisations.


def test_an_organisation_page_describes_the_organisation(client):
    parent = OrganisationFactory(name="Ministerium Ld", kind=Organisation.Kind.MINISTRY)
    office = OrganisationFactory(
        name="Geschäftsstelle Ld",
        short_name="GS Ld",
        kind=Organisation.Kind.OFFICE,
        parent=parent,
        street="Markt 1",
        postal_code="14000",
        city="Ldstadt",
        website="https://example.org/gs",
        description="Führt die Geschäfte.",
    )
    data = json_ld(client, office.get_absolute_url())
    assert data == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Geschäftsstelle Ld",
        "alternateName": "GS Ld",
        "description": "Führt die Geschäfte.",
        "url": f"{PAGE}{office.get_absolute_url()}",
        "sameAs": "https://example.org/gs",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Markt 1",
            "postalCode": "14000",
            "addressLocality": "Ldstadt",
            "addressCountry": "DE",
        },
        "parentOrganization": {
            "@type": "GovernmentOrganization",
            "name": "Ministerium Ld",
            "url": f"{PAGE}{parent.get_absolute_url()}",
        },
    }
    parent_data = json_ld(client, parent.get_absolute_url())
    assert parent_data["@type"] == "GovernmentOrganization"
    assert [child["name"] for child in parent_data["subOrganization"]] == ["Geschäftsstelle Ld"]


def test_every_demo_organisation_page_has_its_description(client):
    for organisation in Organisation.objects.all():
        assert json_ld(client, organisation.get_absolute_url())["name"] == organisation.name
