"""The datasets as a Frictionless data package (datapackage.json): every file with its format
and encoding, and for the tables (CSV, and JSON with its rows under "daten") a Table Schema with
the type of each column, the columns that identify a row and those that point to a row of
another table of the same format."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from opendata.datasets import DATASETS, LICENCE_NAME, LICENCE_URL
from opendata.formats import FORMATS, attribution

# The licence's identifier in the Open Definition's list, which the specification asks for.
LICENCE_ID = "dl-de-by-2.0"


def _field(column):
    field = {
        "name": column.name,
        "description": str(column.description),
        "type": column.type,
    }
    if column.link:
        field["format"] = "uri"
    elif column.format != "default":
        field["format"] = column.format
    if column.pattern:
        field["constraints"] = {"pattern": column.pattern}
    return field


def table_schema(dataset, data_format):
    schema = {"fields": [_field(column) for column in dataset.columns], "missingValues": [""]}
    if dataset.primary_key:
        schema["primaryKey"] = list(dataset.primary_key)
    if dataset.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(key.columns),
                "reference": {
                    "resource": resource_name(DATASETS[key.dataset], data_format),
                    "fields": list(key.key),
                },
            }
            for key in dataset.foreign_keys
        ]
    return schema


def resource_name(dataset, data_format):
    """The CSV file is the table that the keys refer to, and takes the dataset's own name."""
    return dataset.name if data_format.name == "csv" else f"{dataset.name}-{data_format.name}"


def _resource(request, dataset, data_format):
    path = reverse("opendata:download", kwargs={"dataset": dataset.name, "fmt": data_format.name})
    resource = {
        "name": resource_name(dataset, data_format),
        "path": request.build_absolute_uri(path),
        "title": f"{dataset.title} ({data_format.label})",
        "description": str(dataset.description),
        "format": data_format.name,
        "mediatype": data_format.media_type,
        "encoding": "utf-8",
    }
    if data_format.name == "csv":
        resource["profile"] = "tabular-data-resource"
        resource["dialect"] = {"delimiter": ",", "lineTerminator": "\r\n", "header": True}
        resource["schema"] = table_schema(dataset, data_format)
    elif data_format.name == "json":
        # The rows are the objects in the list "daten" (frictionless's JSON dialect).
        resource["profile"] = "tabular-data-resource"
        resource["dialect"] = {"json": {"keyed": True, "property": "daten"}}
        resource["schema"] = table_schema(dataset, data_format)
    else:
        # A GeoJSON file holds the same rows as the properties of its features, which no
        # table dialect reaches: the schema of the dataset's other files describes them.
        resource["profile"] = "data-resource"
    return resource


def data_package(request):
    """The descriptor as a dict; every address on the host of `request`, the texts German."""
    with translation.override("de"):
        home = request.build_absolute_uri(reverse("opendata:index"))
        publisher = {"title": attribution(), "role": "publisher", "path": home}
        if settings.OPEN_DATA_CONTACT_EMAIL:
            publisher["email"] = settings.OPEN_DATA_CONTACT_EMAIL
        return {
            "profile": "data-package",
            "name": "offene-daten-netzwerke-brandenburg",
            "id": request.build_absolute_uri(reverse("opendata:datapackage")),
            "title": "Offene Daten der Städte- und Gemeindenetzwerke in Brandenburg",
            "description": (
                "Kommunen, ihre Mitgliedschaften in Netzwerken, Initiativen und Veranstaltungen "
                "aus dem Portal der Städte- und Gemeindenetzwerke in Brandenburg. Jede Datei "
                "folgt den Filtern ihrer Liste im Portal; die Adressen hier geben alle Zeilen."
            ),
            "homepage": home,
            "keywords": sorted({k for dataset in DATASETS.values() for k in dataset.keywords}),
            "licenses": [{"name": LICENCE_ID, "path": LICENCE_URL, "title": LICENCE_NAME}],
            "sources": [{"title": attribution(), "path": home}],
            "contributors": [publisher],
            "resources": [
                _resource(request, dataset, data_format)
                for dataset in DATASETS.values()
                for data_format in FORMATS.values()
            ],
        }
