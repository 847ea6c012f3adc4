"""The image and download plugins on a CMS page, in a new version of it, in structure mode."""

import re
from html import unescape
from urllib.parse import urlencode

import pytest
from cms.models import PageContent
from cms.toolbar.utils import get_object_edit_url, get_object_structure_url
from django.urls import reverse
from djangocms_versioning.models import Version

from tests.helpers import logged_in, published_page
from tests.media.factories import PDF, DocumentFactory, ImageFactory
from tests.networks.factories import MunicipalityFactory
from tests.portal.factories import CityEditorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_with_plugins(admin_user):
    image = ImageFactory(default_alt_text="Blick über den Marktplatz", default_caption="")
    document = DocumentFactory(original_filename="satzung.pdf")
    url = published_page(
        admin_user,
        "bild-und-datei",
        ("ImagePlugin", {"image": image, "caption": "Der Markt am Samstag"}),
        ("DownloadPlugin", {"file": document, "title": "Satzung des Netzwerks"}),
    )
    return url, document


def assert_shows_plugins(html, document):
    [img] = re.findall(r"<img [^>]*>", html)
    assert 'alt="Blick über den Marktplatz"' in img
    assert re.search(r'srcset="[^"]+ 400w, [^"]+ 800w, [^"]+ 1000w"', img)
    assert 'width="800" height="480"' in img
    assert 'loading="lazy"' in img
    assert "Der Markt am Samstag" in html
    assert "Bild: Foto: Stadt Teststadt, CC BY 4.0" in html
    [link] = re.findall(r'<a href="[^"]*satzung[^"]*".*?</a>', html, re.S)
    assert f'href="{document.url}"' in link
    assert re.sub(r"<[^>]+>", "", link) == f"Satzung des Netzwerks (PDF, {len(PDF)}\xa0Bytes)"


def test_the_plugins_render_image_and_download(client, page_with_plugins):
    url, document = page_with_plugins

    assert_shows_plugins(client.get(url).content.decode(), document)


def test_a_new_page_version_keeps_the_plugins(admin_user, page_with_plugins):
    _url, document = page_with_plugins
    published = PageContent.objects.get(page__urls__slug="bild-und-datei", language="de")
    draft = Version.objects.get_for_content(published).copy(admin_user).content
    client = logged_in(admin_user)

    structure = client.get(get_object_structure_url(draft))
    assert structure.status_code == 200
    assert "Satzung des Netzwerks" in structure.content.decode()
    edit = client.get(get_object_edit_url(draft))
    assert edit.status_code == 200
    assert_shows_plugins(edit.content.decode(), document)


def add_image(client, record, image):
    """Add an image plugin to a record's page the way the structure mode does."""
    placeholder = record.content_placeholder
    query = {
        "cms_path": record.get_absolute_url(),
        "placeholder_id": placeholder.pk,
        "plugin_type": "ImagePlugin",
        "plugin_language": "de",
        "plugin_position": placeholder.get_next_plugin_position("de", insert_order="last"),
    }
    url = f"{reverse('admin:cms_placeholder_add_plugin')}?{urlencode(query)}"
    return client.post(url, {"image": image.pk, "caption": ""})


@pytest.fixture
def city_page():
    city = MunicipalityFactory(name="Pluginstadt")
    return city, logged_in(CityEditorFactory(municipalities=[city]))


def test_an_editor_places_a_complete_image(city_page):
    city, client = city_page

    response = add_image(client, city, ImageFactory())

    assert response.status_code == 200
    assert city.content_placeholder.get_plugins("de").filter(plugin_type="ImagePlugin").exists()


@pytest.mark.parametrize(
    ("missing", "named"),
    [
        ({"default_alt_text": ""}, "Alternativtext"),
        ({"credit": ""}, "Bildnachweis"),
        ({"licence": "", "credit": ""}, "Bildnachweis, Lizenz"),
    ],
)
def test_the_image_plugin_refuses_an_image_without_its_data(city_page, missing, named):
    city, client = city_page
    image = ImageFactory(original_filename="ohne.jpg", **missing)

    response = add_image(client, city, image)

    assert response.status_code == 200
    assert (
        f"Beim Bild „ohne.jpg“ fehlt: {named}. Bitte tragen Sie das beim Bild selbst ein"
        in unescape(response.content.decode())
    )
    assert not city.content_placeholder.get_plugins("de").exists()
