"""The events of a network or a municipality, on its page (see portal.sections)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from events.models import Event


def _by_time(events, **data):
    return {"upcoming_events": list(events.upcoming()), "past_events": list(events.past()), **data}


def network_events(network):
    return _by_time(
        Event.objects.public().with_host().in_network(network),
        network=network,
        calendar_url=reverse("networks:calendar", args=[network.slug]),
        calendar_label=_("Veranstaltungen des Netzwerks als Kalender abonnieren"),
    )


def municipality_events(municipality):
    return _by_time(
        Event.objects.public().with_host().hosted_by(municipality),
        calendar_url=reverse("municipalities:calendar", args=[municipality.slug]),
        calendar_label=_("Veranstaltungen in dieser Kommune als Kalender abonnieren"),
    )
