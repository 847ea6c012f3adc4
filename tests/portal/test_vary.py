"""The Vary header names no empty element (django-cms' page cache adds an empty list)."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/impressum/", "/en/impressum/", "/veranstaltungen/"])
def test_vary_has_no_empty_element(client, url):
    for _ in range(2):  # rendered, then from the CMS's page cache
        with override_settings(PAGE_CACHE_SKIP=("/",)):
            response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        if response.has_header("Vary"):
            names = [name.strip() for name in response["Vary"].split(",")]
            assert all(names), response["Vary"]
