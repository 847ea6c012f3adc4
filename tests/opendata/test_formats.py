"""The download formats: CSV, JSON and GeoJSON."""

import csv
import inspect
import io
import json
import re

import pytest

from networks.models import Municipality
from opendata.datasets import DATASETS, LICENCE_URL, Dataset
from opendata.formats import FORMATS
from tests.helpers import csv_rows, download, json_data
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pytest.mark.parametrize("name", DATASETS)
def test_every_cell_holds_one_value_of_its_column_type(client, name):
    dataset = DATASETS[name]
    keys = {*dataset.primary_key, *(c for key in dataset.foreign_keys for c in key.columns)}
    kinds = {"integer": int, "number": float, "boolean": bool, "year": int, "string": str}
    data = json_data(client, f"/offene-daten/{name}.json")
    for column in dataset.columns:
        values = [row[column.name] for row in data["daten"] if row[column.name] not in (None, "")]
        assert all(isinstance(value, kinds.get(column.type, str)) for value in values), column
        if column.pattern:
            assert all(re.fullmatch(column.pattern, value) for value in values), column
        if column.name in keys:
            assert not any(";" in value for value in values), column


@pytest.mark.parametrize("name", DATASETS)
def test_csv_has_the_documented_header_and_round_trips_with_json(client, name):
    header, *rows = csv_rows(client, f"/offene-daten/{name}.csv")
    assert header == [column.name for column in DATASETS[name].columns]
    data = json_data(client, f"/offene-daten/{name}.json")
    assert [column["name"] for column in data["spalten"]] == header
    assert len(rows) == len(data["daten"]) > 0
    for row, record in zip(rows, data["daten"], strict=True):
        assert row == [csv_cell(record[column]) for column in header]


def test_downloads_are_streamed(client):
    # The writers are generators over Dataset.each, which reads a server-side cursor.
    assert inspect.isgeneratorfunction(Dataset.each)
    for name in ("kommunen", "initiativen_kommunen"):
        for fmt in FORMATS:
            assert download(client, f"/offene-daten/{name}.{fmt}").streaming


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
    response = download(client, f"/offene-daten/{name}.geojson")
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    data = json.loads(response.getvalue())
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
    data = json.loads(download(client, "/offene-daten/kommunen.geojson").getvalue())
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
    data = json.loads(download(client, "/offene-daten/initiativen.geojson").getvalue())
    feature = next(f for f in data["features"] if f["properties"]["titel"] == "Vielorte")
    assert feature["geometry"]["type"] == "MultiPoint"
    assert sorted(feature["geometry"]["coordinates"]) == [[13.1, 52.1], [13.2, 52.2]]


def test_csv_cells_that_spreadsheets_would_run_as_formulas_are_defused(client):
    initiative = InitiativeFactory(title='=HYPERLINK("https://example.org","klick")')
    response = client.get("/offene-daten/initiativen.csv", {"network": initiative.network.slug})
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))
    titles = [row[rows[0].index("titel")] for row in rows[1:]]
    assert titles == ['\'=HYPERLINK("https://example.org","klick")']
