"""The open-data page and the answers of the download addresses to what they do not know."""

import pytest

from opendata.datasets import DATASETS, LICENCE_URL
from tests.helpers import count_queries, grow
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_documentation_page_lists_every_column_and_the_licence(client):
    response = client.get("/offene-daten/")
    assert response.status_code == 200
    html = response.content.decode()
    assert LICENCE_URL in html
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in html
    for name, dataset in DATASETS.items():
        assert f'id="{name}"' in html
        assert f'href="/offene-daten/{name}.csv' in html
        for column in dataset.columns:
            assert f"<code>{column.name}</code></th><td>{column.description}</td>" in html
    assert 'href="/offene-daten/katalog.rdf"' in html
    assert 'href="/offene-daten/katalog.ttl"' in html
    assert 'href="/offene-daten/datapackage.json"' in html


def test_footer_links_to_the_open_data_page(client):
    html = client.get("/netzwerke/").content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/offene-daten/">Offene Daten</a>' in footer


@pytest.mark.parametrize(
    "url",
    [
        "/offene-daten/kommunen.csv?network=gibt-es-nicht",
        "/offene-daten/kommunen.json?kind=<script>",
        "/offene-daten/mitgliedschaften.csv?role=chef",
        "/offene-daten/initiativen.geojson?funding_min=viel",
        "/offene-daten/veranstaltungen.csv?when=morgen",
        "/offene-daten/veranstaltungen.csv?date_from=31.02.2031",
    ],
)
def test_invalid_filter_is_a_400_in_german(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Ungültige Filterangabe" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/offene-daten/gibtsnicht.csv", "/offene-daten/kommunen.xlsx", "/offene-daten/x/"]
)
def test_unknown_dataset_or_format_is_a_404(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/offene-daten/datapackage.json",
        "/offene-daten/katalog.rdf",
        "/offene-daten/katalog.ttl",
        "/offene-daten/katalog.jsonld",
        "/offene-daten/initiativen_kommunen.csv",
        "/offene-daten/mitgliedschaften_quellen.json",
        "/offene-daten/veranstaltungen_netzwerke.geojson",
        "/offene-daten/veranstaltungen.csv",
    ],
)
def test_query_count_does_not_grow_with_the_rows(client, url):
    network = NetworkFactory()
    grow(network, 5)
    with_5 = count_queries(client, url)
    grow(network, 40)
    assert count_queries(client, url) == with_5
