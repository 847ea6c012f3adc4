"""The filtered lists of networks, municipalities, initiatives and contacts."""

from datetime import date
from decimal import Decimal

import pytest

from initiatives.models import Initiative
from networks.models import Membership, Municipality, Network
from tests.contacts.factories import ContactFactory, OrganisationFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NetworkFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def names(response):
    return {str(row) for row in response.context["object_list"]}


@pytest.fixture
def world():
    topic = TopicFactory(slug="thema-a")
    sub = TopicFactory(slug="thema-a-1", parent=topic)
    alpha = MunicipalityFactory(
        name="Alphastadt",
        slug="alphastadt",
        district="Landkreis Alpha",
        kind=Municipality.Kind.TOWN,
        population=5000,
    )
    beta = MunicipalityFactory(
        name="Betadorf",
        slug="betadorf",
        district="Landkreis Beta",
        kind=Municipality.Kind.MUNICIPALITY,
        population=900,
    )
    active = NetworkFactory(name="Aktives Testnetz", slug="aktiv", kind=Network.Kind.ALLIANCE)
    active.topics.set([sub])
    ended = NetworkFactory(
        name="Beendetes Testnetz",
        slug="beendet",
        founded=date(2009, 1, 1),
        ended=date(2011, 12, 31),
        kind=Network.Kind.CITY_NETWORK,
    )
    MembershipFactory(network=active, municipality=alpha, role=Membership.Role.CHAIR)
    MembershipFactory(network=ended, municipality=beta)
    big = InitiativeFactory(
        title="Großes Testvorhaben",
        network=active,
        round="Testrunde 1",
        funding_amount=Decimal("2600000"),
        status=Initiative.Status.RUNNING,
    )
    big.municipalities.set([alpha])
    big.topics.set([sub])
    small = InitiativeFactory(
        title="Kleines Testvorhaben",
        network=ended,
        round="Testrunde 2",
        funding_amount=Decimal("12000"),
        kind=Initiative.Kind.COMPETITION_ENTRY,
    )
    small.municipalities.set([beta])
    office = OrganisationFactory(slug="test-geschaeftsstelle")
    anna = ContactFactory(name="Anna Test", organisation=office)
    anna.networks.set([active])
    bert = ContactFactory(name="Bert Test")
    bert.municipalities.set([beta])
    ContactFactory(name="Carla Nichtöffentlich", is_public=False).networks.set([active])


CASES = [
    ("/netzwerke/", {"kind": "buendnis", "municipality": "alphastadt"}, {"Aktives Testnetz"}),
    ("/netzwerke/", {"topic": "thema-a"}, {"Aktives Testnetz"}),
    ("/netzwerke/", {"state": "ended", "kind": "staedtenetzwerk"}, {"Beendetes Testnetz"}),
    ("/netzwerke/", {"municipality": "betadorf"}, {"Beendetes Testnetz"}),
    ("/staedte/", {"district": "Landkreis Alpha"}, {"Alphastadt"}),
    ("/staedte/", {"network": "beendet"}, {"Betadorf"}),
    ("/staedte/", {"network": "aktiv", "role": "chair"}, {"Alphastadt"}),
    ("/staedte/", {"kind": "gemeinde", "network": "beendet"}, {"Betadorf"}),
    ("/initiativen/", {"network": "aktiv"}, {"Großes Testvorhaben"}),
    ("/initiativen/", {"municipality": "betadorf"}, {"Kleines Testvorhaben"}),
    ("/initiativen/", {"topic": "thema-a"}, {"Großes Testvorhaben"}),
    ("/initiativen/", {"status": "running", "round": "Testrunde 1"}, {"Großes Testvorhaben"}),
    ("/initiativen/", {"round": "Testrunde 2"}, {"Kleines Testvorhaben"}),
    ("/initiativen/", {"funding_min": "1000000", "network": "aktiv"}, {"Großes Testvorhaben"}),
    (
        "/initiativen/",
        {"funding_max": "20000", "municipality": "betadorf"},
        {"Kleines Testvorhaben"},
    ),
    (
        "/initiativen/",
        {"kind": "wettbewerbsbeitrag", "network": "beendet"},
        {"Kleines Testvorhaben"},
    ),
    ("/kontakte/", {"network": "aktiv"}, {"Anna Test"}),
    ("/kontakte/", {"organisation": "test-geschaeftsstelle"}, {"Anna Test"}),
    ("/kontakte/", {"municipality": "betadorf"}, {"Bert Test"}),
]


@pytest.mark.parametrize(("url", "params", "expected"), CASES)
def test_filters_narrow_the_list(client, world, url, params, expected):
    response = client.get(url, params)
    assert response.status_code == 200
    assert names(response) == expected


def test_hidden_contacts_never_listed(client, world):
    response = client.get("/kontakte/", {"network": "aktiv"})
    assert "Carla" not in response.content.decode()


def test_sorting_by_population(client, world):
    response = client.get("/staedte/", {"order": "-population"})
    populations = [m.population or 0 for m in response.context["object_list"]]
    assert populations == sorted(populations, reverse=True)


INVALID = [
    ("/netzwerke/", {"kind": "verein"}),
    ("/netzwerke/", {"state": "bald"}),
    ("/staedte/", {"district": "Atlantis"}),
    ("/staedte/", {"network": "unbekannt"}),
    ("/initiativen/", {"funding_min": "zehn"}),
    ("/initiativen/", {"funding_max": "-5"}),
    ("/initiativen/", {"round": "Runde 99"}),
    ("/kontakte/", {"organisation": "unbekannt"}),
]


@pytest.mark.parametrize(("url", "params"), INVALID)
def test_invalid_filter_values_answer_200_with_a_form_error(client, world, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert names(response) == set()


@pytest.mark.parametrize(
    "url",
    [
        "/netzwerke/gibt-es-nicht/",
        "/staedte/atlantis/",
        "/initiativen/nix/",
        "/veranstaltungen/nix/",
        "/kontakte/niemand/",
        "/kontakte/organisationen/nix/",
    ],
)
def test_unknown_slug_is_a_404_in_the_portal_design(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_hidden_contact_detail_is_a_404(client, world):
    assert client.get("/kontakte/testperson-carla/").status_code == 404
    hidden = ContactFactory(is_public=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404


def test_map_is_empty_when_the_filter_is_invalid(client, world):
    response = client.get("/staedte/", {"kind": "xx"})
    assert response.context["map"]["points"] == []
    assert "<circle" not in response.content.decode()
