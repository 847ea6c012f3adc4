import re
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.accounts.helpers import log_in, logged_in_user_id

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Spreewald-Gurke-2032"


def ask_for_reset(client, email):
    return client.post(reverse("accounts:password-reset"), {"email": email}, follow=True)


def reset_link():
    (message,) = mail.outbox
    return re.search(r"^(http\S+)$", message.body, re.MULTILINE).group(1)


def test_the_admin_login_leads_to_the_reset():
    html = Client().get("/admin/login/").content.decode()
    assert "Passwort vergessen?" in html
    assert f'href="{reverse("accounts:password-reset")}"' in html


def test_the_reset_form_is_german():
    response = Client().get(reverse("accounts:password-reset"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Passwort vergessen" in html
    assert "E-Mail-Adresse" in html
    assert "Verwaltung: Netzwerke der Städte und Gemeinden in Brandenburg" in html


def test_known_and_unknown_addresses_get_the_same_answer(editor):
    known = ask_for_reset(Client(), editor.email)
    assert len(mail.outbox) == 1
    unknown = ask_for_reset(Client(), "niemand@example.org")
    assert len(mail.outbox) == 1  # no mail for an address without an account

    assert known.status_code == unknown.status_code == 200
    assert (
        known.redirect_chain
        == unknown.redirect_chain
        == [(reverse("accounts:password-reset-done"), 302)]
    )
    assert known.content == unknown.content
    assert "Wenn zu dieser Adresse ein Konto gehört" in known.content.decode()


def test_the_mail_is_german_and_its_link_sets_a_new_password(editor):
    ask_for_reset(Client(), editor.email.upper())
    (message,) = mail.outbox
    assert message.to == [editor.email]
    assert message.subject == f"Neues Passwort für {settings.SITE_NAME}"
    assert message.body.startswith("Guten Tag,")
    assert f"für Ihr Konto „{editor.username}“" in message.body
    assert "Der Link gilt 24 Stunden lang und nur einmal." in message.body
    link = reset_link()
    assert link.startswith(f"{settings.PORTAL_BASE_URL}/admin/passwort-neu/")

    client = Client()
    response = client.get(urlsplit(link).path)
    assert response.status_code == 302  # to a URL without the token (Django hides it)
    form_url = response["Location"]
    assert form_url.endswith("/neues-passwort/")
    form = client.get(form_url)
    assert form.status_code == 200
    assert "Bitte geben Sie Ihr neues Passwort zweimal ein." in form.content.decode()
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("accounts:password-reset-complete")
    assert "Ihr neues Passwort ist gespeichert" in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    assert logged_in_user_id(client) is None  # the reset is no login

    again = Client().get(urlsplit(link).path, follow=True)
    assert "Dieser Link gilt nicht mehr" in again.content.decode()


def test_the_reset_lifts_a_lockout(editor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, editor, "falsch")
    assert response.status_code == 429

    ask_for_reset(Client(), editor.email)
    reset = Client()
    form_url = reset.get(urlsplit(reset_link()).path)["Location"]
    reset.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert not AccessAttempt.objects.filter(username=editor.username).exists()
    assert log_in(client, editor, NEW_PASSWORD).status_code == 302
    assert logged_in_user_id(client) == str(editor.pk)


def test_the_pages_are_english_under_en(editor):
    response = Client().get("/en" + reverse("accounts:password-reset"))
    assert response.status_code == 200
    assert '<html lang="en"' in response.content.decode()
