"""The staff's desk on the admin's start page: each person's drafts, review queue, scheduled
events and latest changes, within their scope, bounded, with a constant number of queries."""

import re
from datetime import timedelta

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import desk as event_desk
from events.models import Event
from portal import desk
from tests.events.factories import EventFactory
from tests.helpers import event_in, logged_in
from tests.networks.factories import MembershipFactory, MunicipalityFactory, NetworkFactory
from tests.portal.factories import (
    AdministratorFactory,
    CityEditorFactory,
    NetworkOfficeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

DRAFTS = "Meine Entwürfe"
WAITING = "Eingereicht – wartet auf Sie"
SCHEDULED = "Geplant"
RECENT = "Zuletzt geändert"

PANEL = re.compile(r"<caption>(.*?)</caption>(.*?)</table>", re.DOTALL)
ITEM = re.compile(r'<th scope="row"><a href="([^"]+)">(.*?)</a></th>')
MORE = re.compile(r'<td colspan="2"><a href="([^"]+)">')


@pytest.fixture(autouse=True)
def _event_panels(monkeypatch):
    # events.apps registers them at start-up; registering again changes nothing.
    monkeypatch.setattr(desk, "PANELS", list(desk.PANELS))
    event_desk.register()


def desk_of(user):
    """{panel title: [(item label, link)]} and {panel title: link to the full list}."""
    response = logged_in(user).get(reverse("admin:index"))
    assert response.status_code == 200
    html = response.content.decode()
    panels, more = {}, {}
    panels_html = html.split('<div class="desk">', 1)[-1].split('class="app-', 1)[0]
    for title, body in PANEL.findall(panels_html):
        panels[title] = [(label, url) for url, label in ITEM.findall(body)]
        links = MORE.findall(body)
        if links:
            more[title] = links[0].replace("&amp;", "&")
    return panels, more


def labels(panels, title):
    return [label for label, _url in panels[title]]


def change(obj, user):
    with reversion.create_revision():
        reversion.add_to_revision(obj)
        reversion.set_user(user)
        reversion.set_comment("Geändert.")


def later():
    return timezone.now() + timedelta(days=3)


@pytest.fixture
def scope():
    """A city with its editor, a network with its office, and records inside and outside."""
    city, other_city = MunicipalityFactory(), MunicipalityFactory()
    network, other_network = NetworkFactory(), NetworkFactory()
    editor = CityEditorFactory(municipalities=[city])
    office = NetworkOfficeFactory(networks=[network])
    stranger = CityEditorFactory(municipalities=[other_city])
    return {
        "city": city,
        "other_city": other_city,
        "network": network,
        "other_network": other_network,
        "editor": editor,
        "office": office,
        "stranger": stranger,
        "administrator": AdministratorFactory(),
    }


def test_a_city_editors_desk(scope):
    city, other_city, editor = scope["city"], scope["other_city"], scope["editor"]
    mine = EventFactory(
        title="Mein Entwurf", host_municipality=city, status="draft", created_by=editor
    )
    EventFactory(title="Entwurf der Kollegin", host_municipality=city, status="draft")
    EventFactory(
        title="Entwurf anderswo", host_municipality=other_city, status="draft", created_by=editor
    )
    event_in(scope["network"], title="Eingereicht hier", host_municipality=city, status="submitted")
    EventFactory(title="Fremd eingereicht", host_municipality=other_city, status="submitted")
    EventFactory(title="Geplant hier", host_municipality=city, publish_at=later())
    EventFactory(title="Geplant anderswo", host_municipality=other_city, publish_at=later())
    public = EventFactory(title="Öffentlich hier", host_municipality=city)
    change(public, scope["office"])
    change(EventFactory(title="Geändert anderswo", host_municipality=other_city), editor)

    panels, more = desk_of(editor)

    assert list(panels) == [DRAFTS, WAITING, SCHEDULED, RECENT]
    assert panels[DRAFTS] == [
        ("Mein Entwurf", reverse("admin:events_event_change", args=[mine.pk]))
    ]
    assert labels(panels, WAITING) == ["Eingereicht hier"]
    assert labels(panels, SCHEDULED) == ["Geplant hier"]
    assert labels(panels, RECENT) == ["Öffentlich hier"]
    assert panels[RECENT][0][1] == reverse("admin:events_event_change", args=[public.pk])
    # The full lists behind the panels show the same records.
    client = logged_in(editor)
    drafts = client.get(more[DRAFTS])
    assert [event.title for event in drafts.context["cl"].queryset] == ["Mein Entwurf"]
    queue = client.get(more[WAITING])
    assert [event.title for event in queue.context["cl"].queryset] == ["Eingereicht hier"]


def test_a_network_offices_desk(scope):
    network, office = scope["network"], scope["office"]
    event_in(network, title="Eigener Entwurf", status="draft", created_by=office)
    event_in(network, title="Entwurf der Redaktion", status="draft", created_by=scope["editor"])
    event_in(network, title="Zu prüfen", status="submitted", start=later())
    event_in(network, title="Auch zu prüfen", status="submitted", start=later() + timedelta(1))
    event_in(scope["other_network"], title="Prüft eine andere", status="submitted")
    event_in(network, title="Erscheint bald", publish_at=later())
    event_in(scope["other_network"], title="Erscheint anderswo", publish_at=later())
    network.summary = "Neu beschrieben."
    MembershipFactory(network=network)
    change(network, office)
    other_network = scope["other_network"]
    change(other_network, scope["stranger"])

    panels, more = desk_of(office)

    assert labels(panels, DRAFTS) == ["Eigener Entwurf"]
    assert labels(panels, WAITING) == ["Zu prüfen", "Auch zu prüfen"]
    assert labels(panels, SCHEDULED) == ["Erscheint bald"]
    # The network's revision holds its memberships too; the desk names the network.
    assert labels(panels, RECENT) == [str(network)]
    assert more[WAITING].endswith("?arbeitsstand=pruefen")
    assert more[SCHEDULED].endswith("?arbeitsstand=geplant")
    planned = logged_in(office).get(more[SCHEDULED])
    assert [event.title for event in planned.context["cl"].queryset] == ["Erscheint bald"]


def test_a_record_changed_often_appears_once_with_its_latest_change(scope):
    event = EventFactory(title="Oft geändert", host_municipality=scope["city"])
    other = EventFactory(title="Einmal geändert", host_municipality=scope["city"])
    change(event, scope["editor"])
    change(other, scope["editor"])
    change(event, scope["editor"])

    panels, _more = desk_of(scope["editor"])

    assert labels(panels, RECENT) == ["Oft geändert", "Einmal geändert"]


def test_each_panel_is_bounded_and_links_to_the_full_list(scope):
    for number in range(desk.LIMIT + 2):
        event_in(scope["network"], title=f"Eingereicht {number:02}", status="submitted")

    panels, more = desk_of(scope["office"])

    assert len(panels[WAITING]) == desk.LIMIT
    assert more[WAITING] == reverse("admin:events_event_changelist") + "?arbeitsstand=pruefen"
    html = logged_in(scope["office"]).get(reverse("admin:index")).content.decode()
    assert "Alle anzeigen – es gibt weitere" in html


def test_staff_without_a_role_get_no_panels_but_the_app_list():
    panels, _more = desk_of(UserFactory())

    assert panels == {}


def test_the_start_page_keeps_the_app_list(scope):
    html = logged_in(scope["office"]).get(reverse("admin:index")).content.decode()

    assert "app-events" in html
    assert html.index('<div class="desk">') < html.index("app-events")


def _grow(scope, count):
    for _ in range(count):
        for status, created_by in [("draft", scope["editor"]), ("draft", scope["office"])]:
            event_in(
                scope["network"],
                host_municipality=scope["city"],
                status=status,
                created_by=created_by,
            )
        event_in(scope["network"], host_municipality=scope["city"], status="submitted")
        planned = event_in(scope["network"], host_municipality=scope["city"], publish_at=later())
        change(planned, scope["editor"])
        change(scope["network"], scope["office"])


def _index_queries(user):
    client = logged_in(user)
    url = reverse("admin:index")
    client.get(url)  # warm the caches of the process (content types, sites)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["editor", "office", "administrator"])
def test_the_start_page_needs_the_same_queries_for_5_and_30_records(scope, role):
    _grow(scope, 5)
    with_5 = _index_queries(scope[role])
    _grow(scope, 25)
    with_30 = _index_queries(scope[role])

    assert with_30 == with_5
    assert Event.objects.submitted().in_network(scope["network"]).count() == 30
