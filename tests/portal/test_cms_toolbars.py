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
