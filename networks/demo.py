"""The portal's demo data: real, sourced facts from the JSON and CSV files in fixtures/.

Loading is idempotent: every record is found by its natural key (slugs; the Gemeindeschlüssel
for municipalities) and updated in place, so a second run changes nothing.
"""

import csv
import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from contacts.models import Contact, Organisation, Partnership
from initiatives.models import Initiative
from networks.models import Event, Membership, Municipality, Network, NetworkItem, Topic

BERLIN = ZoneInfo("Europe/Berlin")
GERMAN_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
MUNICIPALITY_KINDS = {
    "Stadtstaat (kreisfreie Stadt, Land Berlin)": Municipality.Kind.CITY_STATE,
    "kreisfreie Stadt": Municipality.Kind.DISTRICT_FREE_CITY,
    "Stadt": Municipality.Kind.TOWN,
    "Gemeinde": Municipality.Kind.MUNICIPALITY,
}


def german_slug(name):
    """„Fürstenwalde/Spree“ → „fuerstenwalde-spree“."""
    return slugify(name.lower().translate(GERMAN_LETTERS).replace("/", " "))


def _path(name):
    return settings.BASE_DIR / "fixtures" / name


def _json(name):
    return json.loads(_path(name).read_text(encoding="utf-8"))


def _fields(record, *related):
    """A fixture record as model field values: without the keys handled separately, with the
    list of sources as one source per line."""
    fields = {key: value for key, value in record.items() if key not in ("slug", *related)}
    if "sources" in fields:
        fields["sources"] = "\n".join(fields["sources"])
    return fields


def _one(model, slug):
    return model.objects.get(slug=slug) if slug else None


def _by_slug(model, slugs):
    return [model.objects.get(slug=slug) for slug in slugs]


def load_topics(nodes, parent=None, position=0):
    """Topics with their sub-topics; positions follow the order of the file."""
    for node in nodes:
        position += 1
        topic, _ = Topic.objects.update_or_create(
            slug=node["slug"],
            defaults={
                "name": node["name"],
                "parent": parent,
                "position": position,
                "description": node.get("description", ""),
            },
        )
        position = load_topics(node.get("children", []), topic, position)
    return position


def load_municipalities():
    extra = _json("municipalities.json")
    details = {row["ags"]: row for row in extra["municipalities"]}
    with _path("municipalities.csv").open(encoding="utf-8", newline="") as csv_file:
        for row in csv.DictReader(csv_file):
            detail = details[row["ags"]]
            area = detail.get("area_km2")
            Municipality.objects.update_or_create(
                ags=row["ags"],
                defaults={
                    "name": detail["name"],
                    "official_name": row["name"],
                    "slug": german_slug(detail["name"]),
                    "district": row["district"],
                    "kind": MUNICIPALITY_KINDS[row["kind"]],
                    "population": int(row["population"]),
                    "population_date": date.fromisoformat(row["population_date"]),
                    "population_source": extra["population_source"],
                    "area_km2": area,
                    "area_source": extra["area_source"] if area else "",
                    "latitude": row["lat"],
                    "longitude": row["lon"],
                    "website": f"https://{row['website']}",
                    "sources": "\n".join(row["source_urls"].split(" | ")),
                },
            )


def load_organisations():
    for record in _json("organisations.json"):
        fields = _fields(record, "parent")
        fields["parent"] = _one(Organisation, record.get("parent"))
        Organisation.objects.update_or_create(slug=record["slug"], defaults=fields)


def load_networks():
    related = ("parent", "topics", "items", "partnerships", "memberships")
    for record in _json("networks.json"):
        fields = _fields(record, *related)
        fields["parent"] = _one(Network, record.get("parent"))
        network, _ = Network.objects.update_or_create(slug=record["slug"], defaults=fields)
        network.topics.set(_by_slug(Topic, record.get("topics", [])))

        positions = {}
        for item in record.get("items", []):
            position = positions[item["kind"]] = positions.get(item["kind"], 0) + 1
            NetworkItem.objects.update_or_create(
                network=network,
                kind=item["kind"],
                position=position,
                defaults={"text": item["text"], "year": item.get("year")},
            )
        for partnership in record.get("partnerships", []):
            Partnership.objects.update_or_create(
                network=network,
                organisation=Organisation.objects.get(slug=partnership["organisation"]),
                role=partnership["role"],
                defaults=_fields(partnership, "organisation", "role"),
            )
        for membership in record.get("memberships", []):
            Membership.objects.update_or_create(
                network=network,
                municipality=Municipality.objects.get(slug=membership["municipality"]),
                role=membership["role"],
                joined=membership.get("joined"),
                defaults=_fields(membership, "municipality", "role", "joined"),
            )


def load_contacts():
    related = ("organisation", "networks", "municipalities")
    for record in _json("contacts.json"):
        fields = _fields(record, *related)
        fields["organisation"] = _one(Organisation, record.get("organisation"))
        contact, _ = Contact.objects.update_or_create(slug=record["slug"], defaults=fields)
        contact.networks.set(_by_slug(Network, record.get("networks", [])))
        contact.municipalities.set(_by_slug(Municipality, record.get("municipalities", [])))


def load_initiatives():
    related = ("network", "municipalities", "organisations", "topics")
    for record in _json("initiatives.json"):
        fields = _fields(record, *related)
        fields["network"] = Network.objects.get(slug=record["network"])
        initiative, _ = Initiative.objects.update_or_create(slug=record["slug"], defaults=fields)
        initiative.municipalities.set(_by_slug(Municipality, record.get("municipalities", [])))
        initiative.organisations.set(_by_slug(Organisation, record.get("organisations", [])))
        initiative.topics.set(_by_slug(Topic, record.get("topics", [])))


def load_events():
    """Events whose day alone is known: all-day, starting at midnight in Brandenburg."""
    related = ("date", "host_municipality", "networks", "organisers", "topics")
    for record in _json("events.json"):
        fields = _fields(record, *related)
        day = date.fromisoformat(record["date"])
        fields["start"] = datetime.combine(day, time.min, tzinfo=BERLIN)
        fields["all_day"] = True
        fields.setdefault("status", Event.Status.PUBLISHED)
        fields["host_municipality"] = _one(Municipality, record.get("host_municipality"))
        event, _ = Event.objects.update_or_create(slug=record["slug"], defaults=fields)
        event.networks.set(_by_slug(Network, record.get("networks", [])))
        event.organisers.set(_by_slug(Organisation, record.get("organisers", [])))
        event.topics.set(_by_slug(Topic, record.get("topics", [])))


@transaction.atomic
def load_demo_data() -> dict[str, int]:
    """Load (or update) the demo data; returns the number of rows per model afterwards."""
    load_topics(_json("topics.json"))
    load_municipalities()
    load_organisations()
    load_networks()
    load_contacts()
    load_initiatives()
    load_events()
    models = [
        Topic,
        Municipality,
        Network,
        NetworkItem,
        Membership,
        Organisation,
        Partnership,
        Contact,
        Initiative,
        Event,
    ]
    return {model.__name__: model.objects.count() for model in models}
