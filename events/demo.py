"""Demo data of events."""

from datetime import date

from contacts.models import Organisation
from events.models import Event
from networks.models import Municipality, Network, Topic
from portal.dates import midnight
from portal.demo import by_slug, fields_of, one, put, read_json


def load(*, reset=False):
    """Events whose day alone is known: all-day, starting at midnight in Brandenburg."""
    related = ("date", "host_municipality", "networks", "organisers", "topics")
    for record in read_json("events.json"):
        fields = fields_of(record, *related)
        day = date.fromisoformat(record["date"])
        fields["start"] = midnight(day)
        fields["all_day"] = True
        fields.setdefault("status", Event.Status.PUBLISHED)
        fields["host_municipality"] = one(Municipality, record.get("host_municipality"))
        event, fill = put(Event, slug=record["slug"], defaults=fields, reset=reset)
        if fill:
            event.networks.set(by_slug(Network, record.get("networks", [])))
            event.organisers.set(by_slug(Organisation, record.get("organisers", [])))
            event.topics.set(by_slug(Topic, record.get("topics", [])))
