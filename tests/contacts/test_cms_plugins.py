"""The contact card editors place on CMS pages."""

import pytest

from contacts.models import Contact
from tests.helpers import published_page

pytestmark = pytest.mark.django_db


def test_contact_card_of_a_contact_made_non_public_shows_nothing(client, admin_user):
    contact = Contact.objects.get(name="Angela Naundorf")
    url = published_page(admin_user, "karte-test", ("ContactCardPlugin", {"contact": contact}))
    assert "Behlertstraße 3a" in client.get(url).content.decode()
    contact.is_public = False
    contact.save()  # as the admin does: a new generation, also of django-cms' cached pages
    assert "Behlertstraße 3a" not in client.get(url).content.decode()
