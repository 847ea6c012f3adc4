"""Web addresses keep no markup characters or white space: they appear unescaped in calendar
files, JSON and GeoJSON."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from portal.validators import validate_url_characters
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

PROJECT_APPS = {
    "portal",
    "media",
    "notices",
    "networks",
    "contacts",
    "initiatives",
    "events",
    "news",
}
BAD_ADDRESSES = [
    'https://example.org/"><script>alert(1)</script>',
    "https://example.org/<b>",
    "https://example.org/it's",
    "https://example.org/a b",
    "https://example.org/a\tb",
]


def url_fields():
    return [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for field in model._meta.get_fields()
        if isinstance(field, models.URLField)
    ]


def test_every_url_field_of_the_apps_has_the_validator():
    fields = url_fields()
    assert len(fields) >= 8
    for label in fields:
        model_label, name = label.rsplit(".", 1)
        field = apps.get_model(model_label)._meta.get_field(name)
        assert validate_url_characters in field.validators, label


@pytest.mark.parametrize("address", BAD_ADDRESSES)
def test_full_clean_refuses_markup_in_an_address(address):
    network = NetworkFactory.build(website=address)

    with pytest.raises(ValidationError) as refused:
        network.full_clean(exclude=[f.name for f in network._meta.fields if f.name != "website"])

    assert "website" in refused.value.message_dict
    assert any("Zeichen" in message for message in refused.value.message_dict["website"])


@pytest.mark.parametrize(
    "address",
    ["https://example.org/", "https://example.org/a%20b?x=1&y=%22#teil", "https://bürger.de/"],
)
def test_ordinary_addresses_pass(address):
    validate_url_characters(address)
