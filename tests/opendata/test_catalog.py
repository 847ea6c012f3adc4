"""The DCAT-AP.de catalogue of the open datasets, in RDF/XML, Turtle and JSON-LD."""

from datetime import UTC, datetime

import pytest
from django.core.checks import run_checks
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from initiatives.models import Initiative
from opendata.catalog import DCATDE, VCARD
from opendata.datasets import DATASETS, LICENCE_URI
from tests.opendata.shacl import violations

pytestmark = [
    pytest.mark.django_db,
    # rdflib's own JSON-LD parser, in the version that reads the shapes
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]
# Plain namespaces: pytest's look at a test module's names would touch rdflib's closed ones.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")

HOME = "http://testserver/offene-daten/"
SYNTAXES = {
    "katalog.rdf": ("application/rdf+xml", "xml"),
    "katalog.ttl": ("text/turtle", "turtle"),
    "katalog.jsonld": ("application/ld+json", "json-ld"),
}
OPERATOR = {
    "OPEN_DATA_CONTACT_EMAIL": "offene-daten@netzwerke.example.org",
    "OPEN_DATA_CONTRIBUTOR_ID": "http://dcat-ap.de/def/contributors/landBrandenburg",
}


def catalogue(client, name="katalog.rdf"):
    response = client.get(f"/offene-daten/{name}")
    assert response.status_code == 200
    media_type, syntax = SYNTAXES[name]
    assert response["Content-Type"] == f"{media_type}; charset=utf-8"
    return Graph().parse(data=response.content, format=syntax)


@pytest.fixture
def operator(settings):
    for name, value in OPERATOR.items():
        setattr(settings, name, value)


def test_three_syntaxes_carry_the_same_graph(client):
    graphs = [catalogue(client, name) for name in SYNTAXES]
    assert len(graphs[0]) > 100
    assert all(isomorphic(graphs[0], graph) for graph in graphs[1:])


def test_catalogue_describes_every_dataset_and_distribution(client):
    graph = catalogue(client)
    catalog = URIRef(f"{HOME}katalog.rdf")
    assert (catalog, RDF.type, DCAT.Catalog) in graph
    assert graph.value(catalog, DCTERMS.title)
    datasets = set(graph.objects(catalog, DCAT.dataset))
    assert datasets == {URIRef(f"{HOME}#{name}") for name in DATASETS}
    for dataset in datasets:
        name = dataset.rsplit("#", 1)[1]
        assert graph.value(dataset, DCTERMS.title) == Literal(str(DATASETS[name].title), lang="de")
        description = str(graph.value(dataset, DCTERMS.description))
        assert all(column.name in description for column in DATASETS[name].columns)
        assert graph.value(dataset, DCTERMS.spatial) == URIRef(
            "http://dcat-ap.de/def/politicalGeocoding/stateKey/12"
        )
        distributions = list(graph.objects(dataset, DCAT.distribution))
        assert len(distributions) == 3
        for distribution in distributions:
            url = graph.value(distribution, DCAT.downloadURL)
            assert graph.value(distribution, DCAT.accessURL) == url
            assert graph.value(distribution, DCTERMS.license) == URIRef(LICENCE_URI)
            assert str(graph.value(distribution, DCTERMS["format"])).startswith(
                "http://publications.europa.eu/resource/authority/file-type/"
            )
            assert client.get(url.removeprefix("http://testserver")).status_code == 200
    assert (URIRef(LICENCE_URI), RDF.type, DCTERMS.LicenseDocument) in graph
    publisher = graph.value(catalog, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert graph.value(publisher, FOAF.name)


def test_catalogue_passes_the_dcat_ap_3_shapes(client, operator):
    for name in SYNTAXES:
        assert violations(catalogue(client, name)) == []


def test_contact_point_and_contributor_id_come_from_the_settings(client, operator):
    graph = catalogue(client)
    contributor = URIRef(OPERATOR["OPEN_DATA_CONTRIBUTOR_ID"])
    contact = URIRef(f"{HOME}#kontakt")
    assert (contact, RDF.type, VCARD.Kind) in graph
    assert graph.value(contact, VCARD.hasEmail) == URIRef(
        "mailto:offene-daten@netzwerke.example.org"
    )
    assert graph.value(contact, VCARD.fn)
    for name in DATASETS:
        dataset = URIRef(f"{HOME}#{name}")
        assert list(graph.objects(dataset, DCATDE.contributorID)) == [contributor]
        assert list(graph.objects(dataset, DCAT.contactPoint)) == [contact]


def test_a_bare_contributor_id_is_one_of_the_dcat_ap_de_list(client, settings):
    settings.OPEN_DATA_CONTRIBUTOR_ID = "landBrandenburg"
    graph = catalogue(client, "katalog.ttl")
    assert set(graph.objects(None, DCATDE.contributorID)) == {
        URIRef("http://dcat-ap.de/def/contributors/landBrandenburg")
    }


def test_without_the_settings_nothing_is_invented_and_deploy_checks_warn(client, settings):
    settings.OPEN_DATA_CONTACT_EMAIL = ""
    settings.OPEN_DATA_CONTRIBUTOR_ID = ""
    graph = catalogue(client)
    assert not list(graph.objects(None, DCAT.contactPoint))
    assert not list(graph.objects(None, DCATDE.contributorID))
    warnings = {message.id for message in run_checks(include_deployment_checks=True)}
    assert {"opendata.W001", "opendata.W002"} <= warnings


def test_issued_and_modified_come_from_the_records(client):
    first = datetime(2001, 2, 3, 4, 5, 6, tzinfo=UTC)
    latest = datetime(2040, 5, 6, 7, 8, 9, tzinfo=UTC)
    Initiative.objects.filter(pk=Initiative.objects.public().first().pk).update(
        created=first, modified=latest
    )
    graph = catalogue(client)
    initiatives = URIRef(f"{HOME}#initiativen")
    assert graph.value(initiatives, DCTERMS.issued).toPython() == first
    assert graph.value(initiatives, DCTERMS.modified).toPython() == latest
    catalog = URIRef(f"{HOME}katalog.rdf")
    assert graph.value(catalog, DCTERMS.issued).toPython() <= first
    assert graph.value(catalog, DCTERMS.modified).toPython() == latest
    for distribution in graph.objects(initiatives, DCAT.distribution):
        assert graph.value(distribution, DCTERMS.modified).toPython() == latest


def test_catalogue_stays_german_on_the_english_site(client):
    response = client.get("/en/offene-daten/katalog.rdf")
    graph = Graph().parse(data=response.content, format="xml")
    assert Literal("Städte und Gemeinden", lang="de") in set(graph.objects(None, DCTERMS.title))
