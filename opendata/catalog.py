"""The datasets as a DCAT-AP.de catalogue in RDF/XML, for open-data portals to harvest."""

from xml.etree import ElementTree

from django.urls import reverse
from django.utils import translation

from opendata.datasets import DATASETS, LICENCE_URI
from opendata.formats import FORMATS, attribution

NAMESPACES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
}
for _prefix, _uri in NAMESPACES.items():
    ElementTree.register_namespace(_prefix, _uri)

EU = "http://publications.europa.eu/resource/authority"
BRANDENBURG = "http://dcat-ap.de/def/politicalGeocoding/stateKey/12"
STATE_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/state"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _name(qualified):
    prefix, local = qualified.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


def _element(parent, qualified, text=None, *, resource=None, about=None, lang=None):
    element = ElementTree.SubElement(parent, _name(qualified))
    if text is not None:
        element.text = str(text)
    if resource is not None:
        element.set(_name("rdf:resource"), resource)
    if about is not None:
        element.set(_name("rdf:about"), about)
    if lang is not None:
        element.set(XML_LANG, lang)
    return element


def _column_description(dataset):
    columns = "".join(f"\n- {column.name}: {column.description}" for column in dataset.columns)
    return f"{dataset.description}\n\nSpalten:{columns}"


def catalogue(request):
    """The catalogue as RDF/XML bytes; every address on the host of `request`. Its texts are
    German, as its language tags say, whatever the language of the request."""
    with translation.override("de"):
        return _catalogue(request)


def _catalogue(request):
    home = request.build_absolute_uri(reverse("opendata:index"))
    root = ElementTree.Element(_name("rdf:RDF"))
    catalog = _element(
        root, "dcat:Catalog", about=request.build_absolute_uri(reverse("opendata:catalog"))
    )
    _element(
        catalog,
        "dct:title",
        "Offene Daten der Städte- und Gemeindenetzwerke in Brandenburg",
        lang="de",
    )
    _element(
        catalog,
        "dct:description",
        "Kommunen, ihre Mitgliedschaften in Netzwerken, Initiativen und Veranstaltungen aus "
        "dem Portal der Städte- und Gemeindenetzwerke in Brandenburg.",
        lang="de",
    )
    publisher = _element(catalog, "dct:publisher")
    agent = _element(publisher, "foaf:Agent", about=f"{home}#herausgeber")
    _element(agent, "foaf:name", attribution())
    _element(catalog, "foaf:homepage", resource=home)
    _element(catalog, "dct:language", resource=f"{EU}/language/DEU")
    _element(catalog, "dcat:themeTaxonomy", resource=f"{EU}/data-theme")

    for dataset in DATASETS.values():
        landing_page = f"{home}#{dataset.name}"
        holder = _element(catalog, "dcat:dataset")
        node = _element(holder, "dcat:Dataset", about=landing_page)
        _element(node, "dct:identifier", landing_page)
        _element(node, "dct:title", dataset.title, lang="de")
        _element(node, "dct:description", _column_description(dataset), lang="de")
        for keyword in dataset.keywords:
            _element(node, "dcat:keyword", keyword, lang="de")
        _element(node, "dcat:theme", resource=f"{EU}/data-theme/{dataset.theme}")
        _element(node, "dct:publisher", resource=f"{home}#herausgeber")
        _element(node, "dcat:landingPage", resource=landing_page)
        _element(node, "dct:language", resource=f"{EU}/language/DEU")
        _element(node, "dct:spatial", resource=BRANDENBURG)
        _element(node, "dcatde:politicalGeocodingLevelURI", resource=STATE_LEVEL)
        _element(node, "dcatde:politicalGeocodingURI", resource=BRANDENBURG)
        for data_format in FORMATS.values():
            path = reverse(
                "opendata:download", kwargs={"dataset": dataset.name, "fmt": data_format.name}
            )
            url = request.build_absolute_uri(path)
            if dataset.full_query:
                url = f"{url}?{dataset.full_query}"
            distribution = _element(
                _element(node, "dcat:distribution"), "dcat:Distribution", about=url
            )
            _element(distribution, "dct:title", f"{dataset.title} ({data_format.label})", lang="de")
            _element(distribution, "dcat:accessURL", resource=url)
            _element(distribution, "dcat:downloadURL", resource=url)
            _element(distribution, "dct:format", resource=f"{EU}/file-type/{data_format.file_type}")
            _element(
                distribution,
                "dcat:mediaType",
                resource=f"https://www.iana.org/assignments/media-types/{data_format.media_type}",
            )
            _element(distribution, "dct:license", resource=LICENCE_URI)
            _element(distribution, "dcatde:licenseAttributionByText", attribution(), lang="de")
            _element(distribution, "foaf:page", resource=landing_page)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
