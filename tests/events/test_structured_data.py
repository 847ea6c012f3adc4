"""schema.org JSON-LD on the detail pages of events."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from contacts.models import Organisation
from events.models import Event
from networks.models import Network
from tests.contacts.factories import OrganisationFactory
from tests.events.factories import EventFactory
from tests.helpers import json_ld
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


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
