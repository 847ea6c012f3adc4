"""The event workflow: draft, submitted, published (now or from a set time), cancelled, and
who takes each step."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from events.models import Event
from tests.helpers import event_in, logged_in
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.portal.factories import CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


def test_city_editor_drafts_and_submits_and_the_network_office_publishes():
    city, network = MunicipalityFactory(), NetworkFactory()
    editor = CityEditorFactory(municipalities=[city])
    office = NetworkOfficeFactory(networks=[network])
    event = event_in(network, host_municipality=city, status=Event.Status.DRAFT)
    changelist = reverse("admin:events_event_changelist")

    logged_in(editor).post(changelist, {"action": "submit_events", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED
    assert event not in Event.objects.public()

    office_client = logged_in(office)
    queue = office_client.get(changelist, {"arbeitsstand": "pruefen"})
    assert list(queue.context["cl"].queryset) == [event]
    assert "Prüfliste: 1 eingereicht" in office_client.get(changelist).content.decode()

    office_client.post(changelist, {"action": "publish_events", "_selected_action": [event.pk]})
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert event in Event.objects.public()


def test_publishing_for_later_keeps_the_event_hidden_until_then():
    network = NetworkFactory()
    office = NetworkOfficeFactory(networks=[network])
    due = NOW + timedelta(days=1)
    event = event_in(network, status=Event.Status.SUBMITTED, publish_at=due)

    response = logged_in(office).post(
        reverse("admin:events_event_changelist"),
        {"action": "publish_events", "_selected_action": [event.pk]},
        follow=True,
    )

    assert "erscheint erst ab" in response.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert event not in Event.objects.public(now=due - timedelta(minutes=1))
    assert event in Event.objects.public(now=due)
    planned = logged_in(office).get(
        reverse("admin:events_event_changelist"), {"arbeitsstand": "geplant"}
    )
    assert list(planned.context["cl"].queryset) == [event]


def test_only_the_office_of_the_events_network_publishes():
    network, other_network = NetworkFactory(), NetworkFactory()
    event = event_in(network, status=Event.Status.SUBMITTED)
    office_elsewhere = NetworkOfficeFactory(networks=[other_network])

    response = logged_in(office_elsewhere).post(
        reverse("admin:events_event_changelist"),
        {"action": "publish_events", "_selected_action": [event.pk]},
    )

    assert response.status_code == 403
    event.refresh_from_db()
    assert event.status == Event.Status.SUBMITTED


def test_the_office_sends_an_event_back_with_a_reason():
    network = NetworkFactory()
    event = event_in(network, status=Event.Status.SUBMITTED)
    client = logged_in(NetworkOfficeFactory(networks=[network]))
    changelist = reverse("admin:events_event_changelist")
    action = {"action": "send_back_events", "_selected_action": [event.pk]}

    asked = client.post(changelist, action)
    without_reason = client.post(changelist, {**action, "reason": " "})
    event.refresh_from_db()
    assert asked.status_code == 200 and "Begründung" in asked.content.decode()
    assert "Bitte eine Begründung angeben." in without_reason.content.decode()
    assert event.status == Event.Status.SUBMITTED

    done = client.post(changelist, {**action, "reason": "Bitte den Ort ergänzen."})

    assert done.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT
    comments = Version.objects.get_for_object(event).values_list("revision__comment", flat=True)
    assert any("Bitte den Ort ergänzen." in comment for comment in comments)
