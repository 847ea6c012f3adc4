"""Filter forms that do not grow with the reference tables, and page links in a window."""

import pytest
from django.core.paginator import Paginator

from portal import filters
from portal.templatetags.portal import page_window

pytestmark = pytest.mark.django_db


@pytest.fixture
def few_options(monkeypatch):
    """Municipalities (46 in the demo data) count as a long list."""
    monkeypatch.setattr(filters, "CHOICE_LIMIT", 10)


def test_a_long_list_is_a_text_field_that_suggests(client, few_options):
    page = client.get("/veranstaltungen/?when=all").content.decode()
    assert (
        'name="municipality" type="search"' in page or 'type="search" name="municipality"' in page
    )
    assert 'data-suggest="/vorschlaege/kommunen/"' in page
    assert '<option value="cottbus"' not in page


@pytest.mark.parametrize("typed", ["cottbus", "Cottbus", "cottbus ", "COTTBUS"])
def test_the_text_field_takes_a_name_or_an_address_key(client, few_options, typed):
    by_typing = client.get("/staedte/", {"network": "", "district": "kreisfrei"})
    assert by_typing.status_code == 200
    response = client.get("/veranstaltungen/", {"when": "all", "municipality": typed})
    assert response.status_code == 200
    assert not response.context["filter"].form.errors
    assert 'value="Cottbus"' in response.content.decode()


def test_an_unknown_name_is_a_german_form_error_and_no_rows(client, few_options):
    response = client.get("/veranstaltungen/", {"when": "all", "municipality": "Atlantis"})
    assert response.status_code == 200
    assert "„Atlantis“ wurde nicht gefunden" in response.content.decode()
    assert list(response.context["object_list"]) == []


def test_suggestions_are_names_beginning_with_what_was_typed(client):
    assert client.get("/vorschlaege/kommunen/", {"q": "Cott"}).json() == ["Cottbus"]
    assert client.get("/vorschlaege/kommunen/", {"q": ""}).json() == []
    assert client.get("/vorschlaege/gibt-es-nicht/", {"q": "a"}).status_code == 404


def test_short_lists_stay_selects(client):
    page = client.get("/veranstaltungen/?when=all").content.decode()
    assert '<select name="network"' in page


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, [1, 2, 3, None, 4000]),
        (4, [1, 2, 3, 4, 5, 6, None, 4000]),
        (2000, [1, None, 1998, 1999, 2000, 2001, 2002, None, 4000]),
        (4000, [1, None, 3998, 3999, 4000]),
    ],
)
def test_page_links_are_a_window_around_the_current_page(number, expected):
    page = Paginator(range(80_000), 20).page(number)
    assert page_window(page) == expected
