import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _german():
    """Admin URLs and messages in German, whatever language an earlier test left active
    (reverse() prefixes URLs with the active language)."""
    with translation.override("de"):
        yield
