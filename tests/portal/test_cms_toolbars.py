"""The CMS toolbar on a record's public page."""

import pytest

from networks.models import Network

pytestmark = pytest.mark.django_db


def test_toolbar_leads_an_editor_from_the_public_page_to_the_admin(client, admin_user):
    network = Network.objects.get(short_name="BraNEK")
    client.force_login(admin_user)
    page = client.get(network.get_absolute_url() + "?toolbar_on").content.decode()
    assert f"/admin/networks/network/{network.pk}/change/" in page


def test_visitors_get_no_toolbar(client):
    network = Network.objects.get(short_name="BraNEK")
    page = client.get(network.get_absolute_url()).content.decode()
    assert "/admin/networks/network/" not in page


@pytest.fixture
def cottbus_editor():
    from networks.models import Municipality
    from tests.portal.factories import CityEditorFactory

    return CityEditorFactory(municipalities=[Municipality.objects.get(slug="cottbus")])


def test_the_toolbar_names_the_portal_and_helps_in_german(client, cottbus_editor, settings):
    client.force_login(cottbus_editor)
    page = client.get("/staedte/cottbus/?toolbar_on").content.decode()

    assert "example.com" not in page
    assert settings.SITE_NAME in page
    assert "Anleitung für die Redaktion" in page
    assert "docs.django-cms.org" not in page and "discord" not in page.lower()


def _imprint_in_edit_mode(client):
    from cms.models import PageContent
    from cms.toolbar.utils import get_object_edit_url

    content = PageContent.objects.get(page__reverse_id="impressum", language="de")
    return client.get(get_object_edit_url(content), follow=True).content.decode()


def test_the_toolbar_offers_no_entry_the_person_may_not_use(client, cottbus_editor):
    client.force_login(cottbus_editor)
    page = _imprint_in_edit_mode(client)

    for entry in ["Neue Seite", "Neue Unterseite", "Seite löschen", "Diese Seite duplizieren"]:
        assert entry not in page, entry


def test_an_administrator_keeps_every_entry(client, admin_user):
    client.force_login(admin_user)
    page = _imprint_in_edit_mode(client)
    assert "Neue Seite" in page and "Neue Unterseite" in page


def test_the_staff_guide_explains_the_steps_to_staff_only(client, cottbus_editor):
    assert client.get("/admin/anleitung/").status_code == 302  # to the login
    client.force_login(cottbus_editor)
    page = client.get("/admin/anleitung/").content.decode()
    for heading in [
        "Die Seite Ihrer Stadt bearbeiten",
        "Ein Bild oder Dokument hinzufügen",
        "Eine Veranstaltung einreichen",
        "Veröffentlichen (Geschäftsstelle)",
    ]:
        assert heading in page


def test_view_on_site_is_the_records_own_address(client, cottbus_editor):
    from networks.models import Municipality

    cottbus = Municipality.objects.get(slug="cottbus")
    client.force_login(cottbus_editor)
    response = client.get(f"/admin/networks/municipality/{cottbus.pk}/change/")

    assert response.context["absolute_url"] == "/staedte/cottbus/"
    assert "example.com" not in response.content.decode()
