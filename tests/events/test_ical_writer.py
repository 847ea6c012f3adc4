"""The calendars write their events directly (events.ical.vevent_ical), not through the
icalendar package, which takes milliseconds per event: the bytes must be the package's."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from events import ical
from events.models import Event
from tests.events.factories import EventFactory
from tests.networks.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

LONG = (
    "Städte, Gemeinden; Ämter \\ Kreise: ein Satz mit Kommas, Semikolons und Umlauten, "
    "der über mehrere Zeilen geht.\nZweite Zeile mit Zeilenumbruch\r\nund noch eine: äöüß€ "
)


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"all_day": True},
        {"all_day": True, "end_offset": timedelta(days=2)},
        {"status": Event.Status.CANCELLED, "end_offset": timedelta(hours=3)},
        {"summary": LONG * 3, "venue": "Rathaus, Saal 1", "address": "Markt 1; Eingang B"},
        {"online_url": "https://treffen.example.org/" + "x" * 90, "title": "Ä" * 80},
        {"registration_url": "https://anmeldung.example.org/a,b;c", "host": True},
    ],
)
def test_the_direct_writer_gives_the_bytes_of_the_icalendar_package(fields):
    fields = dict(fields)
    start = timezone.now().replace(microsecond=0) + timedelta(days=3)
    end_offset = fields.pop("end_offset", None)
    if fields.pop("host", False):
        fields["host_municipality"] = MunicipalityFactory(name="Groß Kreutz (Havel)")
    event = EventFactory(start=start, end=start + end_offset if end_offset else None, **fields)
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    url = request.build_absolute_uri(event.get_absolute_url())
    stamp = timezone.now()

    expected = ical.vevent(event, url=url, stamp=stamp).to_ical()
    assert ical.vevent_ical(event, url=url, stamp=stamp) == expected
    kinds = {value: str(label) for value, label in Event.Kind.choices}
    assert ical.vevent_ical(event, url=url, stamp=stamp, kinds=kinds) == expected
