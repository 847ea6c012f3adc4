"""The portal's error pages."""

import pytest
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/netzwerke/gibt-es-nicht/",
        "/staedte/atlantis/",
        "/initiativen/nix/",
        "/veranstaltungen/nix/",
        "/kontakte/niemand/",
        "/kontakte/organisationen/nix/",
    ],
)
def test_unknown_slug_is_a_404_in_the_portal_design(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_server_error_page_stands_alone():
    page = render_to_string("500.html")
    assert "Ein Fehler ist aufgetreten" in page
    assert '<html lang="de">' in page
