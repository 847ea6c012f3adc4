"""The notices in the admin: network offices read them, administrators send them again, city
editors do not see them; nobody writes or changes them there."""

import pytest
from django.urls import reverse

from notices.models import Notice
from tests.helpers import logged_in
from tests.networks.factories import MunicipalityFactory, NetworkFactory
from tests.portal.factories import AdministratorFactory, CityEditorFactory, NetworkOfficeFactory

pytestmark = pytest.mark.django_db


def changelist():
    return reverse("admin:notices_notice_changelist")


@pytest.fixture
def failed():
    return Notice.objects.create(
        recipients="buero@example.org",
        subject="Zur Prüfung eingereicht: Sitzung",
        body="Text",
        status=Notice.Status.FAILED,
        attempts=1,
        error="ConnectionRefusedError: [Errno 111] Connection refused",
    )


def test_network_offices_read_the_notices_without_acting_on_them(failed):
    client = logged_in(NetworkOfficeFactory(networks=[NetworkFactory()]))

    response = client.get(changelist())

    assert response.status_code == 200
    html = response.content.decode()
    assert "Zur Prüfung eingereicht: Sitzung" in html
    assert "buero@example.org" in html
    assert "Fehlgeschlagen" in html
    assert "resend_notices" not in html
    change = client.get(reverse("admin:notices_notice_change", args=[failed.pk]))
    assert change.status_code == 200
    assert "Connection refused" in change.content.decode()
    assert 'name="_save"' not in change.content.decode()
    assert client.get(reverse("admin:notices_notice_add")).status_code == 403


def test_city_editors_do_not_see_the_notices(failed):
    client = logged_in(CityEditorFactory(municipalities=[MunicipalityFactory()]))

    assert client.get(changelist()).status_code == 403
    assert "E-Mail-Benachrichtigungen" not in client.get(reverse("admin:index")).content.decode()


def test_a_network_office_cannot_resend(failed, mailoutbox):
    client = logged_in(NetworkOfficeFactory(networks=[NetworkFactory()]))

    client.post(changelist(), {"action": "resend_notices", "_selected_action": [failed.pk]})

    assert mailoutbox == []
    failed.refresh_from_db()
    assert failed.status == Notice.Status.FAILED


def test_administrators_send_a_notice_again(failed, mailoutbox):
    client = logged_in(AdministratorFactory())

    response = client.post(
        changelist(), {"action": "resend_notices", "_selected_action": [failed.pk]}, follow=True
    )

    assert "1 Benachrichtigung gesendet." in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == Notice.Status.SENT
    assert failed.attempts == 2
    assert [message.to for message in mailoutbox] == [["buero@example.org"]]
