"""iCalendar files of the events."""

from datetime import date

import icalendar
import pytest

from events.models import Event
from tests.events.factories import EventFactory
from tests.helpers import CALENDAR_HIDDEN as HIDDEN

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    response.body_text = response.getvalue().decode()  # a stream is read once
    return icalendar.Calendar.from_ical(response.body_text)


def by_title(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def uids(calendar):
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


def test_all_events_calendar_has_times_in_berlin_and_a_vtimezone(client, calendar_events):
    response = client.get("/veranstaltungen/alle.ics")
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    found = by_title(calendar)
    assert {"Sommersitzung", "Wintersitzung", "Vergangene Sitzung"} <= set(found)
    assert not HIDDEN & set(found)

    summer = found["Sommersitzung"]
    start, end = summer.decoded("DTSTART"), summer.decoded("DTEND")
    assert start == calendar_events["summer"].start and end == calendar_events["summer"].end
    assert str(start.tzinfo) == "Europe/Berlin"
    assert summer["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "DTSTART;TZID=Europe/Berlin:20310701T100000" in response.body_text
    assert "DTSTART;TZID=Europe/Berlin:20310115T180000" in response.body_text
    assert str(summer["LOCATION"]) == "Rathaus, Markt 1, 14943 Kalenderstadt"
    assert (
        str(summer["URL"]) == f"http://testserver/veranstaltungen/{calendar_events['summer'].slug}/"
    )
    assert str(summer["STATUS"]) == "CONFIRMED"
    assert "Online-Zugang: https://example.org/raum" in str(found["Wintersitzung"]["DESCRIPTION"])


def test_all_day_events_are_dates_with_the_day_after_as_end(client, calendar_events):
    festival = by_title(parse(client.get("/veranstaltungen/alle.ics")))["Dreitägiges Fest"]
    assert festival["DTSTART"].params.get("VALUE") == "DATE"
    assert festival.decoded("DTSTART") == date(2031, 8, 29)
    assert festival.decoded("DTEND") == date(2031, 9, 1)


def test_cancelled_events_have_status_cancelled(client, calendar_events):
    found = by_title(parse(client.get("/veranstaltungen/alle.ics")))
    cancelled = found["Abgesagt: Abgesagte Sitzung"]
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_uids_are_stable_and_use_the_configured_domain(client, calendar_events, settings):
    settings.CALENDAR_UID_DOMAIN = "netzwerke.example.org"
    first = uids(parse(client.get("/veranstaltungen/alle.ics")))
    second = uids(parse(client.get("/veranstaltungen/alle.ics")))
    assert first == second
    assert f"veranstaltung-{calendar_events['summer'].pk}@netzwerke.example.org" in first


@pytest.mark.parametrize(
    "query",
    [
        "",
        "when=all",
        "network=kalendernetz&when=all",
        "network=kalendernetz",
        "network=kalendernetz&when=past",
        "municipality=kalenderstadt&when=all&order=-start",
        "topic=kalenderthema&when=all",
        "format=online&when=all",
        "when=all&date_from=2031-07-01&date_to=2031-07-31",
    ],
)
def test_filtered_calendar_has_the_events_of_the_filtered_list_in_the_calendar_window(
    client, calendar_events, query
):
    for number in range(25):  # more than one page of the list
        EventFactory(title=f"Füllveranstaltung {number}").networks.set([calendar_events["network"]])
    listed = client.get(f"/veranstaltungen/?{query}").context["paginator"].object_list
    window = set(Event.objects.in_calendar_window().values_list("pk", flat=True))
    calendar = parse(client.get(f"/veranstaltungen/kalender.ics?{query}"))
    expected = [f"veranstaltung-{event.pk}@localhost" for event in listed if event.pk in window]
    assert expected
    assert uids(calendar) == expected
    assert not HIDDEN & set(by_title(calendar))


@pytest.mark.parametrize(
    "query", ["network=gibt-es-nicht", "when=morgen", "date_from=31.02.2031", "kind=<script>"]
)
def test_invalid_filter_is_a_400_in_german(client, calendar_events, query):
    response = client.get(f"/veranstaltungen/kalender.ics?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Ungültige Filterangabe" in response.content.decode()


def test_network_municipality_and_topic_calendars(client, calendar_events):
    network = by_title(parse(client.get("/netzwerke/kalendernetz/kalender.ics")))
    assert set(network) == {
        "Sommersitzung",
        "Wintersitzung",
        "Abgesagt: Abgesagte Sitzung",
        "Vergangene Sitzung",
    }
    town = by_title(parse(client.get("/staedte/kalenderstadt/kalender.ics")))
    assert set(town) == {"Sommersitzung", "Dreitägiges Fest"}
    topic = by_title(parse(client.get("/veranstaltungen/themen/kalenderthema/kalender.ics")))
    assert set(topic) == {"Sommersitzung"}
    for url in (
        "/netzwerke/gibt-es-nicht/kalender.ics",
        "/staedte/gibt-es-nicht/kalender.ics",
        "/veranstaltungen/themen/gibt-es-nicht/kalender.ics",
    ):
        assert client.get(url).status_code == 404


def test_single_event_file(client, calendar_events):
    response = client.get(f"/veranstaltungen/{calendar_events['summer'].slug}/kalender.ics")
    assert response["Content-Disposition"].startswith("attachment;")
    assert list(by_title(parse(response))) == ["Sommersitzung"]
    draft = client.get(f"/veranstaltungen/{calendar_events['draft'].slug}/kalender.ics")
    assert draft.status_code == 404


def test_calendar_links_on_pages(client, calendar_events):
    listing = client.get("/veranstaltungen/?network=kalendernetz&when=all").content.decode()
    assert (
        'href="webcal://testserver/veranstaltungen/kalender.ics?network=kalendernetz&amp;when=all"'
        in listing
    )
    assert "Kalender abonnieren" in listing
    assert 'href="/veranstaltungen/monat/?network=kalendernetz"' in listing
    network = client.get("/netzwerke/kalendernetz/").content.decode()
    assert 'href="webcal://testserver/netzwerke/kalendernetz/kalender.ics"' in network
    town = client.get("/staedte/kalenderstadt/").content.decode()
    assert 'href="webcal://testserver/staedte/kalenderstadt/kalender.ics"' in town
    event = client.get(calendar_events["summer"].get_absolute_url()).content.decode()
    assert f'href="/veranstaltungen/{calendar_events["summer"].slug}/kalender.ics"' in event
    assert "In meinen Kalender" in event
