"""schema.org JSON-LD on the detail pages of networks and municipalities."""

from datetime import date

import pytest

from networks.models import DatePrecision, Network
from tests.helpers import json_ld
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_network_is_an_organisation_with_members(client, town):
    parent = NetworkFactory(name="Ld-Dach")
    network = NetworkFactory(
        name="Städtenetz Ld",
        short_name="SNL",
        kind=Network.Kind.CITY_NETWORK,
        founded=date(2016, 6, 1),
        founded_precision=DatePrecision.MONTH,
        website="https://example.org/snl",
        parent=parent,
    )
    MembershipFactory(network=network, municipality=town)
    data = json_ld(client, network.get_absolute_url())
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Städtenetz Ld"
    assert data["alternateName"] == "SNL"
    assert data["url"] == f"http://testserver{network.get_absolute_url()}"
    assert data["foundingDate"] == "2016-06"
    assert data["sameAs"] == "https://example.org/snl"
    assert data["parentOrganization"]["name"] == "Ld-Dach"
    assert data["member"] == [
        {
            "@type": "GovernmentOrganization",
            "name": "Ldstadt/Łd",
            "url": f"http://testserver{town.get_absolute_url()}",
        }
    ]


def test_alliance_is_an_organization(client):
    network = NetworkFactory(kind=Network.Kind.ALLIANCE)
    assert json_ld(client, network.get_absolute_url())["@type"] == "Organization"


def test_municipality_is_a_place_with_geo(client, town):
    data = json_ld(client, town.get_absolute_url())
    assert data["@type"] == "Place"
    assert data["name"] == "Ldstadt"
    assert data["alternateName"] == "Ldstadt/Łd"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 52.4, "longitude": 13.05}
    assert data["identifier"]["value"] == "12000001"
    assert data["address"]["addressRegion"] == "Brandenburg"
    assert data["containedInPlace"] == {"@type": "AdministrativeArea", "name": "Landkreis Ld"}
