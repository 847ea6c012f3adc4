"""Who must give a second factor after the password (settings.PORTAL_REQUIRE_2FA_FOR)."""

from django.conf import settings
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice


def second_factor_mandatory(user) -> bool:
    """Whether the setting requires `user` to have a second factor (without one they are led
    to set one up)."""
    required = settings.PORTAL_REQUIRE_2FA_FOR
    if required == "staff":
        return user.is_staff or user.is_superuser
    if required == "superusers":
        return user.is_superuser
    return False


def must_verify(user) -> bool:
    """Whether `user`, logged in with the password, must still give a second factor in this
    session: everyone with a confirmed device (staff may choose one), and those the setting
    names even without one."""
    if not user.is_authenticated or user.is_verified():
        return False
    return second_factor_mandatory(user) or user_has_device(user)


def confirmed_device(user):
    """The person's confirmed TOTP device, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def device_to_set_up(user):
    """The person's unconfirmed TOTP device, made on first call; it is confirmed once a code
    from it has been entered."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=False)
    return device
