"""schema.org descriptions of the detail pages, embedded as JSON-LD for search engines: the
pieces every description uses. Each app describes its own records (<app>/structured_data.py);
its detail view passes the description to the template tag `json_ld`."""

import re

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from portal.dates import BERLIN
from portal.models import DatePrecision

CONTEXT = "https://schema.org"
# The first two digits of the Amtlicher Gemeindeschlüssel name the federal state.
STATES = {"11": "Berlin", "12": "Brandenburg"}
# „Straße 1, 12345 Ort“: the usual way a German address is written on one line.
ONE_LINE_ADDRESS = re.compile(r"^(?P<street>.+),\s*(?P<postal_code>\d{5})\s+(?P<locality>.+)$")


def without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def partial_date(value, precision):
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def event_time(value, *, all_day):
    """ISO 8601 with the offset of Berlin at that moment, or the date alone for all-day events."""
    if value is None:
        return None
    local = timezone.localtime(value, BERLIN)
    return local.date().isoformat() if all_day else local.isoformat()


def postal_address(municipality, one_line=""):
    address = {"@type": "PostalAddress", "addressCountry": "DE"}
    match = ONE_LINE_ADDRESS.match(one_line)
    if match:
        address.update(
            streetAddress=match["street"],
            postalCode=match["postal_code"],
            addressLocality=match["locality"],
        )
    elif one_line:
        address["streetAddress"] = one_line
    if municipality:
        address.setdefault("addressLocality", municipality.name)
        address["addressRegion"] = STATES.get(municipality.ags[:2])
    return without_empty(address)


def image_urls(record, request):
    """The record's image as schema.org wants it (a list of absolute URLs), if it has a usable
    one (media.Image.is_usable); None otherwise."""
    image = record.image if getattr(record, "image_id", None) else None
    if image is None or not image.is_usable:
        return None
    return [request.build_absolute_uri(image.url)]


def portal_organisation(request):
    """The portal itself, as the publisher of what it shows."""
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": request.build_absolute_uri(reverse("pages-root")),
        "logo": request.build_absolute_uri(static("img/apple-touch-icon.png")),
    }
