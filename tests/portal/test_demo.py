import io

import pytest
from cms.models import Page, PageContent
from django.apps import apps
from django.core.management import CommandError, call_command

from networks.models import Membership, Municipality, Network

pytestmark = pytest.mark.django_db

PORTAL_APPS = ["networks", "contacts", "initiatives", "events", "news"]


def row_counts():
    counts = {
        model._meta.label: model.objects.count()
        for app in PORTAL_APPS
        for model in apps.get_app_config(app).get_models()
    }
    counts["cms.Page"] = Page.objects.count()
    counts["cms.PageContent"] = PageContent.admin_manager.count()
    return counts


def test_loading_the_demo_data_twice_changes_nothing():
    before = row_counts()  # loaded once by the session fixture
    call_command("load_demo_data", stdout=io.StringIO())
    assert row_counts() == before


def test_demo_data_is_complete():
    assert Network.objects.count() >= 5
    assert Municipality.objects.count() == 46
    assert Membership.objects.filter(network__name__icontains="Soziale Stadt").count() == 27
    assert Network.objects.get(name__icontains="Soziale Stadt").stated_member_count == 26


def test_page_tree_is_published_for_visitors(client):
    for path in [
        "/",
        "/netzwerke/",
        "/staedte/",
        "/initiativen/",
        "/veranstaltungen/",
        "/kontakte/",
        "/impressum/",
        "/datenschutz/",
        "/barrierefreiheit/",
    ]:
        assert client.get(path).status_code == 200, path


def test_reloading_keeps_what_editors_changed():
    cottbus = Municipality.objects.get(slug="cottbus")
    cottbus.website = "https://www.cottbus.de/neu"
    cottbus.save()
    network = Network.objects.get(slug="arbeitskreis-soziale-stadt")
    network.topics.clear()

    call_command("load_demo_data", stdout=io.StringIO())

    cottbus.refresh_from_db()
    assert cottbus.website == "https://www.cottbus.de/neu"
    assert not network.topics.exists()


def test_a_reset_restores_the_demo_values_and_only_in_development(settings):
    cottbus = Municipality.objects.get(slug="cottbus")
    original = cottbus.website
    Municipality.objects.filter(pk=cottbus.pk).update(website="https://geaendert.example")

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo_data", "--reset", stdout=io.StringIO())
    cottbus.refresh_from_db()
    assert cottbus.website == "https://geaendert.example"

    settings.DEBUG = True
    call_command("load_demo_data", "--reset", stdout=io.StringIO())
    cottbus.refresh_from_db()
    assert cottbus.website == original
