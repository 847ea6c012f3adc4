"""schema.org JSON-LD on the detail pages of events, networks and municipalities."""

import json
import re
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from contacts.models import Organisation
from events.models import Event
from networks.models import DatePrecision, Network
from tests.contacts.factories import OrganisationFactory
from tests.events.factories import EventFactory
from tests.networks.factories import MembershipFactory, MunicipalityFactory, NetworkFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    head = html[: html.index("</head>")]
    scripts = SCRIPT.findall(head)
    assert len(scripts) == 1
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org"
    return data


@pytest.fixture
def town():
    return MunicipalityFactory(
        name="Ldstadt",
        official_name="Ldstadt/Łd",
        slug="ldstadt",
        ags="12000001",
        district="Landkreis Ld",
        latitude=Decimal("52.400000"),
        longitude=Decimal("13.050000"),
    )


def test_event_with_place_organiser_and_times_with_offsets(client, town):
    organiser = OrganisationFactory(name="Ministerium Ld", kind=Organisation.Kind.MINISTRY)
    event = EventFactory(
        title="Ld-Tagung",
        summary="Worum es geht.",
        start=datetime(2031, 7, 1, 10, 0, tzinfo=BERLIN),
        end=datetime(2031, 7, 1, 16, 0, tzinfo=BERLIN),
        host_municipality=town,
        venue="Rathaus",
        address="Markt 1, 14000 Ldstadt",
    )
    event.organisers.set([organiser])
    data = json_ld(client, event.get_absolute_url())
    assert data["@type"] == "Event"
    assert data["name"] == "Ld-Tagung"
    assert data["url"] == f"http://testserver{event.get_absolute_url()}"
    assert data["startDate"] == "2031-07-01T10:00:00+02:00"
    assert data["endDate"] == "2031-07-01T16:00:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Rathaus",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Markt 1",
            "postalCode": "14000",
            "addressLocality": "Ldstadt",
            "addressRegion": "Brandenburg",
            "addressCountry": "DE",
        },
    }
    assert data["organizer"]["@type"] == "GovernmentOrganization"
    assert data["organizer"]["name"] == "Ministerium Ld"


def test_cancelled_online_all_day_event(client):
    network = NetworkFactory(name="Ld-Netz", kind=Network.Kind.ALLIANCE)
    event = EventFactory(
        start=datetime(2031, 12, 1, 0, 0, tzinfo=BERLIN),
        end=datetime(2031, 12, 2, 0, 0, tzinfo=BERLIN),
        all_day=True,
        online_url="https://example.org/raum",
        status=Event.Status.CANCELLED,
    )
    event.networks.set([network])
    data = json_ld(client, event.get_absolute_url())
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["startDate"] == "2031-12-01"
    assert data["endDate"] == "2031-12-02"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/raum"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Ld-Netz",
        "url": f"http://testserver{network.get_absolute_url()}",
    }


def test_event_in_winter_has_the_winter_offset(client):
    event = EventFactory(start=datetime(2031, 1, 15, 18, 0, tzinfo=BERLIN))
    assert json_ld(client, event.get_absolute_url())["startDate"] == "2031-01-15T18:00:00+01:00"


def test_text_cannot_end_the_script_element(client):
    event = EventFactory(title="</script><script>alert(1)</script> & mehr")
    response = client.get(event.get_absolute_url())
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    data = json.loads(SCRIPT.search(html).group(1))
    assert data["name"] == "</script><script>alert(1)</script> & mehr"


def test_network_is_an_organisation_with_members(client, town):
    parent = NetworkFactory(name="Ld-Dach")
    network = NetworkFactory(
        name="Städtenetz Ld",
        short_name="SNL",
        kind=Network.Kind.CITY_NETWORK,
        founded=date(2016, 6, 1),
        founded_precision=DatePrecision.MONTH,
        website="https://example.org/snl",
        parent=parent,
    )
    MembershipFactory(network=network, municipality=town)
    data = json_ld(client, network.get_absolute_url())
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Städtenetz Ld"
    assert data["alternateName"] == "SNL"
    assert data["url"] == f"http://testserver{network.get_absolute_url()}"
    assert data["foundingDate"] == "2016-06"
    assert data["sameAs"] == "https://example.org/snl"
    assert data["parentOrganization"]["name"] == "Ld-Dach"
    assert data["member"] == [
        {
            "@type": "GovernmentOrganization",
            "name": "Ldstadt/Łd",
            "url": f"http://testserver{town.get_absolute_url()}",
        }
    ]


def test_alliance_is_an_organization(client):
    network = NetworkFactory(kind=Network.Kind.ALLIANCE)
    assert json_ld(client, network.get_absolute_url())["@type"] == "Organization"


def test_municipality_is_a_place_with_geo(client, town):
    data = json_ld(client, town.get_absolute_url())
    assert data["@type"] == "Place"
    assert data["name"] == "Ldstadt"
    assert data["alternateName"] == "Ldstadt/Łd"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 52.4, "longitude": 13.05}
    assert data["identifier"]["value"] == "12000001"
    assert data["address"]["addressRegion"] == "Brandenburg"
    assert data["containedInPlace"] == {"@type": "AdministrativeArea", "name": "Landkreis Ld"}


def test_every_demo_detail_page_has_valid_json_ld(client):
    for record in [*Network.objects.all(), *Event.objects.public()]:
        data = json_ld(client, record.get_absolute_url())
        assert data["name"] and data["url"].endswith(record.get_absolute_url())
