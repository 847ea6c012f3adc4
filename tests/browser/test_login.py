"""Logging in with a second factor through the admin, in headless Chromium: an administrator
with an authenticator app gives its code after the password; one without is led to set it up,
reads the key from the page and gets in with the app's first code. The accounts are committed
(the live server reads only committed data) and removed afterwards."""

import base64
import time

import pytest
from django.test import override_settings
from django_otp.oath import TOTP
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PASSWORD = "Havel-Geheim-2031!"


@pytest.fixture(scope="module")
def administrators(django_db_setup, django_db_blocker):
    from axes.models import AccessAttempt, AccessLog
    from django.contrib.auth.models import User
    from django.contrib.sessions.models import Session
    from django_otp.plugins.otp_totp.models import TOTPDevice

    names = ["browser-chefin-mit-app", "browser-chef-ohne-app"]
    with django_db_blocker.unblock():
        with_app, without_app = (
            User.objects.create_superuser(name, password=PASSWORD) for name in names
        )
        device = TOTPDevice.objects.create(user=with_app, name="Telefon", confirmed=True)
    yield with_app, without_app, device
    with django_db_blocker.unblock():
        users = User.objects.filter(username__in=names)
        ids = {str(pk) for pk in users.values_list("pk", flat=True)}
        for session in Session.objects.all():
            if session.get_decoded().get("_auth_user_id") in ids:
                session.delete()
        TOTPDevice.objects.filter(user__in=users).delete()
        AccessAttempt.objects.filter(username__in=names).delete()
        AccessLog.objects.filter(username__in=names).delete()
        users.delete()


@pytest.fixture
def second_factor_required():
    with override_settings(PORTAL_REQUIRE_2FA_FOR="superusers"):
        yield


def code_for(key: bytes) -> str:
    totp = TOTP(key)
    totp.time = time.time()
    return f"{totp.token():06d}"


def watch_console(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    return messages


def log_in(page, username):
    page.goto("/admin/login/")
    expect(page.get_by_role("link", name="Passwort vergessen?")).to_be_visible()
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()


def test_an_administrator_gives_the_code_from_the_app(page, administrators, second_factor_required):
    page.set_default_timeout(20_000)
    with_app, _without_app, device = administrators
    console = watch_console(page)

    log_in(page, with_app.username)
    page.wait_for_url("**/admin/zweiter-faktor/?next=/admin/")
    expect(page.get_by_role("heading", name="Zweiter Faktor")).to_be_visible()
    page.goto("/admin/auth/user/")  # the admin stays closed
    page.wait_for_url("**/admin/zweiter-faktor/?next=/admin/auth/user/")

    page.get_by_label("Code aus der Authenticator-App").fill("000000")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.locator(".errorlist")).to_contain_text("Der Code stimmt nicht.")

    page.wait_for_timeout(1_100)  # django-otp's wait after one wrong code: a second
    page.get_by_label("Code aus der Authenticator-App").fill(code_for(device.bin_key))
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url("**/admin/auth/user/")
    expect(page.locator("#user-tools")).to_contain_text(with_app.username)
    assert not page.foreign_requests
    assert not [text for text in console if "Content Security Policy" in text]


def test_an_administrator_without_an_app_sets_it_up(page, administrators, second_factor_required):
    page.set_default_timeout(20_000)
    _with_app, without_app, _device = administrators
    console = watch_console(page)

    log_in(page, without_app.username)
    page.wait_for_url("**/admin/zweiter-faktor/einrichten/?next=/admin/")
    expect(page.get_by_role("heading", name="Zweiten Faktor einrichten")).to_be_visible()
    qr_code = page.locator(".otp-qr-code svg")
    expect(qr_code).to_be_visible()
    box = qr_code.bounding_box()
    assert box["width"] >= 140  # large enough for a phone's camera ...
    form = page.locator("#content-main").bounding_box()
    assert box["x"] + box["width"] <= form["x"] + form["width"]  # ... and inside the page
    secret = page.locator(".otp-secret").inner_text()

    page.get_by_label("Code aus der Authenticator-App").fill(code_for(base64.b32decode(secret)))
    page.get_by_role("button", name="Einrichten und anmelden").click()
    page.wait_for_url("**/admin/")
    expect(page.locator("#user-tools")).to_contain_text(without_app.username)
    expect(page.locator("#user-tools")).not_to_contain_text("Zweiten Faktor einrichten")
    assert not page.foreign_requests
    assert not [text for text in console if "Content Security Policy" in text]
