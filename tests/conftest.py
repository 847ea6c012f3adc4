import io
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from cms.utils.apphook_reload import reload_urlconf
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone, translation

from events.models import Event
from initiatives.models import Initiative
from networks.models import Membership, Municipality, Network
from tests.contacts.factories import ContactFactory, OrganisationFactory
from tests.events.factories import EventFactory
from tests.initiatives.factories import InitiativeFactory
from tests.networks.factories import (
    MembershipFactory,
    MunicipalityFactory,
    NetworkFactory,
    TopicFactory,
)

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the demo data, committed once; each test runs in a
    transaction on top of it that is rolled back afterwards."""
    with django_db_blocker.unblock():
        call_command("load_demo_data", stdout=io.StringIO())
        # The apphooked pages exist now: mount their URLs.
        reload_urlconf()


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _german():
    """Every test starts in the portal's language, whatever the test before it requested."""
    with translation.override("de"):
        yield


@pytest.fixture
def admin_user():
    """A superuser (instead of pytest-django's fixture of the same name)."""
    return get_user_model().objects.create_superuser("chefredaktion", password="x-Geheim-123")


@pytest.fixture
def list_world():
    """Networks, municipalities, initiatives and contacts for the filtered lists."""
    topic = TopicFactory(slug="thema-a")
    sub = TopicFactory(slug="thema-a-1", parent=topic)
    alpha = MunicipalityFactory(
        name="Alphastadt",
        slug="alphastadt",
        district="Landkreis Alpha",
        kind=Municipality.Kind.TOWN,
        population=5000,
    )
    beta = MunicipalityFactory(
        name="Betadorf",
        slug="betadorf",
        district="Landkreis Beta",
        kind=Municipality.Kind.MUNICIPALITY,
        population=900,
    )
    active = NetworkFactory(name="Aktives Testnetz", slug="aktiv", kind=Network.Kind.ALLIANCE)
    active.topics.set([sub])
    ended = NetworkFactory(
        name="Beendetes Testnetz",
        slug="beendet",
        founded=date(2009, 1, 1),
        ended=date(2011, 12, 31),
        kind=Network.Kind.CITY_NETWORK,
    )
    MembershipFactory(network=active, municipality=alpha, role=Membership.Role.CHAIR)
    MembershipFactory(network=ended, municipality=beta)
    big = InitiativeFactory(
        title="Großes Testvorhaben",
        network=active,
        round="Testrunde 1",
        funding_amount=Decimal("2600000"),
        status=Initiative.Status.RUNNING,
    )
    big.municipalities.set([alpha])
    big.topics.set([sub])
    small = InitiativeFactory(
        title="Kleines Testvorhaben",
        network=ended,
        round="Testrunde 2",
        funding_amount=Decimal("12000"),
        kind=Initiative.Kind.COMPETITION_ENTRY,
    )
    small.municipalities.set([beta])
    office = OrganisationFactory(slug="test-geschaeftsstelle")
    anna = ContactFactory(name="Anna Test", organisation=office)
    anna.networks.set([active])
    bert = ContactFactory(name="Bert Test")
    bert.municipalities.set([beta])
    ContactFactory(name="Carla Nichtöffentlich", is_public=False).networks.set([active])


@pytest.fixture
def calendar_events():
    """Events for the calendars: in summer and winter, all-day, cancelled, past, and three
    the public may not see (tests.helpers.CALENDAR_HIDDEN)."""
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


@pytest.fixture
def feed_network():
    """A network with events and an initiative for the feeds, some events not public; and
    an event and an initiative elsewhere."""
    network = NetworkFactory(slug="feednetz", name="Feednetz")
    town = MunicipalityFactory(name="Feedstadt")
    soon = timezone.now() + timedelta(days=5)
    EventFactory(title="Feedsitzung", start=soon, host_municipality=town).networks.set([network])
    EventFactory(title="Feedabsage", start=soon, status=Event.Status.CANCELLED).networks.set(
        [network]
    )
    EventFactory(title="Fremde Sitzung", start=soon)
    for title, status, publish_at in [
        ("Feedentwurf", Event.Status.DRAFT, None),
        ("Feedeingereicht", Event.Status.SUBMITTED, None),
        ("Feedgeplant", Event.Status.PUBLISHED, timezone.now() + timedelta(days=1)),
    ]:
        EventFactory(title=title, start=soon, status=status, publish_at=publish_at).networks.set(
            [network]
        )
    initiative = InitiativeFactory(title="Feedprojekt", network=network, summary="Worum es geht.")
    initiative.municipalities.set([town])
    InitiativeFactory(title="Fremdes Projekt")
    return network


@pytest.fixture
def town():
    """A municipality with coordinates, for the schema.org descriptions."""
    return MunicipalityFactory(
        name="Ldstadt",
        official_name="Ldstadt/Łd",
        slug="ldstadt",
        ags="12000001",
        district="Landkreis Ld",
        latitude=Decimal("52.400000"),
        longitude=Decimal("13.050000"),
    )
