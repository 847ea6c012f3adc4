"""The event workflow: draft, submitted, published (now or from a set time), cancelled.
Event.objects.public() is the one rule for what the public sees."""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event
from tests.events.factories import EventFactory
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.portal.factories import CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now().replace(microsecond=0)


@pytest.fixture(autouse=True)
def _german():
    """German URLs and messages, whatever language an earlier test left active."""
    with translation.override("de"):
        yield


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def event_in(network, **fields):
    event = EventFactory(**fields)
    event.networks.set([network])
    return event


def test_scheduled_event_appears_exactly_when_due():
    due = NOW + timedelta(days=2)
    event = EventFactory(status=Event.Status.PUBLISHED, publish_at=due)

    assert event not in Event.objects.public(now=due - timedelta(seconds=1))
    assert event in Event.objects.public(now=due)
    assert event in Event.objects.public(now=due + timedelta(days=1))


def test_a_scheduled_event_goes_public_on_its_own(client):
    """The public views build their querysets once, at import; the event still appears when
    its time comes, without a job and without a restart."""
    due = timezone.now() + timedelta(seconds=1)
    event = EventFactory(status=Event.Status.PUBLISHED, publish_at=due)
    url = reverse("events:detail", kwargs={"slug": event.slug})

    assert client.get(url).status_code == 404
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.2)
    assert client.get(url).status_code == 200
    assert event in Event.objects.public()


@pytest.mark.parametrize("status", [Event.Status.DRAFT, Event.Status.SUBMITTED])
def test_drafts_and_submitted_events_appear_nowhere_public(client, status):
    event = EventFactory(status=status, title="Noch geheim, Sitzung")

    assert event not in Event.objects.public()
    assert client.get(reverse("events:detail", kwargs={"slug": event.slug})).status_code == 404
    assert "Noch geheim, Sitzung" not in client.get(reverse("events:list")).content.decode()


def test_cancelled_event_stays_visible_marked_as_cancelled(client):
    event = EventFactory(status=Event.Status.CANCELLED)

    assert event in Event.objects.public()
    response = client.get(reverse("events:detail", kwargs={"slug": event.slug}))
    assert response.status_code == 200
    assert "abgesagt" in response.content.decode()


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


def test_the_review_queue_holds_only_submitted_events_of_the_office():
    network, other_network = NetworkFactory(), NetworkFactory()
    office = NetworkOfficeFactory(networks=[network])
    submitted = event_in(network, status=Event.Status.SUBMITTED)
    event_in(network, status=Event.Status.DRAFT)
    event_in(other_network, status=Event.Status.SUBMITTED)

    queue = logged_in(office).get(
        reverse("admin:events_event_changelist"), {"arbeitsstand": "pruefen"}
    )

    assert list(queue.context["cl"].queryset) == [submitted]


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


def test_publish_at_is_set_by_publishers_only():
    city, network = MunicipalityFactory(), NetworkFactory()
    editor_client = logged_in(CityEditorFactory(municipalities=[city]))
    office_client = logged_in(NetworkOfficeFactory(networks=[network]))
    event = event_in(network, host_municipality=city, status=Event.Status.DRAFT)
    url = reverse("admin:events_event_change", args=[event.pk])

    assert "publish_at" not in editor_client.get(url).context["adminform"].form.fields
    assert "publish_at" in office_client.get(url).context["adminform"].form.fields


def test_staff_preview_a_draft_in_the_admin():
    city, other_city = MunicipalityFactory(), MunicipalityFactory()
    event = EventFactory(
        host_municipality=city,
        status=Event.Status.DRAFT,
        title="Entwurf zur Vorschau",
        description="Erster Absatz\n\nZweiter Absatz",
    )
    preview = reverse("admin:events_event_preview", args=[event.pk])

    response = logged_in(CityEditorFactory(municipalities=[city])).get(preview)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Entwurf zur Vorschau" in html
    assert "Entwurf – nicht öffentlich" in html
    assert "<p>Zweiter Absatz</p>" in html
    assert logged_in(CityEditorFactory(municipalities=[other_city])).get(preview).status_code == 403
    assert Client().get(preview).status_code == 302


def test_view_on_site_leads_to_the_preview_until_the_event_is_public():
    admin_client = logged_in(User.objects.create_superuser("ansicht", password=None))
    draft = EventFactory(status=Event.Status.DRAFT)
    public = EventFactory(status=Event.Status.PUBLISHED)

    draft_page = admin_client.get(reverse("admin:events_event_change", args=[draft.pk]))
    public_page = admin_client.get(reverse("admin:events_event_change", args=[public.pk]))

    assert draft_page.context["absolute_url"].endswith(
        reverse("admin:events_event_preview", args=[draft.pk])
    )
    assert public_page.context["absolute_url"] == public.get_absolute_url()
