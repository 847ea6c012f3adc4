from datetime import timedelta

import factory
from django.utils import timezone

from news.models import NewsItem


def _set(field):
    """Fill the many-to-many field `field` from a list: NewsItemFactory(networks=[network])."""

    def fill(item, create, extracted, **kwargs):
        if create and extracted:
            getattr(item, field).set(extracted)

    return factory.PostGeneration(fill)


class NewsItemFactory(factory.django.DjangoModelFactory):
    """A draft without a date; `public=True` for one the public sees (published an hour ago).
    Pass networks=[...], municipalities=[...], topics=[...]."""

    class Meta:
        model = NewsItem
        skip_postgeneration_save = True

    class Params:
        public = factory.Trait(
            status=NewsItem.Status.PUBLISHED,
            published=factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1)),
        )

    title = factory.Sequence(lambda n: f"Testmeldung {n}")
    slug = factory.Sequence(lambda n: f"testmeldung-{n}")
    teaser = "Worum es in dieser Meldung geht."
    status = NewsItem.Status.DRAFT
    published = None

    networks = _set("networks")
    municipalities = _set("municipalities")
    topics = _set("topics")
