from django.urls import path

from initiatives.feeds import NetworkInitiativeAtomFeed, NetworkInitiativeFeed
from networks import calendar_views, feeds, views

app_name = "networks"
urlpatterns = [
    path("", views.NetworkListView.as_view(), name="list"),
    path("<slug:slug>/kalender.ics", calendar_views.NetworkCalendarView.as_view(), name="calendar"),
    path("<slug:slug>/veranstaltungen.rss", feeds.NetworkEventFeed(), name="event-feed"),
    path("<slug:slug>/veranstaltungen.atom", feeds.NetworkEventAtomFeed(), name="event-feed-atom"),
    path("<slug:slug>/initiativen.rss", NetworkInitiativeFeed(), name="initiative-feed"),
    path("<slug:slug>/initiativen.atom", NetworkInitiativeAtomFeed(), name="initiative-feed-atom"),
    path("<slug:slug>/", views.NetworkDetailView.as_view(), name="detail"),
]
