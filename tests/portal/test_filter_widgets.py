"""What a filter form shows after an invalid value: valid HTML, and a choice screen readers
can announce."""

import re

import pytest

pytestmark = pytest.mark.django_db


def date_input(html, name):
    return re.search(rf'<input type="date" name="{name}"[^>]*>', html).group(0)


@pytest.mark.parametrize("typed", ["2025-13-45", "gestern", "2025-02-30", "1.2.2025x"])
def test_an_invalid_date_is_not_put_into_the_date_field(client, typed):
    response = client.get("/veranstaltungen/", {"when": "all", "date_from": typed})
    assert response.status_code == 200
    assert response.context["filter"].form.errors["date_from"]
    field = date_input(response.content.decode(), "date_from")
    assert "value=" not in field


@pytest.mark.parametrize("typed", ["2025-03-01", "2025-3-1"])
def test_a_valid_date_stays_in_the_date_field_as_yyyy_mm_dd(client, typed):
    response = client.get("/veranstaltungen/", {"when": "all", "date_from": typed})
    assert not response.context["filter"].form.errors
    assert 'value="2025-03-01"' in date_input(response.content.decode(), "date_from")


def selected_options(html, name):
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.DOTALL).group(1)
    return re.findall(r'<option value="([^"]*)" selected>', select)


def test_after_an_invalid_time_span_the_select_still_has_a_choice(client):
    response = client.get("/veranstaltungen/", {"when": "irgendwann"})
    assert response.context["filter"].form.errors["when"]
    assert selected_options(response.content.decode(), "when") == ["upcoming"]


def test_after_an_invalid_choice_the_select_shows_all(client):
    response = client.get("/veranstaltungen/", {"when": "all", "kind": "gibt-es-nicht"})
    assert selected_options(response.content.decode(), "kind") == [""]


def test_a_valid_choice_stays_selected(client):
    response = client.get("/veranstaltungen/", {"when": "past"})
    assert selected_options(response.content.decode(), "when") == ["past"]
