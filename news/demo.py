"""Demo data of news: real items from the sources the demo data cites, each with its source."""

from datetime import date

from networks.models import Municipality, Network, Topic
from news.models import NewsItem
from portal.dates import midnight
from portal.demo import by_slug, fields_of, put, read_json


def load(*, reset=False):
    related = ("date", "networks", "municipalities", "topics")
    for record in read_json("news.json"):
        fields = fields_of(record, *related)
        fields["published"] = midnight(date.fromisoformat(record["date"]))
        fields.setdefault("status", NewsItem.Status.PUBLISHED)
        item, fill = put(NewsItem, slug=record["slug"], defaults=fields, reset=reset)
        if fill:
            item.networks.set(by_slug(Network, record.get("networks", [])))
            item.municipalities.set(by_slug(Municipality, record.get("municipalities", [])))
            item.topics.set(by_slug(Topic, record.get("topics", [])))
