from django.urls import path

from initiatives import feeds, views

app_name = "initiatives"
urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    path("feed.rss", feeds.InitiativeFeed(), name="feed"),
    path("feed.atom", feeds.InitiativeAtomFeed(), name="feed-atom"),
    path("<slug:slug>/", views.InitiativeDetailView.as_view(), name="detail"),
]
