"""The initiatives of a network or a municipality, on its page (see portal.sections): the
first of them, with a link to the filtered list for all."""

from django.urls import reverse

from initiatives.models import Initiative
from portal.sections import first


def _initiatives(initiatives, query, **data):
    shown, more = first(
        initiatives.select_related("network", "image")
        .prefetch_related("municipalities")
        .by_round(),
        f"{reverse('initiatives:list')}?{query}",
    )
    return {"initiatives": shown, "more_url": more, **data}


def network_initiatives(network):
    return _initiatives(
        Initiative.objects.public().of_network(network), f"network={network.slug}", network=network
    )


def municipality_initiatives(municipality):
    return _initiatives(
        Initiative.objects.public().of_municipality(municipality),
        f"municipality={municipality.slug}",
        with_network=True,
    )
