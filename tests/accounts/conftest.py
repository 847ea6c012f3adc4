import pytest
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.helpers import PASSWORD


@pytest.fixture
def editor():
    """A member of staff with a password, no administrator."""
    return get_user_model().objects.create_user(
        "redakteurin", email="redaktion@example.org", password=PASSWORD, is_staff=True
    )


@pytest.fixture
def chief():
    """An administrator with a password."""
    return get_user_model().objects.create_superuser(
        "chefin", email="chefin@example.org", password=PASSWORD
    )


@pytest.fixture
def chief_device(chief):
    return TOTPDevice.objects.create(user=chief, name="Telefon", confirmed=True)
