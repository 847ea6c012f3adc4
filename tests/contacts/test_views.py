"""The filtered list of contacts and their pages."""

import pytest

from tests.contacts.factories import ContactFactory
from tests.helpers import names

pytestmark = pytest.mark.django_db


CASES = [
    ("/kontakte/", {"network": "aktiv"}, {"Anna Test"}),
    ("/kontakte/", {"organisation": "test-geschaeftsstelle"}, {"Anna Test"}),
    ("/kontakte/", {"municipality": "betadorf"}, {"Bert Test"}),
]


@pytest.mark.parametrize(("url", "params", "expected"), CASES)
def test_filters_narrow_the_list(client, list_world, url, params, expected):
    response = client.get(url, params)
    assert response.status_code == 200
    assert names(response) == expected


def test_hidden_contacts_never_listed(client, list_world):
    response = client.get("/kontakte/", {"network": "aktiv"})
    assert "Carla" not in response.content.decode()


INVALID = [
    ("/kontakte/", {"organisation": "unbekannt"}),
]


@pytest.mark.parametrize(("url", "params"), INVALID)
def test_invalid_filter_values_answer_200_with_a_form_error(client, list_world, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert names(response) == set()


def test_hidden_contact_detail_is_a_404(client, list_world):
    assert client.get("/kontakte/testperson-carla/").status_code == 404
    hidden = ContactFactory(is_public=False)
    assert client.get(hidden.get_absolute_url()).status_code == 404
