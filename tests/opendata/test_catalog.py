"""The DCAT catalogue of the open datasets."""

from xml.etree import ElementTree

import pytest

from opendata.datasets import DATASETS, LICENCE_URI

pytestmark = pytest.mark.django_db

RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
DCAT = "{http://www.w3.org/ns/dcat#}"
DCT = "{http://purl.org/dc/terms/}"


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
