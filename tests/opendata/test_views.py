"""Open data: CSV, JSON and GeoJSON downloads, their documentation and the DCAT catalogue."""

import csv
import io
import json
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from events.models import Event
from networks.models import Membership, Municipality
from opendata.datasets import DATASETS, LICENCE_URI, LICENCE_URL
from tests.events.factories import EventFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import MembershipFactory, MunicipalityFactory, NetworkFactory

pytestmark = pytest.mark.django_db

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DCAT = "{http://www.w3.org/ns/dcat#}"
DCT = "{http://purl.org/dc/terms/}"


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    return response


def csv_rows(client, url):
    response = download(client, url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def json_data(client, url):
    return json.loads(download(client, url).content)


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pytest.mark.parametrize("name", DATASETS)
def test_csv_has_the_documented_header_and_round_trips_with_json(client, name):
    query = f"?{DATASETS[name].full_query}"
    header, *rows = csv_rows(client, f"/offene-daten/{name}.csv{query}")
    assert header == [column.name for column in DATASETS[name].columns]
    data = json_data(client, f"/offene-daten/{name}.json{query}")
    assert [column["name"] for column in data["spalten"]] == header
    assert len(rows) == len(data["daten"]) > 0
    for row, record in zip(rows, data["daten"], strict=True):
        assert row == [csv_cell(record[column]) for column in header]


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


def test_footer_links_to_the_open_data_page(client):
    html = client.get("/netzwerke/").content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/offene-daten/">Offene Daten</a>' in footer


def test_municipality_download_follows_the_list_filters(client):
    network = NetworkFactory(slug="datennetz")
    member = MunicipalityFactory(name="Datenstadt", district="Landkreis Daten")
    MunicipalityFactory(name="Andere Datenstadt", district="Landkreis Daten")
    MembershipFactory(network=network, municipality=member)
    query = "?network=datennetz&district=Landkreis+Daten"
    listed = [m.ags for m in client.get(f"/staedte/{query}").context["paginator"].object_list]
    header, *rows = csv_rows(client, f"/offene-daten/kommunen.csv{query}")
    assert [row[header.index("ags")] for row in rows] == listed == [member.ags]
    html = client.get(f"/staedte/{query}").content.decode()
    assert (
        'href="/offene-daten/kommunen.csv?network=datennetz&amp;district=Landkreis+Daten"' in html
    )
    assert 'href="/offene-daten/kommunen.geojson?network=datennetz&amp;district=' in html


def test_all_municipalities_without_filters(client):
    header, *rows = csv_rows(client, "/offene-daten/kommunen.csv")
    assert len(rows) == Municipality.objects.count()


def test_memberships_filter_by_network_municipality_and_role(client):
    network = NetworkFactory(slug="rollennetz", name="Rollennetz")
    chair = MembershipFactory(network=network, role=Membership.Role.CHAIR)
    MembershipFactory(network=network, role=Membership.Role.MEMBER)
    MembershipFactory(municipality=chair.municipality)
    data = json_data(client, "/offene-daten/mitgliedschaften.json?network=rollennetz")
    assert len(data["daten"]) == 2
    data = json_data(client, "/offene-daten/mitgliedschaften.json?network=rollennetz&role=chair")
    assert [(r["netzwerk"], r["kommune"], r["rolle"]) for r in data["daten"]] == [
        ("rollennetz", chair.municipality.name, "Vorsitz/Sprecherstadt")
    ]
    data = json_data(
        client, f"/offene-daten/mitgliedschaften.json?municipality={chair.municipality.slug}"
    )
    assert len(data["daten"]) == 2
    html = client.get("/netzwerke/rollennetz/").content.decode()
    assert 'href="/offene-daten/mitgliedschaften.csv?network=rollennetz"' in html


def test_event_download_follows_the_event_list(client):
    network = NetworkFactory(slug="terminnetz")
    soon = timezone.now() + timedelta(days=2)
    for number in range(25):
        EventFactory(title=f"Termin {number}", start=soon).networks.set([network])
    EventFactory(title="Alter Termin", start=timezone.now() - timedelta(days=2)).networks.set(
        [network]
    )
    EventFactory(title="Entwurf", status=Event.Status.DRAFT, start=soon).networks.set([network])
    for query in ("network=terminnetz", "network=terminnetz&when=all", "when=past"):
        listed = client.get(f"/veranstaltungen/?{query}").context["paginator"].object_list
        data = json_data(client, f"/offene-daten/veranstaltungen.json?{query}")
        assert [row["kennung"] for row in data["daten"]] == [event.slug for event in listed]
    html = client.get("/veranstaltungen/?network=terminnetz").content.decode()
    assert 'href="/offene-daten/veranstaltungen.csv?network=terminnetz"' in html


def test_json_states_the_licence_and_uses_native_types(client):
    data = json_data(client, "/offene-daten/kommunen.json")
    assert data["lizenz"]["url"] == LICENCE_URL
    assert data["quelle"] == "http://testserver/offene-daten/kommunen.json"
    cottbus = next(row for row in data["daten"] if row["kennung"] == "cottbus")
    assert isinstance(cottbus["einwohner"], int)
    assert isinstance(cottbus["breitengrad"], float)
    assert cottbus["portal_url"] == "http://testserver/staedte/cottbus/"


@pytest.mark.parametrize("name", DATASETS)
def test_geojson_is_a_feature_collection_with_longitude_first(client, name):
    response = download(client, f"/offene-daten/{name}.geojson?{DATASETS[name].full_query}")
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert data["lizenz"]["url"] == LICENCE_URL
    assert data["features"]
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == {c.name for c in DATASETS[name].columns}
        geometry = feature["geometry"]
        if geometry is None:
            continue
        points = [geometry["coordinates"]] if geometry["type"] == "Point" else None
        if geometry["type"] == "MultiPoint":
            points = geometry["coordinates"]
        assert points, geometry
        for longitude, latitude in points:
            # Brandenburg and Berlin lie between 11° and 15° east, 51° and 54° north.
            assert 11 < longitude < 15 and 51 < latitude < 54


def test_geojson_point_of_a_municipality(client):
    data = json.loads(download(client, "/offene-daten/kommunen.geojson").content)
    cottbus = next(f for f in data["features"] if f["properties"]["kennung"] == "cottbus")
    municipality = Municipality.objects.get(slug="cottbus")
    assert cottbus["geometry"] == {
        "type": "Point",
        "coordinates": [float(municipality.longitude), float(municipality.latitude)],
    }


def test_initiative_with_several_municipalities_is_a_multipoint(client):
    towns = [
        MunicipalityFactory(latitude=52.1, longitude=13.1),
        MunicipalityFactory(latitude=52.2, longitude=13.2),
    ]
    initiative = InitiativeFactory(title="Vielorte")
    initiative.municipalities.set(towns)
    data = json.loads(download(client, "/offene-daten/initiativen.geojson").content)
    feature = next(f for f in data["features"] if f["properties"]["titel"] == "Vielorte")
    assert feature["geometry"]["type"] == "MultiPoint"
    assert sorted(feature["geometry"]["coordinates"]) == [[13.1, 52.1], [13.2, 52.2]]


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


def test_dcat_catalogue_describes_every_dataset_and_distribution(client):
    response = client.get("/offene-daten/katalog.rdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rdf+xml; charset=utf-8"
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{RDF}RDF"
    catalog = root.find(f"{DCAT}Catalog")
    assert catalog.findtext(f"{DCT}title")
    datasets = catalog.findall(f"{DCAT}dataset/{DCAT}Dataset")
    assert {d.get(f"{RDF}about") for d in datasets} == {
        f"http://testserver/offene-daten/#{name}" for name in DATASETS
    }
    for dataset in datasets:
        name = dataset.get(f"{RDF}about").rsplit("#", 1)[1]
        assert dataset.findtext(f"{DCT}title") == str(DATASETS[name].title)
        description = dataset.findtext(f"{DCT}description")
        assert all(column.name in description for column in DATASETS[name].columns)
        distributions = dataset.findall(f"{DCAT}distribution/{DCAT}Distribution")
        assert len(distributions) == 3
        for distribution in distributions:
            url = distribution.find(f"{DCAT}downloadURL").get(f"{RDF}resource")
            assert distribution.find(f"{DCAT}accessURL").get(f"{RDF}resource") == url
            assert distribution.find(f"{DCT}license").get(f"{RDF}resource") == LICENCE_URI
            assert (
                distribution.find(f"{DCT}format")
                .get(f"{RDF}resource")
                .startswith("http://publications.europa.eu/resource/authority/file-type/")
            )
            assert client.get(url.removeprefix("http://testserver")).status_code == 200


def test_catalogue_stays_german_on_the_english_site(client):
    response = client.get("/en/offene-daten/katalog.rdf")
    root = ElementTree.fromstring(response.content)
    titles = {d.findtext(f"{DCT}title") for d in root.iter(f"{DCAT}Dataset")}
    assert "Städte und Gemeinden" in titles


def test_csv_cells_that_spreadsheets_would_run_as_formulas_are_defused(client):
    initiative = InitiativeFactory(title='=HYPERLINK("https://example.org","klick")')
    response = client.get("/offene-daten/initiativen.csv", {"network": initiative.network.slug})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    titles = [row[rows[0].index("titel")] for row in rows[1:]]
    assert titles == ["'=HYPERLINK(\"https://example.org\",\"klick\")"]
