"""The event list, an event's page and the month calendar."""

import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
from tests.helpers import CALENDAR_HIDDEN as HIDDEN
from tests.networks.factories import MunicipalityFactory, NetworkFactory, TopicFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
URL = "/veranstaltungen/"


def titles(response):
    return {event.title for event in response.context["object_list"]}


@pytest.fixture
def events():
    network = NetworkFactory(slug="testnetz")
    other = NetworkFactory(slug="anderes-netz")
    town = MunicipalityFactory(slug="teststadt")
    topic = TopicFactory(slug="klima")
    soon = timezone.now() + timedelta(days=10)
    past = timezone.now() - timedelta(days=10)
    workshop = EventFactory(
        title="Werkstatt Klima",
        kind=Event.Kind.WORKSHOP,
        start=soon,
        host_municipality=town,
        venue="Rathaus",
    )
    workshop.networks.set([network])
    workshop.topics.set([topic])
    online = EventFactory(
        title="Online-Austausch",
        kind=Event.Kind.ONLINE,
        start=soon + timedelta(days=5),
        online_url="https://example.org/raum",
    )
    online.networks.set([other])
    old = EventFactory(title="Alte Sitzung", start=past, host_municipality=town)
    old.networks.set([network])
    EventFactory(title="Entwurf", status=Event.Status.DRAFT, start=soon)
    EventFactory(title="Eingereicht", status=Event.Status.SUBMITTED, start=soon)
    EventFactory(title="Geplant", start=soon, publish_at=timezone.now() + timedelta(days=1))
    EventFactory(title="Abgesagt", status=Event.Status.CANCELLED, start=soon)
    return {"soon": soon}


def test_upcoming_published_events_by_default(client, events):
    response = client.get(URL)
    assert response.status_code == 200
    assert {"Werkstatt Klima", "Online-Austausch", "Abgesagt"} <= titles(response)
    assert not {"Alte Sitzung", "Entwurf", "Eingereicht", "Geplant"} & titles(response)
    assert "abgesagt" in response.content.decode()


def test_past_events(client, events):
    response = client.get(URL, {"when": "past"})
    assert "Alte Sitzung" in titles(response)
    assert "Werkstatt Klima" not in titles(response)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"network": "testnetz"}, {"Werkstatt Klima"}),
        ({"network": "testnetz", "when": "all"}, {"Werkstatt Klima", "Alte Sitzung"}),
        ({"municipality": "teststadt", "when": "past"}, {"Alte Sitzung"}),
        ({"kind": "online_austausch"}, {"Online-Austausch"}),
        ({"topic": "klima"}, {"Werkstatt Klima"}),
        ({"format": "online", "network": "anderes-netz"}, {"Online-Austausch"}),
        ({"format": "on_site", "network": "testnetz"}, {"Werkstatt Klima"}),
        ({"network": "testnetz", "kind": "online_austausch"}, set()),
    ],
)
def test_each_filter_narrows_the_list(client, events, params, expected):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert titles(response) == expected


def test_date_range(client, events):
    day = timezone.localtime(events["soon"]).date()
    response = client.get(URL, {"date_from": day.isoformat(), "date_to": day.isoformat()})
    assert "Werkstatt Klima" in titles(response)
    assert "Online-Austausch" not in titles(response)


def test_empty_result_says_so_in_german(client, events):
    response = client.get(URL, {"network": "testnetz", "kind": "online_austausch"})
    assert "Nichts gefunden" in response.content.decode()
    assert "0 Ergebnisse" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "31.02.2025"},
        {"date_from": "gestern"},
        {"when": "morgen"},
        {"network": "gibt-es-nicht"},
        {"kind": "<script>"},
        {"order": "passwort"},
        {"topic": "x" * 500},
    ],
)
def test_invalid_values_give_a_form_error_not_a_500(client, events, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert "Bitte korrigieren Sie die markierten Angaben" in response.content.decode()
    assert titles(response) == set()


@pytest.mark.parametrize("page", ["999", "abc", "-1", "0"])
def test_page_out_of_range_is_a_404(client, events, page):
    assert client.get(URL, {"page": page}).status_code == 404


def test_pagination_keeps_the_filter_in_the_links(client):
    network = NetworkFactory(slug="viele")
    for number in range(25):
        EventFactory(start=timezone.now() + timedelta(days=number + 1)).networks.set([network])
    response = client.get(URL, {"network": "viele"})
    assert len(response.context["object_list"]) == 20
    assert "?network=viele&amp;page=2" in response.content.decode()
    second = client.get(URL, {"network": "viele", "page": 2})
    assert len(second.context["object_list"]) == 5


def test_event_detail_shows_german_date_and_place(client):
    event = EventFactory(
        title="Arbeitskreissitzung im Herbst",
        start=datetime(2030, 10, 7, 10, 0, tzinfo=BERLIN),
        end=datetime(2030, 10, 7, 15, 30, tzinfo=BERLIN),
        venue="Stadthaus",
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Montag, 7. Oktober 2030, 10:00 Uhr" in page
    assert "15:30 Uhr" in page
    assert "Stadthaus" in page


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.SUBMITTED])
def test_unpublished_event_detail_is_a_404(client, status):
    event = EventFactory(status=status)
    assert client.get(f"{URL}{event.slug}/").status_code == 404


def test_scheduled_event_detail_is_a_404_until_due(client):
    event = EventFactory(publish_at=timezone.now() + timedelta(hours=1))
    assert client.get(f"{URL}{event.slug}/").status_code == 404


def test_a_scheduled_event_goes_public_on_its_own(client):
    """The public views build their querysets once, at import; the event still appears when
    its time comes, without a job and without a restart."""
    due = timezone.now() + timedelta(seconds=1)
    event = EventFactory(status=Event.Status.PUBLISHED, publish_at=due)
    url = reverse("events:detail", kwargs={"slug": event.slug})

    assert client.get(url).status_code == 404
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    assert client.get(url).status_code == 200
    assert event in Event.objects.public()


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.SUBMITTED])
def test_drafts_and_submitted_events_appear_nowhere_public(client, status):
    event = EventFactory(status=status, title="Noch geheim, Sitzung")

    assert event not in Event.objects.public()
    assert client.get(reverse("events:detail", kwargs={"slug": event.slug})).status_code == 404
    assert "Noch geheim, Sitzung" not in client.get(reverse("events:list")).content.decode()


def test_cancelled_event_stays_visible_marked_as_cancelled(client):
    event = EventFactory(status=Event.Status.CANCELLED)

    assert event in Event.objects.public()
    response = client.get(reverse("events:detail", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    assert "abgesagt" in response.content.decode()


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


def test_month_calendar_is_an_accessible_table(client, calendar_events):
    response = month(client, "/veranstaltungen/monat/2031/7/")
    html = response.content.decode()
    assert "<caption>Juli 2031</caption>" in html
    assert '<th scope="col" abbr="Mo">Montag</th>' in html
    assert '<th scope="col" abbr="So">Sonntag</th>' in html
    assert day_titles(response, date(2031, 7, 1)) == ["Sommersitzung"]
    assert day_titles(response, date(2031, 7, 3)) == ["Abgesagte Sitzung"]
    assert 'href="/veranstaltungen/monat/2031/6/?" rel="prev"' in html
    assert 'href="/veranstaltungen/monat/2031/8/?" rel="next"' in html


def test_month_shows_multi_day_events_on_each_day_and_no_unpublished(client, calendar_events):
    august = month(client, "/veranstaltungen/monat/2031/8/")
    for day in (29, 30, 31):
        assert day_titles(august, date(2031, 8, day)) == ["Dreitägiges Fest"]
    soon = timezone.localdate() + timedelta(days=3)
    upcoming = month(client, f"/veranstaltungen/monat/{soon.year}/{soon.month}/")
    assert not HIDDEN & set(day_titles(upcoming, soon))


def test_month_follows_the_event_list_filters(client, calendar_events):
    response = month(client, "/veranstaltungen/monat/2031/7/?network=kalendernetz&format=on_site")
    assert day_titles(response, date(2031, 7, 1)) == ["Sommersitzung"]
    assert day_titles(response, date(2031, 7, 3)) == []
    html = response.content.decode()
    assert 'href="/veranstaltungen/monat/2031/8/?network=kalendernetz&amp;format=on_site"' in html


def test_month_with_an_invalid_filter_shows_the_error(client, calendar_events):
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
