"""A network's news as feeds, under the network's page (see portal.apphooks)."""

from django.urls import path

from news import feeds

urlpatterns = [
    path("<slug:slug>/aktuelles.rss", feeds.NetworkNewsFeed(), name="news-feed"),
    path("<slug:slug>/aktuelles.atom", feeds.NetworkNewsAtomFeed(), name="news-feed-atom"),
]
