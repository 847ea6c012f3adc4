"""Demo data of organisations, their roles in networks, and contacts."""

from contacts.models import Contact, Organisation, Partnership
from networks.models import Municipality, Network
from portal.demo import by_slug, fields_of, one, read_json


def load_organisations():
    for record in read_json("organisations.json"):
        fields = fields_of(record, "parent")
        fields["parent"] = one(Organisation, record.get("parent"))
        Organisation.objects.update_or_create(slug=record["slug"], defaults=fields)


def load_partnerships():
    for record in read_json("partnerships.json"):
        Partnership.objects.update_or_create(
            network=Network.objects.get(slug=record["network"]),
            organisation=Organisation.objects.get(slug=record["organisation"]),
            role=record["role"],
            defaults=fields_of(record, "network", "organisation", "role"),
        )


def load_contacts():
    related = ("organisation", "networks", "municipalities")
    for record in read_json("contacts.json"):
        fields = fields_of(record, *related)
        fields["organisation"] = one(Organisation, record.get("organisation"))
        contact, _ = Contact.objects.update_or_create(slug=record["slug"], defaults=fields)
        contact.networks.set(by_slug(Network, record.get("networks", [])))
        contact.municipalities.set(by_slug(Municipality, record.get("municipalities", [])))


def load():
    load_organisations()
    load_partnerships()
    load_contacts()
