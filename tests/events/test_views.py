from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
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
