import time

from django_otp.oath import TOTP

PASSWORD = "Brandenburg-Heide-2031"


def current_code(device):
    """The code the authenticator app shows now."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def log_in(client, user, password=PASSWORD, **extra):
    """The admin's login form, as a person fills it in."""
    return client.post(
        "/admin/login/",
        {"username": user.get_username(), "password": password, "next": "/admin/"},
        **extra,
    )


def logged_in_user_id(client):
    return client.session.get("_auth_user_id")
