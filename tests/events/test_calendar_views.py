"""iCalendar files of the events and the month calendar page."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
from tests.networks.factories import MunicipalityFactory, NetworkFactory, TopicFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def by_title(calendar):
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def uids(calendar):
    return [str(event["UID"]) for event in calendar.walk("VEVENT")]


@pytest.fixture
def events():
    network = NetworkFactory(slug="kalendernetz", name="Kalendernetz")
    town = MunicipalityFactory(slug="kalenderstadt", name="Kalenderstadt")
    topic = TopicFactory(slug="kalenderthema", name="Kalenderthema")
    summer = EventFactory(
        title="Sommersitzung",
        start=datetime(2031, 7, 1, 10, 0, tzinfo=BERLIN),
        end=datetime(2031, 7, 1, 12, 30, tzinfo=BERLIN),
        host_municipality=town,
        venue="Rathaus",
        address="Markt 1, 14943 Kalenderstadt",
    )
    summer.networks.set([network])
    summer.topics.set([topic])
    winter = EventFactory(
        title="Wintersitzung",
        start=datetime(2031, 1, 15, 18, 0, tzinfo=BERLIN),
        online_url="https://example.org/raum",
    )
    winter.networks.set([network])
    festival = EventFactory(
        title="Dreitägiges Fest",
        start=datetime(2031, 8, 29, 0, 0, tzinfo=BERLIN),
        end=datetime(2031, 8, 31, 0, 0, tzinfo=BERLIN),
        all_day=True,
        host_municipality=town,
    )
    cancelled = EventFactory(
        title="Abgesagte Sitzung",
        start=datetime(2031, 7, 3, 9, 0, tzinfo=BERLIN),
        status=Event.Status.CANCELLED,
    )
    cancelled.networks.set([network])
    past = EventFactory(title="Vergangene Sitzung", start=timezone.now() - timedelta(days=40))
    past.networks.set([network])
    soon = timezone.now() + timedelta(days=3)
    draft = EventFactory(title="Entwurf", status=Event.Status.DRAFT, start=soon)
    submitted = EventFactory(title="Eingereicht", status=Event.Status.SUBMITTED, start=soon)
    scheduled = EventFactory(
        title="Geplant", start=soon, publish_at=timezone.now() + timedelta(days=1)
    )
    for hidden in (draft, submitted, scheduled):
        hidden.networks.set([network])
        hidden.topics.set([topic])
    return {
        "network": network,
        "town": town,
        "topic": topic,
        "summer": summer,
        "winter": winter,
        "festival": festival,
        "cancelled": cancelled,
        "past": past,
        "draft": draft,
    }


HIDDEN = {"Entwurf", "Eingereicht", "Geplant"}


def test_all_events_calendar_has_times_in_berlin_and_a_vtimezone(client, events):
    response = client.get("/veranstaltungen/alle.ics")
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    found = by_title(calendar)
    assert {"Sommersitzung", "Wintersitzung", "Vergangene Sitzung"} <= set(found)
    assert not HIDDEN & set(found)

    summer = found["Sommersitzung"]
    start, end = summer.decoded("DTSTART"), summer.decoded("DTEND")
    assert start == events["summer"].start and end == events["summer"].end
    assert str(start.tzinfo) == "Europe/Berlin"
    assert summer["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "DTSTART;TZID=Europe/Berlin:20310701T100000" in response.content.decode()
    assert "DTSTART;TZID=Europe/Berlin:20310115T180000" in response.content.decode()
    assert str(summer["LOCATION"]) == "Rathaus, Markt 1, 14943 Kalenderstadt"
    assert str(summer["URL"]) == f"http://testserver/veranstaltungen/{events['summer'].slug}/"
    assert str(summer["STATUS"]) == "CONFIRMED"
    assert "Online-Zugang: https://example.org/raum" in str(found["Wintersitzung"]["DESCRIPTION"])


def test_all_day_events_are_dates_with_the_day_after_as_end(client, events):
    festival = by_title(parse(client.get("/veranstaltungen/alle.ics")))["Dreitägiges Fest"]
    assert festival["DTSTART"].params.get("VALUE") == "DATE"
    assert festival.decoded("DTSTART") == date(2031, 8, 29)
    assert festival.decoded("DTEND") == date(2031, 9, 1)


def test_cancelled_events_have_status_cancelled(client, events):
    found = by_title(parse(client.get("/veranstaltungen/alle.ics")))
    cancelled = found["Abgesagt: Abgesagte Sitzung"]
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_uids_are_stable_and_use_the_configured_domain(client, events, settings):
    settings.CALENDAR_UID_DOMAIN = "netzwerke.example.org"
    first = uids(parse(client.get("/veranstaltungen/alle.ics")))
    second = uids(parse(client.get("/veranstaltungen/alle.ics")))
    assert first == second
    assert f"veranstaltung-{events['summer'].pk}@netzwerke.example.org" in first


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
def test_filtered_calendar_has_exactly_the_events_of_the_filtered_list(client, events, query):
    for number in range(25):  # more than one page of the list
        EventFactory(title=f"Füllveranstaltung {number}").networks.set([events["network"]])
    listed = client.get(f"/veranstaltungen/?{query}").context["paginator"].object_list
    calendar = parse(client.get(f"/veranstaltungen/kalender.ics?{query}"))
    assert uids(calendar) == [f"veranstaltung-{event.pk}@localhost" for event in listed]
    assert not HIDDEN & set(by_title(calendar))


@pytest.mark.parametrize(
    "query", ["network=gibt-es-nicht", "when=morgen", "date_from=31.02.2031", "kind=<script>"]
)
def test_invalid_filter_is_a_400_in_german(client, events, query):
    response = client.get(f"/veranstaltungen/kalender.ics?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Ungültige Filterangabe" in response.content.decode()


def test_network_municipality_and_topic_calendars(client, events):
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


def test_single_event_file(client, events):
    response = client.get(f"/veranstaltungen/{events['summer'].slug}/kalender.ics")
    assert response["Content-Disposition"].startswith("attachment;")
    assert list(by_title(parse(response))) == ["Sommersitzung"]
    draft = client.get(f"/veranstaltungen/{events['draft'].slug}/kalender.ics")
    assert draft.status_code == 404


def test_calendar_links_on_pages(client, events):
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
    event = client.get(events["summer"].get_absolute_url()).content.decode()
    assert f'href="/veranstaltungen/{events["summer"].slug}/kalender.ics"' in event
    assert "In meinen Kalender" in event


def month(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def day_titles(response, day):
    for week in response.context["weeks"]:
        for cell in week:
            if cell.date == day and cell.in_month:
                return [event.title for event in cell.events]
    return None


def test_month_calendar_is_an_accessible_table(client, events):
    response = month(client, "/veranstaltungen/monat/2031/7/")
    html = response.content.decode()
    assert "<caption>Juli 2031</caption>" in html
    assert '<th scope="col" abbr="Mo">Montag</th>' in html
    assert '<th scope="col" abbr="So">Sonntag</th>' in html
    assert day_titles(response, date(2031, 7, 1)) == ["Sommersitzung"]
    assert day_titles(response, date(2031, 7, 3)) == ["Abgesagte Sitzung"]
    assert 'href="/veranstaltungen/monat/2031/6/?" rel="prev"' in html
    assert 'href="/veranstaltungen/monat/2031/8/?" rel="next"' in html


def test_month_shows_multi_day_events_on_each_day_and_no_unpublished(client, events):
    august = month(client, "/veranstaltungen/monat/2031/8/")
    for day in (29, 30, 31):
        assert day_titles(august, date(2031, 8, day)) == ["Dreitägiges Fest"]
    soon = timezone.localdate() + timedelta(days=3)
    upcoming = month(client, f"/veranstaltungen/monat/{soon.year}/{soon.month}/")
    assert not HIDDEN & set(day_titles(upcoming, soon))


def test_month_follows_the_event_list_filters(client, events):
    response = month(client, "/veranstaltungen/monat/2031/7/?network=kalendernetz&format=on_site")
    assert day_titles(response, date(2031, 7, 1)) == ["Sommersitzung"]
    assert day_titles(response, date(2031, 7, 3)) == []
    html = response.content.decode()
    assert 'href="/veranstaltungen/monat/2031/8/?network=kalendernetz&amp;format=on_site"' in html


def test_month_with_an_invalid_filter_shows_the_error(client, events):
    response = month(client, "/veranstaltungen/monat/2031/7/?network=gibt-es-nicht")
    assert response.context["filter"].form.errors
    assert day_titles(response, date(2031, 7, 1)) == []
    assert "Bitte korrigieren Sie die markierten Angaben" in response.content.decode()


@pytest.mark.parametrize("path", ["2031/13", "2031/0", "1800/1", "9999/12", "2031/-1", "abc/1"])
def test_impossible_month_is_a_404(client, path):
    assert client.get(f"/veranstaltungen/monat/{path}/").status_code == 404


def test_month_without_date_goes_to_the_current_month(client):
    response = client.get("/veranstaltungen/monat/?network=x")
    today = timezone.localdate()
    assert response.status_code == 302
    assert response["Location"] == f"/veranstaltungen/monat/{today.year}/{today.month}/?network=x"
