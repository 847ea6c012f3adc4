from datetime import timedelta

import factory
from django.utils import timezone

from events.models import Event


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Testveranstaltung {n}")
    slug = factory.Sequence(lambda n: f"testveranstaltung-{n}")
    kind = Event.Kind.MEETING
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    status = Event.Status.PUBLISHED
