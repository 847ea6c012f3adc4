"""A network's events as a calendar and as feeds, under the network's page (mounted on the
networks' apphook, in its namespace: see portal.apphooks)."""

from django.urls import path

from events import calendar_views, feeds

urlpatterns = [
    path("<slug:slug>/kalender.ics", calendar_views.NetworkCalendarView.as_view(), name="calendar"),
    path("<slug:slug>/veranstaltungen.rss", feeds.NetworkEventFeed(), name="event-feed"),
    path("<slug:slug>/veranstaltungen.atom", feeds.NetworkEventAtomFeed(), name="event-feed-atom"),
]
