"""The datasets as a DCAT-AP.de catalogue, for open-data portals such as GovData to harvest: one
RDF graph, written as RDF/XML, Turtle or JSON-LD.

Every resource a property points to carries its class (licence, format, media type, theme,
language, place, page): a harvester or validator without the controlled vocabularies can then
still check the ranges that DCAT-AP sets."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from opendata.datasets import DATASETS, LICENCE_URI
from opendata.formats import FORMATS, attribution

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
CONTRIBUTORS = "http://dcat-ap.de/def/contributors/"
EU = "http://publications.europa.eu/resource/authority"
IANA = "https://www.iana.org/assignments/media-types/"
BRANDENBURG = URIRef("http://dcat-ap.de/def/politicalGeocoding/stateKey/12")
STATE_LEVEL = URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/state")
GERMAN = URIRef(f"{EU}/language/DEU")
# The German labels of the EU data themes the datasets use, as the vocabulary has them.
THEMES = {"GOVE": "Regierung und öffentlicher Sektor", "REGI": "Regionen und Städte"}

# syntax name: (rdflib's serializer, media type)
SYNTAXES = {
    "rdfxml": ("pretty-xml", "application/rdf+xml"),
    "turtle": ("turtle", "text/turtle"),
    "jsonld": ("json-ld", "application/ld+json"),
}
PREFIXES = {
    "dcat": DCAT,
    "dct": DCTERMS,
    "dcatde": DCATDE,
    "foaf": FOAF,
    "skos": SKOS,
    "vcard": VCARD,
}


def contributor_id():
    """The portal's contributor ID in DCAT-AP.de's list (GovData assigns it), as an IRI; a bare
    ID such as "landBrandenburg" is taken as one of that list. None when none is configured."""
    value = settings.OPEN_DATA_CONTRIBUTOR_ID
    if not value:
        return None
    return URIRef(value if "://" in value else CONTRIBUTORS + value)


def catalogue(request, syntax="rdfxml"):
    """The catalogue as bytes in one of SYNTAXES; every address on the host of `request`. Its
    texts are German, as their language tags say, whatever the language of the request."""
    serializer, _ = SYNTAXES[syntax]
    with translation.override("de"):
        graph = catalogue_graph(request)
    options = {"auto_compact": True} if serializer == "json-ld" else {}
    return graph.serialize(format=serializer, encoding="utf-8", **options)


def _typed(graph, iri, rdf_class):
    iri = URIRef(iri)
    graph.add((iri, RDF.type, rdf_class))
    return iri


def _times(graph, node, times):
    for prop, key in ((DCTERMS.issued, "issued"), (DCTERMS.modified, "modified")):
        if times[key] is not None:
            graph.add((node, prop, Literal(times[key].replace(microsecond=0))))


def _span(spans):
    """The earliest issue and the latest change of several datasets."""
    issued = [times["issued"] for times in spans if times["issued"] is not None]
    modified = [times["modified"] for times in spans if times["modified"] is not None]
    return {
        "issued": min(issued) if issued else None,
        "modified": max(modified) if modified else None,
    }


def catalogue_graph(request):
    home = request.build_absolute_uri(reverse("opendata:index"))
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)

    catalog = _typed(graph, request.build_absolute_uri(reverse("opendata:catalog")), DCAT.Catalog)
    graph.add(
        (
            catalog,
            DCTERMS.title,
            Literal("Offene Daten der Städte- und Gemeindenetzwerke in Brandenburg", lang="de"),
        )
    )
    graph.add(
        (
            catalog,
            DCTERMS.description,
            Literal(
                "Kommunen, ihre Mitgliedschaften in Netzwerken, Initiativen und Veranstaltungen "
                "aus dem Portal der Städte- und Gemeindenetzwerke in Brandenburg.",
                lang="de",
            ),
        )
    )
    publisher = _typed(graph, f"{home}#herausgeber", FOAF.Agent)
    graph.add((publisher, FOAF.name, Literal(attribution())))
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, FOAF.homepage, _typed(graph, home, FOAF.Document)))
    graph.add((catalog, DCTERMS.language, _typed(graph, GERMAN, DCTERMS.LinguisticSystem)))
    graph.add((catalog, DCTERMS.spatial, _typed(graph, BRANDENBURG, DCTERMS.Location)))
    themes = _typed(graph, f"{EU}/data-theme", SKOS.ConceptScheme)
    graph.add((themes, DCTERMS.title, Literal("Data theme", lang="en")))
    graph.add((catalog, DCAT.themeTaxonomy, themes))
    licence = _typed(graph, LICENCE_URI, DCTERMS.LicenseDocument)
    contact = _contact_point(graph, home)
    contributor = contributor_id()

    spans = []
    for dataset in DATASETS.values():
        node = _typed(graph, f"{home}#{dataset.name}", DCAT.Dataset)
        graph.add((catalog, DCAT.dataset, node))
        graph.add((node, DCTERMS.identifier, Literal(str(node))))
        graph.add((node, DCTERMS.title, Literal(str(dataset.title), lang="de")))
        graph.add((node, DCTERMS.description, Literal(_column_description(dataset), lang="de")))
        for keyword in dataset.keywords:
            graph.add((node, DCAT.keyword, Literal(keyword, lang="de")))
        theme = _typed(graph, f"{EU}/data-theme/{dataset.theme}", SKOS.Concept)
        graph.add((theme, SKOS.prefLabel, Literal(THEMES[dataset.theme], lang="de")))
        graph.add((theme, SKOS.inScheme, themes))
        graph.add((node, DCAT.theme, theme))
        graph.add((node, DCTERMS.publisher, publisher))
        if contact is not None:
            graph.add((node, DCAT.contactPoint, contact))
        if contributor is not None:
            graph.add((node, DCATDE.contributorID, contributor))
        graph.add((node, DCAT.landingPage, _typed(graph, node, FOAF.Document)))
        graph.add((node, DCTERMS.language, GERMAN))
        graph.add((node, DCTERMS.spatial, BRANDENBURG))
        graph.add((node, DCATDE.politicalGeocodingLevelURI, STATE_LEVEL))
        graph.add((node, DCATDE.politicalGeocodingURI, BRANDENBURG))
        times = dataset.times()
        spans.append(times)
        _times(graph, node, times)
        for data_format in FORMATS.values():
            path = reverse(
                "opendata:download", kwargs={"dataset": dataset.name, "fmt": data_format.name}
            )
            url = _typed(graph, request.build_absolute_uri(path), RDFS.Resource)
            distribution = _typed(
                graph, f"{home}#{dataset.name}-{data_format.name}", DCAT.Distribution
            )
            graph.add((node, DCAT.distribution, distribution))
            title = f"{dataset.title} ({data_format.label})"
            graph.add((distribution, DCTERMS.title, Literal(title, lang="de")))
            graph.add((distribution, DCAT.accessURL, url))
            graph.add((distribution, DCAT.downloadURL, url))
            file_type = _typed(
                graph, f"{EU}/file-type/{data_format.file_type}", DCTERMS.MediaTypeOrExtent
            )
            graph.add((distribution, DCTERMS["format"], file_type))
            media_type = _typed(graph, IANA + data_format.media_type, DCTERMS.MediaType)
            graph.add((distribution, DCAT.mediaType, media_type))
            graph.add((distribution, DCTERMS.license, licence))
            graph.add(
                (distribution, DCATDE.licenseAttributionByText, Literal(attribution(), lang="de"))
            )
            graph.add((distribution, FOAF.page, node))
            _times(graph, distribution, times)
    _times(graph, catalog, _span(spans))
    return graph


def _contact_point(graph, home):
    """The office that answers questions about the data, when its address is configured: DCAT-AP.de
    asks for an e-mail address or a contact form, and the portal invents neither."""
    email = settings.OPEN_DATA_CONTACT_EMAIL
    if not email:
        return None
    contact = URIRef(f"{home}#kontakt")
    # vcard:Kind is the class DCAT-AP names; vcard:Organization says which kind it is.
    graph.add((contact, RDF.type, VCARD.Kind))
    graph.add((contact, RDF.type, VCARD.Organization))
    graph.add((contact, VCARD.fn, Literal(attribution())))
    graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{email}")))
    return contact


def _column_description(dataset):
    columns = "".join(f"\n- {column.name}: {column.description}" for column in dataset.columns)
    return f"{dataset.description}\n\nSpalten:{columns}"
