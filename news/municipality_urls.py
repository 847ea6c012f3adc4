"""A municipality's news as feeds, under its page (see portal.apphooks)."""

from django.urls import path

from news import feeds

urlpatterns = [
    path("<slug:slug>/aktuelles.rss", feeds.MunicipalityNewsFeed(), name="news-feed"),
    path("<slug:slug>/aktuelles.atom", feeds.MunicipalityNewsAtomFeed(), name="news-feed-atom"),
]
