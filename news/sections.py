"""The latest news of a network or a municipality, on its page (see portal.sections)."""

from django.urls import reverse

from news.models import NewsItem

LATEST = 3


def _latest(items, **data):
    items = items.select_related("image").prefetch_related("networks").newest_first()
    return {"items": list(items[:LATEST]), **data}


def network_news(network):
    return _latest(
        NewsItem.objects.public().in_network(network),
        record=network,
        list_url=f"{reverse('news:list')}?network={network.slug}",
        feed_url=reverse("networks:news-feed", args=[network.slug]),
        atom_url=reverse("networks:news-feed-atom", args=[network.slug]),
    )


def municipality_news(municipality):
    return _latest(
        NewsItem.objects.public().about(municipality),
        record=municipality,
        list_url=f"{reverse('news:list')}?municipality={municipality.slug}",
        feed_url=reverse("municipalities:news-feed", args=[municipality.slug]),
        atom_url=reverse("municipalities:news-feed-atom", args=[municipality.slug]),
    )
