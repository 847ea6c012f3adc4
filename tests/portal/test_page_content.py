"""Free content on record pages: edited in django-cms' edit and structure mode by exactly
those who may change the record, kept in the record's history, undone and recovered with it,
and never deleted from under a published page."""

from urllib.parse import urlencode

import pytest
from cms.api import add_plugin
from cms.models import CMSPlugin
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from events.models import Event
from networks.models import Network
from tests.events.factories import EventFactory
from tests.helpers import logged_in
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.portal.factories import CityEditorFactory

pytestmark = pytest.mark.django_db


def add_text(client, record, text):
    """Add a text plugin to the record's page the way the structure mode does."""
    placeholder = record.content_placeholder
    query = {
        "cms_path": record.get_absolute_url(),
        "placeholder_id": placeholder.pk,
        "plugin_type": "TextPlugin",
        "plugin_language": "de",
        "plugin_position": placeholder.get_next_plugin_position("de", insert_order="last"),
    }
    url = f"{reverse('admin:cms_placeholder_add_plugin')}?{urlencode(query)}"
    return client.post(url, {"body": f"<p>{text}</p>"})


def delete_plugin(client, record, plugin):
    query = urlencode({"cms_path": record.get_absolute_url()})
    url = reverse("admin:cms_placeholder_delete_plugin", args=[plugin.pk])
    return client.post(f"{url}?{query}", {"post": "yes"})


@pytest.fixture
def city():
    return MunicipalityFactory(name="Inhaltsstadt", slug="inhaltsstadt")


@pytest.fixture
def editor(city):
    return CityEditorFactory(municipalities=[city])


@pytest.mark.parametrize("endpoint", [get_object_edit_url, get_object_structure_url])
def test_edit_and_structure_mode_open_for_those_who_may_change_the_record(city, editor, endpoint):
    other_editor = CityEditorFactory(municipalities=[MunicipalityFactory()])

    assert logged_in(editor).get(endpoint(city)).status_code == 200
    assert logged_in(other_editor).get(endpoint(city)).status_code in (302, 403, 404)
    assert Client().get(endpoint(city)).status_code == 302  # to the login


def test_added_content_is_public_and_in_the_history(city, editor):
    client = logged_in(editor)

    response = add_text(client, city, "Neuer Absatz der Redaktion")

    assert response.status_code == 200
    assert "Neuer Absatz der Redaktion" in Client().get(city.get_absolute_url()).content.decode()
    comments = Version.objects.get_for_object(city).values_list("revision__comment", flat=True)
    assert "Seiteninhalt: Element hinzugefügt." in comments


def test_a_content_change_can_be_undone(city, editor):
    client = logged_in(editor)
    add_text(client, city, "Bleibt stehen")
    before = Version.objects.get_for_object(city).latest("revision__date_created")
    add_text(client, city, "Wird zurückgenommen")
    assert "Wird zurückgenommen" in Client().get(city.get_absolute_url()).content.decode()

    url = reverse("admin:networks_municipality_revision", args=[city.pk, before.pk])
    form = client.get(url)
    assert form.status_code == 200
    response = client.post(url, _posted(form))

    assert response.status_code == 302, response.content.decode()[:2000]
    page = Client().get(city.get_absolute_url()).content.decode()
    assert "Bleibt stehen" in page
    assert "Wird zurückgenommen" not in page


def test_deleted_content_can_be_brought_back(city, editor):
    client = logged_in(editor)
    add_text(client, city, "Versehentlich gelöscht")
    plugin = CMSPlugin.objects.get(placeholder=city.content_placeholder)
    with_text = Version.objects.get_for_object(city).latest("revision__date_created")

    assert delete_plugin(client, city, plugin).status_code in (200, 302)
    assert "Versehentlich gelöscht" not in Client().get(city.get_absolute_url()).content.decode()

    url = reverse("admin:networks_municipality_revision", args=[city.pk, with_text.pk])
    client.post(url, _posted(client.get(url)))
    assert "Versehentlich gelöscht" in Client().get(city.get_absolute_url()).content.decode()


def test_a_recovered_record_comes_back_with_its_content(admin_user):
    client = logged_in(admin_user)
    network = NetworkFactory(name="Wiederkehrendes Netzwerk", slug="wiederkehrend")
    add_text(client, network, "Inhalt des Netzwerks")

    client.post(reverse("admin:networks_network_delete", args=[network.pk]), {"post": "yes"})
    assert not Network.objects.filter(slug="wiederkehrend").exists()
    deleted = Version.objects.get_deleted(Network).get(object_id=str(network.pk))
    url = reverse("admin:networks_network_recover", args=[deleted.pk])
    client.post(url, _posted(client.get(url)))

    network = Network.objects.get(slug="wiederkehrend")
    assert "Inhalt des Netzwerks" in Client().get(network.get_absolute_url()).content.decode()


def test_a_network_on_a_published_page_is_not_deleted_from_under_it(admin_user):
    network = NetworkFactory(name="Gezeigtes Netzwerk")
    from cms.models import PageContent

    content = PageContent.objects.get(page__reverse_id="start", language="de")
    add_plugin(
        content.get_placeholders().get(slot="content"),
        "NetworkMembersPlugin",
        "de",
        network=network,
    )
    client = logged_in(admin_user)

    confirmation = client.get(reverse("admin:networks_network_delete", args=[network.pk]))
    response = client.post(
        reverse("admin:networks_network_delete", args=[network.pk]), {"post": "yes"}
    )

    assert "geschützt" in confirmation.content.decode()
    assert response.status_code in (200, 403)
    assert Network.objects.filter(pk=network.pk).exists()


def test_editors_see_and_edit_the_content_of_their_event_drafts(city, editor):
    draft = EventFactory(
        host_municipality=city, status=Event.Status.DRAFT, title="Entwurf mit Text"
    )
    add_plugin(draft.content_placeholder, "TextPlugin", "de", body="<p>Noch nicht öffentlich</p>")

    page = logged_in(editor).get(get_object_edit_url(draft))
    preview = logged_in(editor).get(reverse("admin:events_event_preview", args=[draft.pk]))

    assert page.status_code == 200
    assert "Noch nicht öffentlich" in page.content.decode()
    assert "Noch nicht öffentlich" in preview.content.decode()
    assert Client().get(draft.get_absolute_url()).status_code == 404


def _posted(form_response):
    """The admin's own form data, as a person submitting it unchanged would send it."""
    from tests.admin_forms import admin_form_data

    return admin_form_data(form_response)
