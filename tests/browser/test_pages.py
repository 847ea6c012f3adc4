import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGES = [
    "/",
    "/netzwerke/",
    "/netzwerke/arbeitskreis-soziale-stadt/",
    "/staedte/",
    "/staedte/cottbus/",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_in_chromium_without_third_party_requests(page, path):
    response = page.goto(path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.foreign_requests == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/netzwerke/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhalt"
