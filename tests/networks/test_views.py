"""The network and municipality pages: their filtered lists, a network's page."""

import pytest
from cms.api import add_plugin

from networks.models import Network
from tests.helpers import names

pytestmark = pytest.mark.django_db


CASES = [
    ("/netzwerke/", {"kind": "buendnis", "municipality": "alphastadt"}, {"Aktives Testnetz"}),
    ("/netzwerke/", {"topic": "thema-a"}, {"Aktives Testnetz"}),
    ("/netzwerke/", {"state": "ended", "kind": "staedtenetzwerk"}, {"Beendetes Testnetz"}),
    ("/netzwerke/", {"municipality": "betadorf"}, {"Beendetes Testnetz"}),
    ("/staedte/", {"district": "Landkreis Alpha"}, {"Alphastadt"}),
    ("/staedte/", {"network": "beendet"}, {"Betadorf"}),
    ("/staedte/", {"network": "aktiv", "role": "chair"}, {"Alphastadt"}),
    ("/staedte/", {"kind": "gemeinde", "network": "beendet"}, {"Betadorf"}),
]


@pytest.mark.parametrize(("url", "params", "expected"), CASES)
def test_filters_narrow_the_list(client, list_world, url, params, expected):
    response = client.get(url, params)
    assert response.status_code == 200
    assert names(response) == expected


def test_sorting_by_population(client, list_world):
    response = client.get("/staedte/", {"order": "-population"})
    populations = [m.population or 0 for m in response.context["object_list"]]
    assert populations == sorted(populations, reverse=True)


INVALID = [
    ("/netzwerke/", {"kind": "verein"}),
    ("/netzwerke/", {"state": "bald"}),
    ("/staedte/", {"district": "Atlantis"}),
    ("/staedte/", {"network": "unbekannt"}),
]


@pytest.mark.parametrize(("url", "params"), INVALID)
def test_invalid_filter_values_answer_200_with_a_form_error(client, list_world, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert names(response) == set()


def test_map_is_empty_when_the_filter_is_invalid(client, list_world):
    response = client.get("/staedte/", {"kind": "xx"})
    assert response.context["map"]["points"] == []
    assert "<circle" not in response.content.decode()


def test_editor_content_in_a_detail_placeholder_is_shown(client):
    network = Network.objects.get(short_name="BraNEK")
    add_plugin(
        network.content_placeholder, "TextPlugin", "de", body="<p>Ergänzung der Redaktion</p>"
    )
    assert "Ergänzung der Redaktion" in client.get(network.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        (
            "/netzwerke/feednetz/",
            [
                "/netzwerke/feednetz/veranstaltungen.rss",
                "/netzwerke/feednetz/veranstaltungen.atom",
                "/netzwerke/feednetz/initiativen.rss",
                "/netzwerke/feednetz/initiativen.atom",
            ],
        ),
    ],
)
def test_pages_announce_their_feeds_in_the_head(client, feed_network, page, feeds):
    html = client.get(page).content.decode()
    head = html[: html.index("</head>")]
    for feed in feeds:
        kind = "atom" if feed.endswith(".atom") else "rss"
        assert f'<link rel="alternate" type="application/{kind}+xml"' in head
        assert f'href="{feed}"' in head
        assert client.get(feed).status_code == 200
