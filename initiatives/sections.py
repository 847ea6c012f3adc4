"""The initiatives of a network or a municipality, on its page (see portal.sections)."""

from initiatives.models import Initiative


def network_initiatives(network):
    initiatives = (
        Initiative.objects.public()
        .of_network(network)
        .select_related("image")
        .prefetch_related("municipalities")
    )
    return {"initiatives": list(initiatives.by_round()), "network": network}


def municipality_initiatives(municipality):
    initiatives = (
        Initiative.objects.public()
        .of_municipality(municipality)
        .select_related("network", "image")
        .prefetch_related("municipalities")
    )
    return {"initiatives": list(initiatives.by_round()), "with_network": True}
