import io

import pytest
from cms.utils.apphook_reload import reload_urlconf
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database holds the demo data, committed once; each test runs in a
    transaction on top of it that is rolled back afterwards."""
    with django_db_blocker.unblock():
        call_command("load_demo_data", stdout=io.StringIO())
        # The apphooked pages exist now: mount their URLs.
        reload_urlconf()


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _german():
    """Every test starts in the portal's language, whatever the test before it requested."""
    with translation.override("de"):
        yield
