"""The base of the portal's RSS and Atom feeds.

Every item carries the times of its record: published (RSS pubDate, Atom published) and last
changed (Atom updated), and an author: the networks or organisations it is of, or the portal.
The feed's own date is the newest of its items' times, so that it changes only when an item
does; a feed without items takes the time of the last change of content."""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from portal.caching import changed_at, conditional

FEED_LIMIT = 50


class _DatedByItems:
    def latest_post_date(self):
        dates = [
            item[key] for item in self.items for key in ("updateddate", "pubdate") if item[key]
        ]
        return max(dates, default=None) or changed_at()


class RssFeed(_DatedByItems, Rss201rev2Feed):
    pass


class AtomFeed(_DatedByItems, Atom1Feed):
    def add_item_elements(self, handler, item):
        # Atom requires each entry's time (RFC 4287, 4.1.2); a record from before changes were
        # recorded has none: the feed's date says at least when the entry was so.
        if item["updateddate"] is None:
            item = {**item, "updateddate": self.latest_post_date()}
        super().add_item_elements(handler, item)


class PortalFeed(Feed):
    """A feed whose links name the host the request came to. Django would take the domain of
    the Sites framework, which the operator of the portal never has to set otherwise."""

    feed_type = RssFeed

    def __call__(self, request, *args, **kwargs):
        return conditional(self._respond)(request, *args, **kwargs)

    def _respond(self, request, *args, **kwargs):
        # One feed object serves every request: give each request its own copy to hold it.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def author_name(self):
        return settings.SITE_NAME

    def item_link(self, item):
        return self.absolute(item.get_absolute_url())

    def item_pubdate(self, item):
        """When the record appeared; apps with a publication time of their own say so."""
        return item.created

    def item_updateddate(self, item):
        """When the record last changed, never before it appeared. Records from before changes
        were recorded (no times at all) take the feed's date: Atom requires one."""
        times = [time for time in (self.item_pubdate(item), item.modified) if time]
        return max(times, default=None)

    def item_authors(self, item):
        """The names of those the item is of (networks, organisations); none: the portal."""
        return []

    def item_author_name(self, item):
        return ", ".join(self.item_authors(item)) or settings.SITE_NAME
