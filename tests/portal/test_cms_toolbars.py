"""The CMS frame: plugins editors place on pages, detail-page placeholders, the toolbar."""

import pytest
from cms.api import add_plugin, create_page
from cms.models import PageContent
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from djangocms_versioning.models import Version

from contacts.models import Contact
from events.models import Event
from networks.models import Network
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_superuser("chefredaktion", password="x-Geheim-123")


def published_page(user, slug, *plugins):
    page = create_page(slug, "cms/page.html", "de", slug=slug, created_by=user)
    content = PageContent.admin_manager.get(page=page, language="de")
    placeholder = content.rescan_placeholders()["content"]
    for plugin_type, data in plugins:
        add_plugin(placeholder, plugin_type, "de", **data)
    Version.objects.get_for_content(content).publish(user)
    return f"/{slug}/"


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


def test_editor_content_in_a_detail_placeholder_is_shown(client):
    network = Network.objects.get(short_name="BraNEK")
    add_plugin(
        network.content_placeholder, "TextPlugin", "de", body="<p>Ergänzung der Redaktion</p>"
    )
    assert "Ergänzung der Redaktion" in client.get(network.get_absolute_url()).content.decode()


def test_toolbar_leads_an_editor_from_the_public_page_to_the_admin(client, admin_user):
    network = Network.objects.get(short_name="BraNEK")
    client.force_login(admin_user)
    page = client.get(network.get_absolute_url() + "?toolbar_on").content.decode()
    assert f"/admin/networks/network/{network.pk}/change/" in page


def test_visitors_get_no_toolbar(client):
    network = Network.objects.get(short_name="BraNEK")
    page = client.get(network.get_absolute_url()).content.decode()
    assert "/admin/networks/network/" not in page


def test_server_error_page_stands_alone():
    page = render_to_string("500.html")
    assert "Ein Fehler ist aufgetreten" in page
    assert '<html lang="de">' in page


def test_contact_card_of_a_contact_made_non_public_shows_nothing(client, admin_user):
    contact = Contact.objects.get(name="Angela Naundorf")
    url = published_page(admin_user, "karte-test", ("ContactCardPlugin", {"contact": contact}))
    assert "Behlertstraße 3a" in client.get(url).content.decode()
    Contact.objects.filter(pk=contact.pk).update(is_public=False)
    assert "Behlertstraße 3a" not in client.get(url).content.decode()
