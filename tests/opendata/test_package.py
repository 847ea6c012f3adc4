"""The Frictionless data package: it describes every file, and the files pass its schemas."""

import json

import pytest
from frictionless import Package, validate

from opendata.datasets import DATASETS
from opendata.formats import FORMATS
from tests.helpers import download

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


def descriptor(client):
    response = client.get("/offene-daten/datapackage.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_data_package_describes_every_file(client):
    package = descriptor(client)
    assert package["licenses"][0]["path"] == "https://www.govdata.de/dl-de/by-2-0"
    assert package["sources"]
    resources = {resource["path"]: resource for resource in package["resources"]}
    assert set(resources) == {
        f"{HOST}/offene-daten/{name}.{fmt}" for name in DATASETS for fmt in FORMATS
    }
    for path, resource in resources.items():
        data_format = FORMATS[resource["format"]]
        assert resource["mediatype"] == data_format.media_type
        assert resource["encoding"] == "utf-8"
        assert download(client, path.removeprefix(HOST)).status_code == 200
    municipalities = next(r for r in package["resources"] if r["name"] == "kommunen")
    assert municipalities["schema"]["primaryKey"] == ["ags"]
    links = next(r for r in package["resources"] if r["name"] == "initiativen_kommunen")
    assert {
        "fields": ["kommune_ags"],
        "reference": {"resource": "kommunen", "fields": ["ags"]},
    } in (links["schema"]["foreignKeys"])


def test_the_served_files_pass_frictionless_validation(client, tmp_path):
    package = descriptor(client)
    for resource in package["resources"]:
        name = resource["path"].rsplit("/", 1)[1]
        (tmp_path / name).write_bytes(download(client, resource["path"]).getvalue())
        resource["path"] = name
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    errors = [
        (task.name, error.type, error.message) for task in report.tasks for error in task.errors
    ]
    assert errors == [] and report.valid
    # Every table has rows, so the types and keys were checked on real data.
    tables = Package(str(tmp_path / "datapackage.json"))
    checked = [resource for resource in tables.resources if resource.format != "geojson"]
    assert len(checked) == 2 * len(DATASETS)
    for resource in checked:
        assert resource.read_rows(size=1), resource.name
