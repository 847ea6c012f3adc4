"""The events of a network or a municipality, on its page (see portal.sections): the next and
the most recent ones, with links to the filtered list for all of them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event

SHOWN = 10


def _by_time(events, list_query, **data):
    upcoming = list(events.upcoming()[: SHOWN + 1])
    past = list(events.past()[: SHOWN + 1])
    list_url = reverse("events:list")
    return {
        "upcoming_events": upcoming[:SHOWN],
        "past_events": past[:SHOWN],
        "more_upcoming": f"{list_url}?{list_query}" if len(upcoming) > SHOWN else "",
        "more_past": f"{list_url}?{list_query}&when=past" if len(past) > SHOWN else "",
        **data,
    }


def network_events(network):
    return _by_time(
        Event.objects.public().with_host().in_network(network),
        f"network={network.slug}",
        network=network,
        calendar_url=reverse("networks:calendar", args=[network.slug]),
        calendar_label=_("Veranstaltungen des Netzwerks als Kalender abonnieren"),
    )


def municipality_events(municipality):
    return _by_time(
        Event.objects.public().with_host().hosted_by(municipality),
        f"municipality={municipality.slug}",
        calendar_url=reverse("municipalities:calendar", args=[municipality.slug]),
        calendar_label=_("Veranstaltungen in dieser Kommune als Kalender abonnieren"),
    )
