"""The plugins of every app, placed together on a CMS page."""

import pytest

from contacts.models import Contact
from events.models import Event
from networks.models import Network
from tests.events.factories import EventFactory
from tests.helpers import published_page

pytestmark = pytest.mark.django_db


def test_plugins_render_their_records(client, admin_user):
    network = Network.objects.get(name__icontains="Soziale Stadt")
    EventFactory(title="Sitzung im Plugin").networks.set([network])
    EventFactory(title="Entwurf im Plugin", status=Event.Status.DRAFT).networks.set([network])
    contact = Contact.objects.get(name="Angela Naundorf")
    url = published_page(
        admin_user,
        "plugin-test",
        ("UpcomingEventsPlugin", {"network": network, "count": 5}),
        ("NetworkMembersPlugin", {"network": network}),
        ("InitiativeTeaserPlugin", {"count": 2}),
        ("ContactCardPlugin", {"contact": contact}),
    )
    page = client.get(url).content.decode()
    assert "Sitzung im Plugin" in page
    assert "Entwurf im Plugin" not in page
    assert "Wriezen" in page  # a member city
    assert "Behlertstraße 3a" in page
