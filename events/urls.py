from django.urls import path

from events import calendar_views, feeds, views

app_name = "events"
urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("kalender.ics", calendar_views.FilteredEventCalendarView.as_view(), name="calendar"),
    path("alle.ics", calendar_views.EventCalendarView.as_view(), name="calendar-all"),
    path("archiv.ics", calendar_views.ArchiveCalendarView.as_view(), name="calendar-archive"),
    path(
        "themen/<slug:slug>/kalender.ics",
        calendar_views.TopicCalendarView.as_view(),
        name="topic-calendar",
    ),
    path("monat/", views.CurrentMonthView.as_view(), name="current-month"),
    path("monat/<int:year>/<int:month>/", views.EventMonthView.as_view(), name="month"),
    path("feed.rss", feeds.EventFeed(), name="feed"),
    path("feed.atom", feeds.EventAtomFeed(), name="feed-atom"),
    path(
        "<slug:slug>/kalender.ics",
        calendar_views.SingleEventCalendarView.as_view(),
        name="event-calendar",
    ),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="detail"),
]
