from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.throttling import client_address
from tests.accounts.helpers import PASSWORD, log_in, logged_in_user_id
from tests.helpers import logged_in

pytestmark = pytest.mark.django_db

LOCKED = "Anmeldung vorübergehend gesperrt"


def lock_out(client, user):
    """Wrong passwords up to the limit; the last one is answered with the lockout."""
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, user, "falsch")
        assert response.status_code == 200  # the form again, with its error
    return log_in(client, user, "falsch")


def test_the_settings_lock_by_account_and_address_for_a_while():
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=30)
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    middleware = settings.MIDDLEWARE
    assert middleware.index("axes.middleware.AxesMiddleware") > middleware.index(
        "django.contrib.auth.middleware.AuthenticationMiddleware"
    )


def test_wrong_passwords_lock_the_account_and_then_the_right_one_fails(editor):
    client = Client()
    response = lock_out(client, editor)
    assert response.status_code == 429

    response = log_in(client, editor)
    assert response.status_code == 429
    assert logged_in_user_id(client) is None
    html = response.content.decode()
    assert LOCKED in html
    assert "in 30 Minuten noch einmal" in html
    assert "auch mit dem richtigen Passwort" in html
    assert 'class="site-header"' in html  # the portal's design
    assert reverse("accounts:password-reset") in html
    assert response["Retry-After"] == "1800"
    # Each try while locked counts and starts the cool-off anew.
    attempt = AccessAttempt.objects.get(username=editor.username)
    assert attempt.failures_since_start == settings.AXES_FAILURE_LIMIT + 1


def test_the_lock_holds_for_that_address_and_that_account_only(editor, chief):
    lock_out(Client(), editor)

    elsewhere = Client(REMOTE_ADDR="192.0.2.44")
    assert log_in(elsewhere, editor).status_code == 302
    assert logged_in_user_id(elsewhere) == str(editor.pk)

    other_account = Client()
    assert log_in(other_account, chief).status_code == 302


def test_the_lock_ends_after_the_cool_off(editor):
    client = Client()
    lock_out(client, editor)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))
    assert log_in(client, editor).status_code == 302
    assert logged_in_user_id(client) == str(editor.pk)


@override_settings(AXES_COOLOFF_TIME=timedelta(minutes=5))
def test_the_cool_off_is_a_setting(editor):
    response = lock_out(Client(), editor)
    assert "in 5 Minuten noch einmal" in response.content.decode()
    assert response["Retry-After"] == "300"


def test_a_success_before_the_limit_forgets_the_failures(editor):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, editor, "falsch")
    assert log_in(client, editor).status_code == 302
    assert not AccessAttempt.objects.filter(username=editor.username).exists()


def test_an_administrator_sees_the_lock_and_lifts_it(editor, admin_user):
    client = Client()
    lock_out(client, editor)
    attempt = AccessAttempt.objects.get(username=editor.username)

    admin = logged_in(admin_user)
    changelist = admin.get("/admin/axes/accessattempt/")
    assert changelist.status_code == 200
    assert editor.username in changelist.content.decode()
    assert admin.get("/admin/axes/accesslog/").status_code == 200
    response = admin.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(pk=attempt.pk).exists()

    assert log_in(client, editor).status_code == 302
    assert logged_in_user_id(client) == str(editor.pk)


def test_editors_do_not_see_the_attempts(editor):
    assert logged_in(editor).get("/admin/axes/accessattempt/").status_code == 403


def test_the_toolbar_login_is_throttled_too(editor):
    client = Client()
    url = f"{reverse('cms_login')}?next=/"
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(url, {"username": editor.username, "password": "falsch"})
        assert response.status_code == 302
        assert "cms_toolbar_login_error=1" in response["Location"]
    response = client.post(url, {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 302  # below the limit the right password still works
    client.post("/admin/logout/")

    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(url, {"username": editor.username, "password": "falsch"})
    assert response.status_code == 429
    response = client.post(url, {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert logged_in_user_id(client) is None


@override_settings(LOGIN_TRUSTED_PROXIES=1)
def test_behind_a_proxy_the_address_it_saw_counts():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7"
    )
    # 203.0.113.9 is what the client claimed itself; the proxy saw 198.51.100.7.
    assert client_address(request) == "198.51.100.7"


def test_without_a_proxy_the_forwarded_header_is_ignored():
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_address(request) == "10.0.0.1"
