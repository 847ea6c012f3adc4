"""Every RSS and Atom feed, read as feed readers read it (feedparser): the items carry their
records' times and an author, and the feed's own date changes only when an item does."""

import calendar
from datetime import UTC, datetime, timedelta

import feedparser
import pytest
from django.test import override_settings
from django.utils import timezone

from events.models import Event
from portal.caching import changed_at

pytestmark = pytest.mark.django_db

FEEDS = [
    "/veranstaltungen/feed.rss",
    "/veranstaltungen/feed.atom",
    "/netzwerke/feednetz/veranstaltungen.rss",
    "/netzwerke/feednetz/veranstaltungen.atom",
    "/aktuelles/feed.rss",
    "/aktuelles/feed.atom",
    "/initiativen/feed.rss",
    "/initiativen/feed.atom",
    "/netzwerke/feednetz/initiativen.rss",
    "/netzwerke/feednetz/initiativen.atom",
]
PORTAL = "Netzwerke der Städte und Gemeinden in Brandenburg"


def read(client, url):
    with override_settings(PAGE_CACHE_SKIP=("/",)):  # rendered anew, not the cached copy
        response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return feed


def seconds(parsed_time):
    return calendar.timegm(parsed_time)


def entry_titled(feed, title):
    return next(entry for entry in feed.entries if entry.title == title)


@pytest.mark.parametrize("url", FEEDS)
def test_items_carry_times_and_an_author(client, feed_network, url):
    feed = read(client, url)
    assert feed.entries
    for entry in feed.entries:
        assert entry.get("author"), entry.title
        assert entry.get("published_parsed"), entry.title
        if url.endswith(".atom"):
            assert entry.get("updated_parsed"), entry.title
            assert seconds(entry.updated_parsed) >= seconds(entry.published_parsed)
    if url.endswith(".atom"):
        newest = max(seconds(entry.updated_parsed) for entry in feed.entries)
        assert seconds(feed.feed.updated_parsed) == newest
        assert feed.feed.author == PORTAL
    else:  # RSS items have no change time; the channel's is still the newest item's
        newest = max(seconds(entry.published_parsed) for entry in feed.entries)
        assert seconds(feed.feed.updated_parsed) >= newest


@pytest.mark.parametrize("url", ["/veranstaltungen/feed.atom", "/veranstaltungen/feed.rss"])
def test_the_feed_date_changes_only_when_an_item_does(client, feed_network, url):
    first = read(client, url).feed.updated
    assert read(client, url).feed.updated == first
    later = timezone.now() + timedelta(days=1)
    Event.objects.filter(title="Feedsitzung").update(modified=later)
    changed = read(client, url)
    assert seconds(changed.feed.updated_parsed) == int(later.timestamp())
    if url.endswith(".atom"):
        updated = entry_titled(changed, "Feedsitzung").updated_parsed
        assert seconds(updated) == int(later.timestamp())


def test_an_event_item_appeared_when_the_event_was_announced(client, feed_network):
    event = Event.objects.get(title="Feedsitzung")
    entry = entry_titled(read(client, "/veranstaltungen/feed.rss"), "Feedsitzung")
    assert seconds(entry.published_parsed) == int(event.created.timestamp())
    assert entry.author == "Feednetz"
    # Published at a set time: then it appeared.
    publish_at = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    Event.objects.filter(pk=event.pk).update(publish_at=publish_at)
    entry = entry_titled(read(client, "/veranstaltungen/feed.rss"), "Feedsitzung")
    assert seconds(entry.published_parsed) == int(publish_at.timestamp())


def test_a_record_without_recorded_times(client, feed_network):
    """Records from before times were recorded: RSS names no date, Atom the feed's."""
    Event.objects.filter(title="Fremde Sitzung").update(created=None, modified=None)
    rss = read(client, "/veranstaltungen/feed.rss")
    assert not entry_titled(rss, "Fremde Sitzung").get("published_parsed")
    atom = read(client, "/veranstaltungen/feed.atom")
    assert entry_titled(atom, "Fremde Sitzung").updated_parsed == atom.feed.updated_parsed


def test_an_empty_feed_is_dated_by_the_last_change(client, feed_network):
    url = "/netzwerke/feednetz/aktuelles.atom"
    feed = read(client, url)
    assert not feed.entries
    assert seconds(feed.feed.updated_parsed) == int(changed_at().timestamp())
    assert read(client, url).feed.updated == feed.feed.updated
