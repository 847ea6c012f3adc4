"""Events in the database: the constraints and the one rule for what the public sees,
Event.objects.public()."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event
from tests.events.factories import EventFactory
from tests.helpers import refused

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def test_event_end_before_start_is_refused():
    start = timezone.now() + timedelta(days=3)
    refused(lambda: EventFactory(start=start, end=start - timedelta(hours=1)))


def test_event_end_equal_to_start_is_allowed():
    start = timezone.now() + timedelta(days=3)
    assert EventFactory(start=start, end=start).pk


def test_scheduled_event_appears_exactly_when_due():
    due = NOW + timedelta(days=2)
    event = EventFactory(status=Event.Status.PUBLISHED, publish_at=due)

    assert event not in Event.objects.public(now=due - timedelta(seconds=1))
    assert event in Event.objects.public(now=due)
    assert event in Event.objects.public(now=due + timedelta(days=1))
