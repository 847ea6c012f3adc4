"""schema.org descriptions of events."""

from contacts.structured_data import organisation_reference
from events.models import Event
from networks.structured_data import network_reference
from portal.structured_data import (
    CONTEXT,
    event_time,
    image_urls,
    postal_address,
    without_empty,
)


def _locations(event, url):
    """Where the event takes place: its venue or address; without them, the host municipality
    (a fact: the event is hosted there), unless the event is an online exchange, held nowhere
    else. Online: at its access, or where that is not known, at its registration or its page
    on the portal. An event that names neither has no location here."""
    locations = []
    municipality = event.host_municipality
    online = bool(event.online_url) or event.kind == Event.Kind.ONLINE
    on_site = bool(event.venue or event.address) or (
        municipality is not None and event.kind != Event.Kind.ONLINE
    )
    if on_site:
        name = event.venue or (municipality.name if municipality else event.address)
        locations.append(
            {
                "@type": "Place",
                "name": name,
                "address": postal_address(municipality, event.address),
            }
        )
    if online:
        access = event.online_url or event.registration_url or url
        locations.append({"@type": "VirtualLocation", "url": access})
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
    url = request.build_absolute_uri(event.get_absolute_url())
    locations = _locations(event, url)
    organisers = [organisation_reference(o, request) for o in event.organisers.all()] or [
        network_reference(network, request) for network in event.networks.all()
    ]
    status = "EventCancelled" if event.is_cancelled else "EventScheduled"
    return without_empty(
        {
            "@type": "Event",
            "name": event.title,
            "description": event.summary or event.description,
            "url": url,
            "image": image_urls(event, request),
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
