"""The filtered list of initiatives."""

import pytest

from tests.helpers import names

pytestmark = pytest.mark.django_db


CASES = [
    ("/initiativen/", {"network": "aktiv"}, {"Großes Testvorhaben"}),
    ("/initiativen/", {"municipality": "betadorf"}, {"Kleines Testvorhaben"}),
    ("/initiativen/", {"topic": "thema-a"}, {"Großes Testvorhaben"}),
    ("/initiativen/", {"status": "running", "round": "Testrunde 1"}, {"Großes Testvorhaben"}),
    ("/initiativen/", {"round": "Testrunde 2"}, {"Kleines Testvorhaben"}),
    ("/initiativen/", {"funding_min": "1000000", "network": "aktiv"}, {"Großes Testvorhaben"}),
    (
        "/initiativen/",
        {"funding_max": "20000", "municipality": "betadorf"},
        {"Kleines Testvorhaben"},
    ),
    (
        "/initiativen/",
        {"kind": "wettbewerbsbeitrag", "network": "beendet"},
        {"Kleines Testvorhaben"},
    ),
]


@pytest.mark.parametrize(("url", "params", "expected"), CASES)
def test_filters_narrow_the_list(client, list_world, url, params, expected):
    response = client.get(url, params)
    assert response.status_code == 200
    assert names(response) == expected


INVALID = [
    ("/initiativen/", {"funding_min": "zehn"}),
    ("/initiativen/", {"funding_max": "-5"}),
    ("/initiativen/", {"round": "Runde 99"}),
]


@pytest.mark.parametrize(("url", "params"), INVALID)
def test_invalid_filter_values_answer_200_with_a_form_error(client, list_world, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response.context["filter"].form.errors
    assert names(response) == set()
