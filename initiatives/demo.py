"""Demo data of initiatives."""

from contacts.models import Organisation
from initiatives.models import Initiative
from networks.models import Municipality, Network, Topic
from portal.demo import by_slug, fields_of, put, read_json


def load(*, reset=False):
    related = ("network", "municipalities", "organisations", "topics")
    for record in read_json("initiatives.json"):
        fields = fields_of(record, *related)
        fields["network"] = Network.objects.get(slug=record["network"])
        initiative, fill = put(Initiative, slug=record["slug"], defaults=fields, reset=reset)
        if fill:
            initiative.municipalities.set(by_slug(Municipality, record.get("municipalities", [])))
            initiative.organisations.set(by_slug(Organisation, record.get("organisations", [])))
            initiative.topics.set(by_slug(Topic, record.get("topics", [])))
