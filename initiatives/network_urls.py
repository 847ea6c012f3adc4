"""A network's initiatives as feeds, under the network's page (mounted on the networks'
apphook, in its namespace: see portal.apphooks)."""

from django.urls import path

from initiatives import feeds

urlpatterns = [
    path("<slug:slug>/initiativen.rss", feeds.NetworkInitiativeFeed(), name="initiative-feed"),
    path(
        "<slug:slug>/initiativen.atom",
        feeds.NetworkInitiativeAtomFeed(),
        name="initiative-feed-atom",
    ),
]
