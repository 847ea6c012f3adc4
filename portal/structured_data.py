"""schema.org descriptions of the detail pages, embedded as JSON-LD for search engines."""

import re

from django.utils import timezone

from contacts.models import Organisation
from networks.ical import BERLIN
from networks.models import DatePrecision, Event, Municipality, Network

CONTEXT = "https://schema.org"
# The first two digits of the Amtlicher Gemeindeschlüssel name the federal state.
STATES = {"11": "Berlin", "12": "Brandenburg"}
# „Straße 1, 12345 Ort“: the usual way a German address is written on one line.
ONE_LINE_ADDRESS = re.compile(r"^(?P<street>.+),\s*(?P<postal_code>\d{5})\s+(?P<locality>.+)$")
GOVERNMENT_NETWORKS = {
    Network.Kind.CITY_NETWORK,
    Network.Kind.WORKING_GROUP,
    Network.Kind.STATE_INITIATIVE,
}
GOVERNMENT_ORGANISATIONS = {Organisation.Kind.MINISTRY, Organisation.Kind.ADMINISTRATION}


def describe(obj, *, request):
    """The JSON-LD dict of a network, municipality or event page."""
    builders = {Event: event_data, Network: network_data, Municipality: municipality_data}
    data = builders[type(obj)](obj, request=request)
    return {"@context": CONTEXT, **data}


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _partial_date(value, precision):
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def event_time(value, *, all_day):
    """ISO 8601 with the offset of Berlin at that moment, or the date alone for all-day events."""
    if value is None:
        return None
    local = timezone.localtime(value, BERLIN)
    return local.date().isoformat() if all_day else local.isoformat()


def _postal_address(municipality, one_line=""):
    address = {"@type": "PostalAddress", "addressCountry": "DE"}
    match = ONE_LINE_ADDRESS.match(one_line)
    if match:
        address.update(
            streetAddress=match["street"],
            postalCode=match["postal_code"],
            addressLocality=match["locality"],
        )
    elif one_line:
        address["streetAddress"] = one_line
    if municipality:
        address.setdefault("addressLocality", municipality.name)
        address["addressRegion"] = STATES.get(municipality.ags[:2])
    return _without_empty(address)


def _event_locations(event):
    locations = []
    municipality = event.host_municipality
    if event.venue or event.address or municipality:
        name = event.venue or (municipality.name if municipality else event.address)
        locations.append(
            {
                "@type": "Place",
                "name": name,
                "address": _postal_address(municipality, event.address),
            }
        )
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    return locations


def _attendance_mode(locations):
    kinds = {location["@type"] for location in locations}
    if kinds == {"Place", "VirtualLocation"}:
        return f"{CONTEXT}/MixedEventAttendanceMode"
    if kinds == {"VirtualLocation"}:
        return f"{CONTEXT}/OnlineEventAttendanceMode"
    if kinds == {"Place"}:
        return f"{CONTEXT}/OfflineEventAttendanceMode"
    return None


def _organisation(organisation, request):
    kind = "GovernmentOrganization" if organisation.kind in GOVERNMENT_ORGANISATIONS else None
    return {
        "@type": kind or "Organization",
        "name": organisation.name,
        "url": request.build_absolute_uri(organisation.get_absolute_url()),
    }


def _network_reference(network, request):
    return {
        "@type": _network_type(network),
        "name": network.display_name,
        "url": request.build_absolute_uri(network.get_absolute_url()),
    }


def _network_type(network):
    return "GovernmentOrganization" if network.kind in GOVERNMENT_NETWORKS else "Organization"


def event_data(event, *, request):
    locations = _event_locations(event)
    organisers = [_organisation(o, request) for o in event.organisers.all()] or [
        _network_reference(network, request) for network in event.networks.all()
    ]
    status = "EventCancelled" if event.is_cancelled else "EventScheduled"
    return _without_empty(
        {
            "@type": "Event",
            "name": event.title,
            "description": event.summary or event.description,
            "url": request.build_absolute_uri(event.get_absolute_url()),
            "startDate": event_time(event.start, all_day=event.all_day),
            "endDate": event_time(event.end, all_day=event.all_day),
            "eventStatus": f"{CONTEXT}/{status}",
            "eventAttendanceMode": _attendance_mode(locations),
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": organisers[0] if len(organisers) == 1 else organisers,
            "keywords": ", ".join(topic.name for topic in event.topics.all()),
            "inLanguage": "de",
        }
    )


def network_data(network, *, request):
    members = {m.municipality_id: m.municipality for m in network.memberships.all()}
    return _without_empty(
        {
            "@type": _network_type(network),
            "name": network.name,
            "alternateName": network.short_name,
            "description": network.summary or network.description,
            "url": request.build_absolute_uri(network.get_absolute_url()),
            "sameAs": network.website,
            "foundingDate": _partial_date(network.founded, network.founded_precision),
            "dissolutionDate": _partial_date(network.ended, network.ended_precision),
            "parentOrganization": network.parent and _network_reference(network.parent, request),
            "member": [
                {
                    "@type": "GovernmentOrganization",
                    "name": municipality.official_name,
                    "url": request.build_absolute_uri(municipality.get_absolute_url()),
                }
                for municipality in members.values()
            ],
            "knowsAbout": [topic.name for topic in network.topics.all()],
        }
    )


def municipality_data(municipality, *, request):
    geo = None
    if municipality.latitude is not None and municipality.longitude is not None:
        geo = {
            "@type": "GeoCoordinates",
            "latitude": float(municipality.latitude),
            "longitude": float(municipality.longitude),
        }
    district = municipality.district if municipality.district != "kreisfrei" else ""
    return _without_empty(
        {
            "@type": "Place",
            "name": municipality.name,
            "alternateName": (
                municipality.official_name
                if municipality.official_name != municipality.name
                else None
            ),
            "url": request.build_absolute_uri(municipality.get_absolute_url()),
            "sameAs": municipality.website,
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": "AGS",
                "name": "Amtlicher Gemeindeschlüssel",
                "value": municipality.ags,
            },
            "geo": geo,
            "address": _postal_address(municipality),
            "containedInPlace": district and {"@type": "AdministrativeArea", "name": district},
        }
    )
