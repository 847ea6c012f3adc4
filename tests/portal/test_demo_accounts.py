import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

from events.workflow import can_publish
from networks.models import Municipality, Network
from portal.permissions import Scope
from tests.networks.factories import MunicipalityFactory, NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_places():
    if not Municipality.objects.filter(slug="cottbus").exists():
        MunicipalityFactory(slug="cottbus", name="Cottbus")
    if not Network.objects.filter(slug="arbeitskreis-soziale-stadt").exists():
        NetworkFactory(slug="arbeitskreis-soziale-stadt", name="Arbeitskreis Soziale Stadt")


def test_demo_accounts_are_refused_without_debug(settings, demo_places):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("create_demo_accounts", stdout=io.StringIO())
    assert not User.objects.filter(username__in=["redaktion-cottbus"]).exists()


def test_demo_accounts_get_their_roles_and_a_password_shown_once(settings, demo_places):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("create_demo_accounts", stdout=out)

    editor = User.objects.get(username="redaktion-cottbus")
    office = User.objects.get(username="geschaeftsstelle-soziale-stadt")
    assert editor.is_staff and office.is_staff
    assert Scope.of(editor).municipalities == {Municipality.objects.get(slug="cottbus").pk}
    network = Network.objects.get(slug="arbeitskreis-soziale-stadt")
    assert Scope.of(office).networks == {network.pk}
    assert can_publish(office, [network]) and not can_publish(editor)
    password = out.getvalue().split("Passwort: ")[1].split()[0]
    assert editor.check_password(password)

    again = io.StringIO()
    call_command("create_demo_accounts", stdout=again)
    assert "Passwort" not in again.getvalue()
    assert "besteht bereits" in again.getvalue()
