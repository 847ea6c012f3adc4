import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from events.models import Event
from initiatives.models import Initiative
from tests.events.factories import EventFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

URL = "/suche/"


def hits(response):
    return [hit.title for _label, group in response.context["results"] for hit in group]


def test_inflected_german_word_finds_the_base_form(client):
    NetworkFactory(name="Forum Quartiersarbeit", summary="Für lebendige Innenstadt und Handel.")
    response = client.get(URL, {"q": "Innenstädte"})
    assert response.status_code == 200
    assert "Forum Quartiersarbeit" in hits(response)


def test_title_match_ranks_above_body_match(client):
    network = NetworkFactory()
    InitiativeFactory(
        title="Allgemeines Vorhaben",
        description="Es geht auch um Zwiebelturmgärten.",
        network=network,
    )
    InitiativeFactory(
        title="Zwiebelturmgarten am Fluss", description="Ein Vorhaben.", network=network
    )
    response = client.get(URL, {"q": "Zwiebelturmgarten"})
    initiatives = dict(response.context["results"])["Initiativen"]
    titles = [hit.title for hit in initiatives]
    assert titles == ["Zwiebelturmgarten am Fluss", "Allgemeines Vorhaben"]


def test_matching_passage_is_shown_and_escaped(client):
    InitiativeFactory(
        title="Testprojekt",
        description="<b>fett</b> Vorweg. Die Mobilitätswende beginnt im Quartier. Danach mehr.",
    )
    page = client.get(URL, {"q": "Mobilitätswende"}).content.decode()
    assert "<mark>Mobilitätswende</mark>" in page
    assert "<b>fett</b>" not in page


def test_drafts_never_appear_in_search(client):
    EventFactory(title="Geheime Entwurfssitzung", status=Event.Status.DRAFT)
    EventFactory(title="Öffentliche Entwurfssitzung")
    found = hits(client.get(URL, {"q": "Entwurfssitzung"}))
    assert "Öffentliche Entwurfssitzung" in found
    assert "Geheime Entwurfssitzung" not in found


def test_demo_data_is_searchable(client):
    found = hits(client.get(URL, {"q": "Smart City"}))
    assert any("Smart" in title for title in found)


@pytest.mark.parametrize("query", ['"offen', "a | !b &", "::*", "x" * 201, "' OR 1=1 --"])
def test_odd_input_never_fails(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200


def test_too_long_query_explains_the_limit(client):
    page = client.get(URL, {"q": "x" * 201}).content.decode()
    assert "höchstens 200 Zeichen" in page


def test_search_uses_the_gin_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    query = SearchQuery("Quartier", config="german")
    assert "initiative_search" in Initiative.objects.filter(search_vector=query).explain()
