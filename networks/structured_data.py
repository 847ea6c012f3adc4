"""schema.org descriptions of networks and municipalities."""

from networks.models import Network
from portal.structured_data import partial_date, postal_address, without_empty

GOVERNMENT_NETWORKS = {
    Network.Kind.CITY_NETWORK,
    Network.Kind.WORKING_GROUP,
    Network.Kind.STATE_INITIATIVE,
}


def network_type(network):
    return "GovernmentOrganization" if network.kind in GOVERNMENT_NETWORKS else "Organization"


def network_reference(network, request):
    return {
        "@type": network_type(network),
        "name": network.display_name,
        "url": request.build_absolute_uri(network.get_absolute_url()),
    }


def network_data(network, *, request):
    members = {m.municipality_id: m.municipality for m in network.members}
    return without_empty(
        {
            "@type": network_type(network),
            "name": network.name,
            "alternateName": network.short_name,
            "description": network.summary or network.description,
            "url": request.build_absolute_uri(network.get_absolute_url()),
            "sameAs": network.website,
            "foundingDate": partial_date(network.founded, network.founded_precision),
            "dissolutionDate": partial_date(network.ended, network.ended_precision),
            "parentOrganization": network.parent and network_reference(network.parent, request),
            "member": [
                {
                    "@type": "GovernmentOrganization",
                    "name": municipality.official_name,
                    "url": request.build_absolute_uri(municipality.get_absolute_url()),
                }
                for municipality in members.values()
            ],
            "knowsAbout": [topic.name for topic in network.topics.all()],
        }
    )


def municipality_data(municipality, *, request):
    geo = None
    if municipality.latitude is not None and municipality.longitude is not None:
        geo = {
            "@type": "GeoCoordinates",
            "latitude": float(municipality.latitude),
            "longitude": float(municipality.longitude),
        }
    district = municipality.district if municipality.district != "kreisfrei" else ""
    return without_empty(
        {
            "@type": "Place",
            "name": municipality.name,
            "alternateName": (
                municipality.official_name
                if municipality.official_name != municipality.name
                else None
            ),
            "url": request.build_absolute_uri(municipality.get_absolute_url()),
            "sameAs": municipality.website,
            "identifier": {
                "@type": "PropertyValue",
                "propertyID": "AGS",
                "name": "Amtlicher Gemeindeschlüssel",
                "value": municipality.ags,
            },
            "geo": geo,
            "address": postal_address(municipality),
            "containedInPlace": district and {"@type": "AdministrativeArea", "name": district},
        }
    )
