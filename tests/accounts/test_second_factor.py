import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.helpers import current_code, log_in, logged_in_user_id
from tests.helpers import logged_in

pytestmark = pytest.mark.django_db

VERIFY = "/admin/zweiter-faktor/"
SETUP = "/admin/zweiter-faktor/einrichten/"
superusers_must = override_settings(PORTAL_REQUIRE_2FA_FOR="superusers")
staff_must = override_settings(PORTAL_REQUIRE_2FA_FOR="staff")


def sent_to(response, step, next_url="/admin/"):
    return response.status_code == 302 and response["Location"] == (
        f"{step}?next={quote(next_url, safe='/')}"
    )


def settings_in_production(**env):
    """PORTAL_REQUIRE_2FA_FOR as the settings give it outside the tests."""
    environment = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://portal@db.invalid/portal",  # never connected to here
        **env,
    }
    script = "import portal.settings as s; print(s.PORTAL_REQUIRE_2FA_FOR)"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_second_factor_is_checked_right_after_the_login():
    middleware = settings.MIDDLEWARE
    auth = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    assert middleware[auth + 1 : auth + 3] == [
        "django_otp.middleware.OTPMiddleware",
        "accounts.middleware.SecondFactorMiddleware",
    ]


def test_administrators_must_give_a_second_factor_by_default():
    # The tests' settings turn it off (tests log in with force_login); here it is turned on.
    assert settings_in_production().stdout.strip() == "superusers"
    assert settings_in_production(PORTAL_REQUIRE_2FA_FOR="staff").stdout.strip() == "staff"
    wrong = settings_in_production(PORTAL_REQUIRE_2FA_FOR="admins")
    assert wrong.returncode != 0
    assert "PORTAL_REQUIRE_2FA_FOR muss superusers, staff oder none sein" in wrong.stderr


@superusers_must
def test_with_the_password_alone_an_administrator_gets_no_admin_page(chief, chief_device):
    client = Client()
    response = log_in(client, chief)
    assert response.status_code == 302
    assert logged_in_user_id(client) == str(chief.pk)  # the password was right ...

    for url in ["/admin/", "/admin/auth/user/", f"/admin/auth/user/{chief.pk}/change/"]:
        assert sent_to(client.get(url), VERIFY, url)  # ... but that is not enough
    assert sent_to(client.post("/admin/auth/user/add/", {}), VERIFY, "/admin/auth/user/add/")
    # No page of the site either: there the CMS toolbar would open the editing.
    assert sent_to(client.get("/"), VERIFY, "/")
    assert sent_to(client.get("/gibt-es-nicht/"), VERIFY, "/gibt-es-nicht/")


@superusers_must
def test_with_a_code_from_the_app_the_administrator_gets_in(chief, chief_device):
    client = Client()
    log_in(client, chief)
    page = client.get(f"{VERIFY}?next=/admin/auth/user/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Zweiter Faktor" in html
    assert "sechsstelligen Code" in html
    assert 'autocomplete="one-time-code"' in html

    wrong = client.post(VERIFY, {"token": "000000", "next": "/admin/auth/user/"})
    assert wrong.status_code == 200
    assert "Der Code stimmt nicht." in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    chief_device.throttle_reset()
    right = client.post(VERIFY, {"token": current_code(chief_device), "next": "/admin/auth/user/"})
    assert right.status_code == 302
    assert right["Location"] == "/admin/auth/user/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 200


@superusers_must
def test_a_code_is_good_once(chief, chief_device):
    first, second = Client(), Client()
    log_in(first, chief)
    log_in(second, chief)
    code = current_code(chief_device)
    assert first.post(VERIFY, {"token": code}).status_code == 302
    reused = second.post(VERIFY, {"token": code})
    assert reused.status_code == 200
    assert second.get("/admin/").status_code == 302


@superusers_must
@override_settings(OTP_TOTP_THROTTLE_FACTOR=60)
def test_wrong_codes_are_throttled(chief, chief_device):
    client = Client()
    log_in(client, chief)
    client.post(VERIFY, {"token": "000000"})
    response = client.post(VERIFY, {"token": current_code(chief_device)})
    assert "Zu viele falsche Codes" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@superusers_must
def test_an_administrator_without_a_device_is_led_to_set_one_up(chief):
    client = Client()
    log_in(client, chief)
    assert sent_to(client.get("/admin/"), SETUP)
    assert client.get(VERIFY)["Location"] == SETUP  # the step for a device they do not have

    page = client.get(f"{SETUP}?next=/admin/")
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=chief, confirmed=False)
    assert "<svg" in html  # the QR code, drawn here: nothing is loaded from elsewhere
    assert "https://" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "otpauth://totp/Netzwerke%20Brandenburg%3Achefin?secret=" in html
    assert html.count(device.config_url.split("secret=")[1].split("&")[0]) >= 1
    assert "Für Ihr Konto ist ein zweiter Faktor vorgeschrieben" in html
    assert client.get("/admin/").status_code == 302  # an unconfirmed device is no login

    assert client.post(SETUP, {"token": "000000", "next": "/admin/"}).status_code == 200
    device.throttle_reset()
    response = client.post(SETUP, {"token": current_code(device), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200

    # The next login asks for the code.
    other = Client()
    log_in(other, chief)
    assert sent_to(other.get("/admin/"), VERIFY)


@superusers_must
def test_with_the_password_alone_nobody_replaces_a_device(chief, chief_device):
    client = Client()
    log_in(client, chief)
    assert client.get(SETUP).status_code == 302
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=chief).count() == 1


@superusers_must
def test_sessions_from_force_login_need_the_second_factor_too(admin_user):
    assert sent_to(logged_in(admin_user).get("/admin/"), SETUP)


@superusers_must
def test_the_toolbar_login_asks_for_the_code_too(chief, chief_device):
    client = Client()
    response = client.post(
        f"{reverse('cms_login')}?next=/", {"username": chief.username, "password": "falsch"}
    )
    assert logged_in_user_id(client) is None
    response = client.post(
        f"{reverse('cms_login')}?next=/",
        {"username": chief.username, "password": "Brandenburg-Heide-2031"},
    )
    assert response["Location"] == "/"
    page = client.get("/")
    assert sent_to(page, VERIFY, "/")
    assert b"cms-toolbar" not in page.content

    response = client.post(VERIFY, {"token": current_code(chief_device), "next": "/"})
    assert response["Location"] == "/"
    page = client.get("/")
    assert page.status_code == 200
    assert b"cms-toolbar" in page.content


@superusers_must
def test_who_owes_the_code_may_log_out(chief, chief_device):
    client = Client()
    log_in(client, chief)
    assert client.post("/admin/logout/").status_code == 200
    assert logged_in_user_id(client) is None


@superusers_must
def test_editors_need_no_second_factor_unless_they_chose_one(editor):
    client = Client()
    log_in(client, editor)
    page = client.get("/admin/")
    assert page.status_code == 200
    # They may choose one: the admin and the toolbar offer it.
    assert f'href="{SETUP}"' in page.content.decode()

    device = TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    later = Client()
    log_in(later, editor)
    assert sent_to(later.get("/admin/"), VERIFY)
    later.post(VERIFY, {"token": current_code(device)})
    page = later.get("/admin/")
    assert page.status_code == 200
    assert f'href="{SETUP}"' not in page.content.decode()


@superusers_must
def test_the_toolbar_offers_the_second_factor_to_staff_without_one(editor):
    client = Client()
    log_in(client, editor)
    html = client.get("/?edit").content.decode()
    assert "Zweiten Faktor einrichten" in html
    assert f"{SETUP}?next=" in html


@staff_must
def test_the_setting_can_require_it_of_all_staff(editor):
    client = Client()
    log_in(client, editor)
    assert sent_to(client.get("/admin/"), SETUP)
    html = client.get(SETUP).content.decode()
    assert "Für Ihr Konto ist ein zweiter Faktor vorgeschrieben" in html


@override_settings(PORTAL_REQUIRE_2FA_FOR="none")
def test_the_setting_can_turn_it_off_but_a_chosen_device_still_counts(chief, editor):
    client = Client()
    log_in(client, chief)
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    other = Client()
    log_in(other, editor)
    assert sent_to(other.get("/admin/"), VERIFY)


@superusers_must
def test_the_next_address_stays_on_the_portal(chief, chief_device):
    client = Client()
    log_in(client, chief)
    response = client.post(
        VERIFY, {"token": current_code(chief_device), "next": "https://example.com/"}
    )
    assert response["Location"] == reverse("admin:index")


def test_visitors_are_sent_to_the_login():
    response = Client().get(SETUP)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@superusers_must
def test_an_administrator_removes_a_lost_device(chief, chief_device, editor):
    editor_device = TOTPDevice.objects.create(user=editor, name="Telefon", confirmed=True)
    client = Client()
    log_in(client, chief)
    client.post(VERIFY, {"token": current_code(chief_device)})
    changelist = client.get("/admin/otp_totp/totpdevice/")
    assert changelist.status_code == 200
    change = client.get(f"/admin/otp_totp/totpdevice/{editor_device.pk}/change/")
    assert editor_device.key not in change.content.decode()  # OTP_ADMIN_HIDE_SENSITIVE_DATA
    response = client.post(
        f"/admin/otp_totp/totpdevice/{editor_device.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=editor_device.pk).exists()
