"""schema.org descriptions of news items."""

from django.utils import timezone
from django.utils.html import strip_tags

from networks.structured_data import network_reference
from portal.dates import BERLIN
from portal.structured_data import without_empty


def news_data(item, *, request):
    published = timezone.localtime(item.published, BERLIN).isoformat() if item.published else None
    image = item.image if item.image_id and item.image.is_usable else None
    return without_empty(
        {
            "@type": "NewsArticle",
            "headline": item.title[:110],
            "description": item.teaser,
            "articleBody": strip_tags(item.text),
            "url": request.build_absolute_uri(item.get_absolute_url()),
            "datePublished": published,
            "image": image and [request.build_absolute_uri(image.url)],
            "publisher": [network_reference(network, request) for network in item.networks.all()],
            "about": [
                {"@type": "Place", "name": municipality.name}
                for municipality in item.municipalities.all()
            ],
            "keywords": ", ".join(topic.name for topic in item.topics.all()),
            "inLanguage": "de",
        }
    )
