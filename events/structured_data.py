"""schema.org descriptions of events."""

from contacts.structured_data import organisation_reference
from networks.structured_data import network_reference
from portal.structured_data import CONTEXT, event_time, postal_address, without_empty


def _locations(event):
    locations = []
    municipality = event.host_municipality
    if event.venue or event.address or municipality:
        name = event.venue or (municipality.name if municipality else event.address)
        locations.append(
            {
                "@type": "Place",
                "name": name,
                "address": postal_address(municipality, event.address),
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


def event_data(event, *, request):
    locations = _locations(event)
    organisers = [organisation_reference(o, request) for o in event.organisers.all()] or [
        network_reference(network, request) for network in event.networks.all()
    ]
    status = "EventCancelled" if event.is_cancelled else "EventScheduled"
    return without_empty(
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
