from django.urls import path

from news import feeds, views

app_name = "news"
urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path("feed.rss", feeds.NewsFeed(), name="feed"),
    path("feed.atom", feeds.NewsAtomFeed(), name="feed-atom"),
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]
