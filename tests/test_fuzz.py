"""Junk in any field of any public form never answers 5xx: every field that a list's filter form
shows (read from the rendered page, so a new field is covered without changing this test) gets
each junk value, alone and with a page number; the page answers 200 with the form's message,
or 400/404."""

import re

import pytest

pytestmark = pytest.mark.django_db

FORMS = [
    "/netzwerke/",
    "/staedte/",
    "/initiativen/",
    "/veranstaltungen/",
    "/veranstaltungen/monat/2025/11/",
    "/kontakte/",
    "/aktuelles/",
    "/suche/",
    "/offene-daten/",
]
DOWNLOADS = [
    "/veranstaltungen/kalender.ics",
    "/offene-daten/veranstaltungen.csv",
    "/offene-daten/initiativen.json",
    "/offene-daten/kommunen.geojson",
]
JUNK = [
    "abc",
    "-1",
    "0",
    "99999999999999999999999",
    "2025-13-45",
    "1e308",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "\u00fc" * 400,
    "%",
    "\\",
    "\x00",
    "\ud800",
    "a,b,,c",
    " ",
]
NAMES = re.compile(r'<(?:input|select|textarea)\b[^>]*?\bname="([^"]+)"')


def field_names(client, url):
    page = client.get(url)
    assert page.status_code == 200, url
    names = set(NAMES.findall(page.content.decode())) - {"csrfmiddlewaretoken", "language"}
    assert names, f"{url} shows no form fields"
    return sorted(names)


def answer(client, url, params):
    try:
        return client.get(url, params).status_code
    except UnicodeEncodeError:
        # A lone surrogate cannot be sent by an HTTP client at all: nothing to answer.
        return 400


@pytest.mark.parametrize("url", FORMS)
def test_junk_in_every_field_of_a_list_never_answers_5xx(client, url):
    failures = []
    for name in [*field_names(client, url), "page", "when", "sort"]:
        for value in JUNK:
            for params in ({name: value}, {name: value, "page": "2"}, {name: [value, value]}):
                status = answer(client, url, params)
                if status >= 500 or status not in (200, 400, 404):
                    failures.append((name, value, status))
    assert failures == []


@pytest.mark.parametrize("url", DOWNLOADS)
def test_junk_in_the_filters_of_downloads_never_answers_5xx(client, url):
    failures = []
    for name in ("network", "municipality", "topic", "when", "start", "end", "kind", "year"):
        for value in JUNK:
            status = answer(client, url, {name: value})
            if status not in (200, 400, 404):
                failures.append((name, value, status))
    assert failures == []


@pytest.mark.parametrize(
    "path",
    ["/veranstaltungen/%00/", "/netzwerke/%00x/", "/%C0%AF/", "/staedte/%ff/", "/suche/%0a/"],
)
def test_control_and_invalid_characters_in_paths_answer_404(client, path):
    assert client.get(path).status_code == 404
