"""Demo data of organisations, their roles in networks, and contacts."""

from contacts.models import Contact, Organisation, Partnership
from networks.models import Municipality, Network
from portal.demo import by_slug, fields_of, one, put, read_json


def load_organisations(*, reset):
    for record in read_json("organisations.json"):
        fields = fields_of(record, "parent")
        fields["parent"] = one(Organisation, record.get("parent"))
        put(Organisation, slug=record["slug"], defaults=fields, reset=reset)


def load_partnerships(*, reset):
    for record in read_json("partnerships.json"):
        put(
            Partnership,
            reset=reset,
            network=Network.objects.get(slug=record["network"]),
            organisation=Organisation.objects.get(slug=record["organisation"]),
            role=record["role"],
            defaults=fields_of(record, "network", "organisation", "role"),
        )


def load_contacts(*, reset):
    related = ("organisation", "networks", "municipalities")
    for record in read_json("contacts.json"):
        fields = fields_of(record, *related)
        fields["organisation"] = one(Organisation, record.get("organisation"))
        contact, fill = put(Contact, slug=record["slug"], defaults=fields, reset=reset)
        if fill:
            contact.networks.set(by_slug(Network, record.get("networks", [])))
            contact.municipalities.set(by_slug(Municipality, record.get("municipalities", [])))


def load(*, reset=False):
    load_organisations(reset=reset)
    load_partnerships(reset=reset)
    load_contacts(reset=reset)
