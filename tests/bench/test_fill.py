"""manage.py fill_synthetic at a tiny scale: what it writes, what the public sees of it, and the
databases it refuses. Not timed: docs/performance.md says how fast it is at full size."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from reversion.models import Revision

from bench import synthetic
from bench.management.commands.fill_synthetic import Command
from bench.synthetic import (
    CONTACT_PUBLIC_SHARE,
    EVENT_PUBLIC_SHARE,
    NEWS_PUBLIC_SHARE,
    TOP_NETWORK_MEMBER_SHARE,
    Sizes,
    marked_synthetic,
    public_count,
)
from contacts.models import Contact, Organisation, Partnership
from events.models import Event
from initiatives.models import Initiative
from networks.models import Membership, Municipality, Network, NetworkItem, Topic
from news.models import NewsItem
from tests.events.factories import EventFactory
from tests.networks.factories import MunicipalityFactory, NetworkFactory

pytestmark = pytest.mark.django_db

SCALE = 0.001
TINY = Sizes().scaled(SCALE)
MODELS = {
    Topic: "topics",
    Municipality: "municipalities",
    Network: "networks",
    Organisation: "organisations",
    Contact: "contacts",
    Initiative: "initiatives",
    Event: "events",
    NewsItem: "news",
}
# Rows of the demo data and everything hanging on it, to prove that nothing else changed.
ALL_TABLES = [
    *MODELS,
    Membership,
    Partnership,
    NetworkItem,
    Event.networks.through,
    Event.topics.through,
    Initiative.municipalities.through,
    NewsItem.networks.through,
    Contact.networks.through,
]


def fill(**options):
    call_command(Command(), scale=SCALE, force_non_debug=True, stdout=io.StringIO(), **options)


def row_counts():
    return {model._meta.label: model.objects.count() for model in ALL_TABLES}


def mine(model):
    return model.objects.filter(marked_synthetic(model))


def test_the_default_sizes_are_a_decade_of_a_large_portal():
    sizes = Sizes()
    assert (sizes.municipalities, sizes.networks, sizes.memberships) == (2_046, 208, 19_459)
    assert (sizes.initiatives, sizes.events, sizes.contacts) == (10_059, 100_008, 2_007)
    assert public_count(sizes.events, EVENT_PUBLIC_SHARE) == 92_000
    assert public_count(sizes.news, NEWS_PUBLIC_SHARE) == 18_000


def test_the_biggest_network_has_its_share_and_most_are_small():
    weights = synthetic._zipf_with_top_share(208, TOP_NETWORK_MEMBER_SHARE)
    sizes = synthetic._apportion(19_459, weights, [2_046] * 208)
    assert sum(sizes) == 19_459
    assert 1_900 <= sizes[0] <= 2_100
    assert sorted(sizes)[104] < 100  # the median network
    assert synthetic._apportion(10, [1, 1, 1], [2, 2, 2]) == [2, 2, 2]


def test_fills_the_sizes_with_records_that_pass_validation():
    fill()
    for model, size in MODELS.items():
        assert mine(model).count() == getattr(TINY, size), model
    assert Membership.objects.filter(network__in=mine(Network)).count() == TINY.memberships
    assert Partnership.objects.filter(network__in=mine(Network)).count() == TINY.partnerships
    assert NetworkItem.objects.filter(network__in=mine(Network)).count() == TINY.network_items
    for model in MODELS:
        for record in mine(model):
            record.full_clean()
    for membership in Membership.objects.filter(network__in=mine(Network)):
        membership.full_clean()
    assert all(ags.startswith("99") for ags in mine(Municipality).values_list("ags", flat=True))
    assert all(record.slug.startswith("syn-") for model in MODELS for record in mine(model))
    # Synthetic records link only to synthetic records.
    assert (
        not Event.objects.filter(marked_synthetic(Event))
        .exclude(networks__isnull=True)
        .exclude(networks__in=mine(Network))
        .exists()
    )
    assert (
        not Membership.objects.filter(network__in=mine(Network))
        .exclude(municipality__in=mine(Municipality))
        .exists()
    )


def test_the_public_sees_the_shares_it_should():
    fill()
    now = timezone.now()
    events = mine(Event)
    assert events.public().count() == public_count(TINY.events, EVENT_PUBLIC_SHARE)
    for event in events.not_public():
        assert event.status in (Event.Status.DRAFT, Event.Status.SUBMITTED) or (
            event.status == Event.Status.PUBLISHED and event.publish_at > now
        )
    news = mine(NewsItem)
    assert news.public().count() == public_count(TINY.news, NEWS_PUBLIC_SHARE)
    assert mine(Contact).public().count() == public_count(TINY.contacts, CONTACT_PUBLIC_SHARE)
    # Ten years around today: nine back, one ahead (drafts for the coming months).
    starts = list(events.values_list("start", flat=True))
    assert min(starts) > now - timedelta(days=9 * 365 + 2)
    assert max(starts) < now + timedelta(days=366)
    assert events.public().upcoming().exists() and events.public().past().exists()


def test_the_same_seed_gives_the_same_records():
    fill(seed=7)
    first = list(mine(Event).order_by("slug").values_list("slug", "title", "kind"))
    call_command(Command(), clear=True, force_non_debug=True, stdout=io.StringIO())
    fill(seed=7)
    assert list(mine(Event).order_by("slug").values_list("slug", "title", "kind")) == first


@pytest.mark.parametrize(
    "real",
    [
        lambda: NetworkFactory(slug="echtes-netzwerk"),
        lambda: MunicipalityFactory(slug="echte-stadt"),
        lambda: EventFactory(slug="echte-sitzung"),
        lambda: NetworkFactory(slug="syn-ohne-kennzeichen"),
        lambda: Revision.objects.create(
            date_created=timezone.now(),
            user=_staff("redakteurin", is_staff=True),
            comment="Von Hand geändert",
        ),
        lambda: _staff("chefredaktion", is_superuser=True),
    ],
    ids=["network", "municipality", "event", "syn-slug-without-sources", "revision", "staff"],
)
@pytest.mark.parametrize("clear", [False, True], ids=["fill", "clear"])
def test_refuses_a_database_with_real_content_and_changes_nothing(real, clear):
    real()
    before = row_counts()
    with pytest.raises(CommandError, match="nicht angefasst"):
        fill(clear=clear)
    assert row_counts() == before


def test_refuses_without_debug():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command(Command(), scale=SCALE, stdout=io.StringIO())
    assert not any(synthetic.synthetic_counts().values())


def test_refuses_to_fill_twice():
    fill()
    with pytest.raises(CommandError, match="--clear"):
        fill()


def test_clear_removes_the_synthetic_records_only():
    before = row_counts()
    fill()
    assert row_counts() != before
    call_command(Command(), clear=True, force_non_debug=True, stdout=io.StringIO())
    assert row_counts() == before
    assert not any(synthetic.synthetic_counts().values())


def _staff(username, **flags):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username, password="x-Geheim-123", **flags)
