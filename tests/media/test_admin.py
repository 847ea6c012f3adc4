"""An image's page in the media library: alternative text, credit and licence first, and
required before it is saved."""

import pytest
from django.urls import reverse

from media.models import Image
from networks.folders import folder_for
from tests.admin_forms import admin_form_data
from tests.helpers import logged_in
from tests.media.factories import ImageFactory
from tests.networks.factories import MunicipalityFactory
from tests.portal.factories import CityEditorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_and_image():
    town = MunicipalityFactory(name="Bildstadt")
    editor = CityEditorFactory(municipalities=[town])
    image = ImageFactory(folder=folder_for(town), default_alt_text="", credit="", licence="")
    return logged_in(editor), image


def test_the_image_form_asks_for_alt_text_credit_and_licence_first(editor_and_image):
    client, image = editor_and_image

    response = client.get(reverse("admin:media_image_change", args=[image.pk]))

    assert response.status_code == 200
    first = response.context["adminform"].form.fields
    fieldsets = list(response.context["adminform"])
    assert [field.field.name for line in fieldsets[0] for field in line][:3] == [
        "default_alt_text",
        "credit",
        "licence",
    ]
    assert first["default_alt_text"].label == "Alternativtext"
    assert all(first[name].required for name in ("default_alt_text", "credit", "licence"))


def test_an_image_is_not_saved_without_them(editor_and_image):
    client, image = editor_and_image
    url = reverse("admin:media_image_change", args=[image.pk])

    response = client.post(url, admin_form_data(client.get(url), name="Neuer Name"))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert errors["default_alt_text"] == [
        "Ohne Alternativtext kann das Bild nicht verwendet werden."
    ]
    assert errors["licence"] == ["Ohne Lizenz kann das Bild nicht verwendet werden."]
    image.refresh_from_db()
    assert image.name == ""
    assert not image.is_usable


def test_with_them_the_image_becomes_usable(editor_and_image):
    client, image = editor_and_image
    url = reverse("admin:media_image_change", args=[image.pk])
    data = admin_form_data(
        client.get(url),
        default_alt_text="Kinder spielen am Brunnen",
        credit="Foto: Stadt Bildstadt",
        licence="CC BY 4.0",
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    image = Image.objects.get(pk=image.pk)
    assert image.is_usable
