"""The download formats of the open datasets."""

import csv
import datetime
import io
import json
from collections.abc import Callable
from typing import NamedTuple

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder

from opendata.datasets import LICENCE_NAME, LICENCE_URL


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # Spreadsheets would run such a cell as a formula (CSV injection).
        return f"'{text}"
    return text


def _licence():
    return {"name": LICENCE_NAME, "url": LICENCE_URL, "namensnennung": attribution()}


def attribution():
    return settings.OPEN_DATA_PUBLISHER


def write_csv(dataset, rows, request):
    """RFC 4180: UTF-8, comma-separated, a header line with the column names."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\r\n")
    writer.writerow([column.name for column in dataset.columns])
    for row in rows:
        writer.writerow([_csv_cell(value) for _, value in dataset.values(row, request)])
    return output.getvalue()


def _json_rows(dataset, rows, request):
    return [{column.name: value for column, value in dataset.values(row, request)} for row in rows]


def _header(dataset, request):
    return {
        "titel": str(dataset.title),
        "beschreibung": str(dataset.description),
        "quelle": request.build_absolute_uri(),
        "lizenz": _licence(),
        "spalten": [
            {"name": column.name, "beschreibung": str(column.description)}
            for column in dataset.columns
        ],
    }


def _dump(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)


def write_json(dataset, rows, request):
    return _dump({**_header(dataset, request), "daten": _json_rows(dataset, rows, request)})


def _geometry(points):
    if not points:
        return None
    if len(points) == 1:
        return {"type": "Point", "coordinates": list(points[0])}
    return {"type": "MultiPoint", "coordinates": [list(point) for point in points]}


def write_geojson(dataset, rows, request):
    """RFC 7946: coordinates as [longitude, latitude]; rows without a place get no geometry."""
    features = [
        {
            "type": "Feature",
            "geometry": _geometry(dataset.locations(row)),
            "properties": {column.name: value for column, value in dataset.values(row, request)},
        }
        for row in rows
    ]
    # Members beside "type" and "features" are foreign members, which RFC 7946 allows.
    return _dump({**_header(dataset, request), "type": "FeatureCollection", "features": features})


class Format(NamedTuple):
    name: str
    label: str
    media_type: str
    # The EU file-type vocabulary's code, for the catalogue.
    file_type: str
    write: Callable


FORMATS = {
    format.name: format
    for format in (
        Format("csv", "CSV", "text/csv", "CSV", write_csv),
        Format("json", "JSON", "application/json", "JSON", write_json),
        Format("geojson", "GeoJSON", "application/geo+json", "GEOJSON", write_geojson),
    )
}
