"""The base of the portal's RSS and Atom feeds."""

import copy

from django.contrib.syndication.views import Feed

FEED_LIMIT = 50


class PortalFeed(Feed):
    """A feed whose links name the host the request came to. Django would take the domain of
    the Sites framework, which the operator of the portal never has to set otherwise."""

    def __call__(self, request, *args, **kwargs):
        # One feed object serves every request: give each request its own copy to hold it.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def item_link(self, item):
        return self.absolute(item.get_absolute_url())
