"""The news items' panels on the staff's desk (news.desk): drafts, review queue and scheduled
items within the person's scope, each beside the events' panel of the same kind, shown only
while they hold something."""

from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events import desk as event_desk
from news import desk as news_desk
from news.models import NewsItem
from portal import desk
from portal.dates import BERLIN
from tests.helpers import event_in, logged_in
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.news.factories import NewsItemFactory
from tests.portal.factories import CityEditorFactory, NetworkOfficeFactory
from tests.portal.test_desk import desk_of, labels, later

pytestmark = pytest.mark.django_db

DRAFTS = "Meine Entwürfe: Meldungen"
WAITING = "Eingereichte Meldungen – warten auf Sie"
SCHEDULED = "Geplante Meldungen"


@pytest.fixture(autouse=True)
def _panels(monkeypatch):
    # The apps register them at start-up; registering again changes nothing.
    monkeypatch.setattr(desk, "PANELS", list(desk.PANELS))
    event_desk.register()
    news_desk.register()


@pytest.fixture
def scope():
    city, other_city = MunicipalityFactory(), MunicipalityFactory()
    network, other_network = NetworkFactory(), NetworkFactory()
    return {
        "city": city,
        "other_city": other_city,
        "network": network,
        "other_network": other_network,
        "editor": CityEditorFactory(municipalities=[city]),
        "office": NetworkOfficeFactory(networks=[network]),
    }


def test_a_city_editors_news_panels(scope):
    city, other_city, editor = scope["city"], scope["other_city"], scope["editor"]
    mine = NewsItemFactory(title="Mein Entwurf", municipalities=[city], created_by=editor)
    NewsItemFactory(title="Entwurf der Kollegin", municipalities=[city])
    NewsItemFactory(title="Entwurf anderswo", municipalities=[other_city], created_by=editor)
    NewsItemFactory(
        title="Eingereicht hier",
        municipalities=[city],
        networks=[scope["network"]],
        status=NewsItem.Status.SUBMITTED,
        published=datetime(2031, 5, 14, 9, 0, tzinfo=BERLIN),
    )
    NewsItemFactory(
        title="Fremd eingereicht", municipalities=[other_city], status=NewsItem.Status.SUBMITTED
    )
    NewsItemFactory(
        title="Geplant hier", municipalities=[city], status="published", published=later()
    )
    NewsItemFactory(
        title="Geplant anderswo", municipalities=[other_city], status="published", published=later()
    )
    NewsItemFactory(title="Öffentlich hier", municipalities=[city], public=True)
    event_in(scope["network"], title="Veranstaltung", host_municipality=city, created_by=editor)

    panels, more = desk_of(editor)

    assert panels[DRAFTS] == [
        ("Mein Entwurf", reverse("admin:news_newsitem_change", args=[mine.pk]))
    ]
    assert labels(panels, WAITING) == ["Eingereicht hier"]
    assert labels(panels, SCHEDULED) == ["Geplant hier"]
    # Each beside the events' panel of the same kind.
    assert list(panels) == [
        "Meine Entwürfe",
        DRAFTS,
        "Eingereicht – wartet auf Sie",
        WAITING,
        "Geplant",
        SCHEDULED,
        "Zuletzt geändert",
    ]
    html = logged_in(editor).get(reverse("admin:index")).content.decode()
    assert "14. Mai 2031" in html
    # The full lists behind the panels show the same records.
    client = logged_in(editor)
    drafts = client.get(more[DRAFTS])
    assert [item.title for item in drafts.context["cl"].queryset] == ["Mein Entwurf"]
    queue = client.get(more[WAITING])
    assert [item.title for item in queue.context["cl"].queryset] == ["Eingereicht hier"]
    planned = client.get(more[SCHEDULED])
    assert [item.title for item in planned.context["cl"].queryset] == ["Geplant hier"]


def test_a_network_offices_queue_puts_items_without_a_date_first(scope):
    network = scope["network"]
    for title, day in [("Später", 20), ("Früher", 10), ("Ohne Datum", None)]:
        NewsItemFactory(
            title=title,
            networks=[network],
            status=NewsItem.Status.SUBMITTED,
            published=datetime(2031, 5, day, tzinfo=BERLIN) if day else None,
        )
    NewsItemFactory(
        title="Prüft eine andere", networks=[scope["other_network"]], status="submitted"
    )

    panels, more = desk_of(scope["office"])

    assert labels(panels, WAITING) == ["Ohne Datum", "Früher", "Später"]
    assert more[WAITING] == reverse("admin:news_newsitem_changelist") + "?arbeitsstand=pruefen"


def test_empty_news_panels_are_left_out(scope):
    panels, _more = desk_of(scope["office"])

    assert DRAFTS not in panels and WAITING not in panels and SCHEDULED not in panels
    # The events' panels stay, empty as they are.
    assert panels["Meine Entwürfe"] == []


def _grow(scope, count):
    for _ in range(count):
        NewsItemFactory(
            networks=[scope["network"]], municipalities=[scope["city"]], created_by=scope["editor"]
        )
        NewsItemFactory(networks=[scope["network"]], status=NewsItem.Status.SUBMITTED)
        NewsItemFactory(networks=[scope["network"]], status="published", published=later())


def _index_queries(user):
    client = logged_in(user)
    url = reverse("admin:index")
    client.get(url)  # warm the caches of the process (content types, sites)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", ["editor", "office"])
def test_the_news_panels_need_the_same_queries_for_5_and_30_items(scope, role):
    _grow(scope, 5)
    with_5 = _index_queries(scope[role])
    _grow(scope, 25)
    with_30 = _index_queries(scope[role])

    assert with_30 == with_5
