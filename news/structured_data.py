"""schema.org descriptions of news items."""

from django.utils import timezone
from django.utils.html import strip_tags

from networks.structured_data import network_reference
from portal.dates import BERLIN
from portal.structured_data import image_urls, portal_organisation, without_empty


def _berlin(value):
    return timezone.localtime(value, BERLIN).isoformat() if value else None


def news_data(item, *, request):
    # An item edited before its publication date was not modified after it was published.
    modified = max(filter(None, [item.published, item.modified]), default=None)
    # The networks speak in their items; an item of no network is the portal's own.
    networks = [network_reference(network, request) for network in item.networks.all()]
    authors = networks or [portal_organisation(request)]
    return without_empty(
        {
            "@type": "NewsArticle",
            "headline": item.title[:110],
            "description": item.teaser,
            "articleBody": strip_tags(item.text),
            "url": request.build_absolute_uri(item.get_absolute_url()),
            "mainEntityOfPage": request.build_absolute_uri(item.get_absolute_url()),
            "datePublished": _berlin(item.published),
            "dateModified": _berlin(modified),
            "image": image_urls(item, request),
            "author": authors,
            "publisher": authors,
            "about": [
                {"@type": "Place", "name": municipality.name}
                for municipality in item.municipalities.all()
            ],
            "keywords": ", ".join(topic.name for topic in item.topics.all()),
            "inLanguage": "de",
        }
    )
