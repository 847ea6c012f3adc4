"""The events' admin: the review queue, the publication time, the preview."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from events.models import Event
from tests.events.factories import EventFactory
from tests.helpers import event_in, logged_in
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.portal.factories import CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db


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
