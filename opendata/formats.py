"""The download formats of the open datasets."""

import csv
import datetime
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


class _Line:
    """What csv.writer writes to: the line itself, to be sent at once."""

    def write(self, line):
        return line


def write_csv(dataset, rows, request):
    """RFC 4180: UTF-8, comma-separated, a header line with the column names; line by line."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield writer.writerow([column.name for column in dataset.columns])
    for row in dataset.each(rows):
        yield writer.writerow([_csv_cell(value) for _, value in dataset.values(row, request)])


def _header(dataset, request):
    return {
        "titel": str(dataset.title),
        "beschreibung": str(dataset.description),
        "quelle": request.build_absolute_uri(),
        "lizenz": _licence(),
        "spalten": [
            {"name": column.name, "beschreibung": str(column.description), "typ": column.type}
            for column in dataset.columns
        ],
    }


def _dump(data, indent=1):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=indent)


def _json_document(head, list_key, items):
    """A JSON object whose member `list_key` lists `items`, written one item at a time."""
    before, after = _dump({**head, list_key: []}).rsplit("[]", 1)
    yield before + "[\n"
    for index, item in enumerate(items):
        yield ("," if index else "") + _dump(item, indent=None) + "\n"
    yield "]" + after


def write_json(dataset, rows, request):
    items = (
        {column.name: value for column, value in dataset.values(row, request)}
        for row in dataset.each(rows)
    )
    return _json_document(_header(dataset, request), "daten", items)


def _geometry(points):
    if not points:
        return None
    if len(points) == 1:
        return {"type": "Point", "coordinates": list(points[0])}
    return {"type": "MultiPoint", "coordinates": [list(point) for point in points]}


def write_geojson(dataset, rows, request):
    """RFC 7946: coordinates as [longitude, latitude]; rows without a place get no geometry."""
    features = (
        {
            "type": "Feature",
            "geometry": _geometry(dataset.locations(row)),
            "properties": {column.name: value for column, value in dataset.values(row, request)},
        }
        for row in dataset.each(rows)
    )
    # Members beside "type" and "features" are foreign members, which RFC 7946 allows.
    head = {**_header(dataset, request), "type": "FeatureCollection"}
    return _json_document(head, "features", features)


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
